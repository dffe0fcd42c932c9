package com.flowroute.numbers.reactive;

import com.flowroute.numbers.internal.Validation;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.immutables.value.Value;

/**
 * When and how long to wait before trying a call again.
 *
 * <p>Retried: connect failures, timeouts and broken connections, 429 (waiting at least the
 * server's {@code Retry-After}, capped by {@link #maxRetryAfter()}), 502, 503 and 504, for reads,
 * route updates and route creation, which are all idempotent. A purchase is never blindly
 * repeated once the request may have reached the server: after an ambiguous failure the client
 * looks the number up and retries only if it is not on the account; and if that retry is refused
 * (say "already on your account", because the first attempt was applied after the look-up), it
 * looks again and completes when the number is there.
 *
 * <p>The wait before retry {@code n} (1-based) is {@code min(maxBackoff, minBackoff * 2^(n-1))},
 * reduced by a random part of up to {@link #jitter()} of itself (1.0 is "full jitter").
 */
@Value.Immutable
public abstract class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxRetries(0).build();

    /** Retries after the first attempt; 0 turns retrying off. Default 3. */
    @Value.Default
    public int maxRetries() {
        return 3;
    }

    /** The wait before the first retry, before jitter. Default 250 ms. */
    @Value.Default
    public Duration minBackoff() {
        return Duration.ofMillis(250);
    }

    /** The longest wait between attempts, before jitter. Default 8 s. */
    @Value.Default
    public Duration maxBackoff() {
        return Duration.ofSeconds(8);
    }

    /** The random part of each wait, 0.0 (none) to 1.0 (full jitter, the default). */
    @Value.Default
    public double jitter() {
        return 1.0;
    }

    /** The longest {@code Retry-After} the client honours; a longer one ends the call with the 429. Default 60 s. */
    @Value.Default
    public Duration maxRetryAfter() {
        return Duration.ofSeconds(60);
    }

    /** 3 retries, backoff from 250 ms to 8 s with full jitter. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** No retries at all, and no purchase reconciliation. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A new builder, starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The wait before retry {@code retry} (1-based), jitter applied. */
    Duration backoff(int retry) {
        long min = minBackoff().toMillis();
        long max = maxBackoff().toMillis();
        long exponential = retry >= 31 ? max : Math.min(max, min * (1L << (retry - 1)));
        double random = jitter() == 0 ? 0 : ThreadLocalRandom.current().nextDouble() * jitter();
        return Duration.ofMillis(Math.round(exponential * (1 - random)));
    }

    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        Validation.require(maxRetries() >= 0 && maxRetries() <= 100, "maxRetries", maxRetries(), "must be between 0 and 100");
        Validation.require(!minBackoff().isNegative(), "minBackoff", minBackoff(), "must not be negative");
        Validation.require(maxBackoff().compareTo(minBackoff()) >= 0, "maxBackoff", maxBackoff(),
                "must not be less than minBackoff " + minBackoff());
        Validation.require(jitter() >= 0 && jitter() <= 1, "jitter", jitter(), "must be between 0.0 and 1.0");
        Validation.require(!maxRetryAfter().isNegative(), "maxRetryAfter", maxRetryAfter(), "must not be negative");
    }

    /** Builds a {@link RetryPolicy}; {@code build()} validates it. */
    public static final class Builder extends ImmutableRetryPolicy.Builder {}
}
