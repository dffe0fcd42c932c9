package com.flowroute.numbers.blocking;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.concurrent.TimeUnit;

/** Waits on other threads and on WireMock without sleeping. */
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

    /** Waits until {@code server} has received a request for {@code url}; fails after 5 seconds. */
    static void awaitRequest(WireMockServer server, String url) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.findAll(anyRequestedFor(urlEqualTo(url))).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "no request for " + url + " arrived");
            Thread.onSpinWait();
        }
    }
}
