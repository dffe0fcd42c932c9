package com.flowroute.numbers.blocking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

/** Waits on other threads without sleeping. */
final class Threads {
    private Threads() {}

    /**
     * Waits until {@code thread} is parked (WAITING), as it is when a blocking call waits for its
     * answer; fails after 5 seconds.
     */
    static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < deadline, thread.getName() + " did not block; it is " + thread.getState());
            Thread.onSpinWait();
        }
    }
}
