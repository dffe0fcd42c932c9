package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A caller name (CNAM) stored on the account, under the id that {@code cnam().get/assign/delete}
 * take. Flowroute approves or rejects a new record within 48 hours; only an approved one can be
 * assigned to a number.
 */
@Value.Immutable
public abstract class CnamRecord {
    /** The record's id, such as {@code 23454}. */
    public abstract String id();

    /** The caller name, such as {@code BOB LAW}. */
    public abstract String value();

    /** Whether Flowroute approved it; {@code false} while pending, when rejected (see {@link #rejectionReason()}) or when not said. */
    public abstract boolean approved();

    /** When it was created (v2 {@code creation_datetime}), when the server says. */
    public abstract Optional<Instant> creationTime();

    /** When it was approved (v2 {@code approval_datetime}), when the server says. */
    public abstract Optional<Instant> approvalTime();

    /** Why Flowroute rejected it; empty unless rejected. */
    public abstract Optional<String> rejectionReason();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        Validation.text(id(), "id");
    }

    /** Builds a {@link CnamRecord}. */
    public static final class Builder extends ImmutableCnamRecord.Builder {}
}
