package com.flowroute.numbers.reactive;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * Spaces one client's message sends to at most {@code rate} per second without blocking a
 * thread: each attempt reserves the next free slot, in the order attempts ask, and waits on a
 * timer until it comes. Slots are {@code 1/rate} apart, so any one-second window holds at most
 * {@code rate} sends as they leave the client. A 429 pushes every later slot past its
 * {@code Retry-After}.
 */
final class MessagePacer {
    private final long intervalNanos;
    private final AtomicLong nextSlot = new AtomicLong(Long.MIN_VALUE);

    /** A pacer for {@code perSecond} sends a second; 0 turns pacing off. */
    MessagePacer(double perSecond) {
        this.intervalNanos = perSecond == 0 ? 0 : Math.max(1, Math.round(1_000_000_000d / perSecond));
    }

    /** Completes when this attempt may be sent; at once when pacing is off or a slot is free now. */
    Mono<Void> slot() {
        if (intervalNanos == 0) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            long now = System.nanoTime();
            long previous;
            long reserved;
            do {
                previous = nextSlot.get();
                reserved = previous == Long.MIN_VALUE || previous - now < 0 ? now : previous;
            } while (!nextSlot.compareAndSet(previous, reserved + intervalNanos));
            long wait = reserved - now;
            return wait <= 0 ? Mono.empty() : Mono.delay(Duration.ofNanos(wait)).then();
        });
    }

    /** No slot before {@code wait} from now, as a server's 429 {@code Retry-After} asks. */
    void pause(Duration wait) {
        if (intervalNanos == 0 || wait.isNegative() || wait.isZero()) {
            return;
        }
        long until = System.nanoTime() + wait.toNanos();
        nextSlot.getAndUpdate(slot -> slot == Long.MIN_VALUE || slot - until < 0 ? until : slot);
    }
}
