package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which of the account's CNAM records to list (always over v2).
 *
 * <p>{@code CnamQuery.builder().approved(true).value("law").build()}; every field is optional.
 */
@Value.Immutable
public abstract class CnamQuery implements PagedQuery {
    /** Only approved records ({@code true}) or only those not approved, pending or rejected ({@code false}). */
    public abstract Optional<Boolean> approved();

    /** Only records whose value contains this text (case-insensitive), such as {@code law}. */
    public abstract Optional<String> value();

    /** A query for all records with the server's default page size. */
    public static CnamQuery all() {
        return builder().build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The paging parameters ({@code limit}, {@code page}) and the v2 filters. */

    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        Validation.pageSize(pageSize());
        Validation.page(page());
        value().ifPresent(value -> Validation.text(value, "value"));
    }

    /** Builds a {@link CnamQuery}; {@code build()} validates it. */
    public static final class Builder extends ImmutableCnamQuery.Builder {}
}
