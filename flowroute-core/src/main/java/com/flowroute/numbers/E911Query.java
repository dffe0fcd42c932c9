package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.E911AddressRules;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which of the account's E911 records to list (always over v2).
 *
 * <p>{@code E911Query.builder().state("WA").pageSize(50).build()}; every field is optional.
 */
@Value.Immutable
public abstract class E911Query implements PagedQuery {
    /** Only records in this two-letter state, province or territory, such as {@code WA} (case-insensitive). */
    public abstract Optional<String> state();

    /** A query for all records with the server's default page size. */
    public static E911Query all() {
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
        state().ifPresent(state -> E911AddressRules.state(state, "state"));
    }

    /** Builds an {@link E911Query}; {@code build()} validates it. */
    public static final class Builder extends ImmutableE911Query.Builder {}
}
