package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which of the account's numbers to list.
 *
 * <p>{@code AccountNumberQuery.builder().pattern("206").pageSize(50).build()}; every field is
 * optional.
 */
@Value.Immutable
public abstract class AccountNumberQuery implements PagedQuery {
    /** Limits results to numbers containing these digits (a partial match, as the API does). */
    public abstract Optional<String> pattern();

    /** v2 only: numbers starting with these digits, such as {@code 1206}. */
    public abstract Optional<String> startsWith();

    /** v2 only: numbers ending with these digits. */
    public abstract Optional<String> endsWith();

    /** v2 only: numbers whose alias is this text. */
    public abstract Optional<String> alias();

    /** A query for all results with the server's default page size. */
    public static AccountNumberQuery all() {
        return builder().build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }


    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        Validation.pageSize(pageSize());
        Validation.page(page());
        Validation.digits(pattern(), "pattern", 11);
        Validation.digits(startsWith(), "startsWith", 11);
        Validation.digits(endsWith(), "endsWith", 11);
        alias().ifPresent(alias -> Validation.text(alias, "alias"));
    }

    /** Builds an {@link AccountNumberQuery}; {@code build()} validates it. */
    public static final class Builder extends ImmutableAccountNumberQuery.Builder {}
}
