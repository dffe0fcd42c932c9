package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Which message records to list: those of a period, which must have a start.
 *
 * <p>{@code MessageQuery.builder().start(Instant.parse("2017-12-01T00:00:00Z"))
 * .end(Instant.parse("2018-01-08T00:00:00Z")).pageSize(50).build()}. Times are instants, sent
 * to Flowroute in UTC to the millisecond; {@code end} must be after {@code start}.
 */
@Value.Immutable
public abstract class MessageQuery implements PagedQuery {
    private static final String START_RULE = "is required: the start of the period to list (MessageQuery.builder().start(Instant))";

    /** The start of the period. */
    public abstract Instant start();

    /** The end of the period; up to now when empty. */
    public abstract Optional<Instant> end();

    /** Records per page, the wire {@code limit}: 1..200; the server's default (10) when empty. */
    public abstract OptionalInt pageSize();

    /** The page to start from, 1 or more; the first page when empty. */
    public abstract OptionalInt page();

    /** The records from {@code start} up to now. */
    public static MessageQuery since(Instant start) {
        return builder().start(start).build();
    }

    /** The records from {@code start} to {@code end}. */
    public static MessageQuery between(Instant start, Instant end) {
        return builder().start(start).end(end).build();
    }

    /** A new builder; {@code start} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        Validation.pageSize(pageSize());
        Validation.page(page());
        end().ifPresent(end -> Validation.require(end.isAfter(start()), "end", end, "must be after start " + start()));
    }

    /** Builds a {@link MessageQuery}; {@code build()} validates it. */
    public static final class Builder extends ImmutableMessageQuery.Builder {
        /**
         * The query.
         *
         * @throws IllegalArgumentException when {@code start} is not set or a rule is broken;
         *     the message names the field, the value and the rule
         */
        @Override
        public MessageQuery build() {
            try {
                return super.build();
            } catch (IllegalStateException missingStart) {
                // start is the only required attribute, so it is what Immutables found missing.
                throw Validation.invalid("start", null, START_RULE);
            }
        }
    }
}
