package com.flowroute.numbers;

import com.flowroute.numbers.internal.Checks;
import com.flowroute.numbers.internal.QueryParameters;
import java.util.Map;
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

    /** A query for all results with the server's default page size. */
    public static AccountNumberQuery all() {
        return builder().build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Map<String, String> queryParameters() {
        return QueryParameters.of(this).add("pattern", pattern()).toMap();
    }

    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        Checks.pageSize(pageSize());
        Checks.page(page());
        Checks.digits(pattern(), "pattern", 11);
    }

    /** Builds an {@link AccountNumberQuery}; {@code build()} validates it. */
    public static final class Builder extends ImmutableAccountNumberQuery.Builder {}
}
