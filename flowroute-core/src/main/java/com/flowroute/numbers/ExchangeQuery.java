package com.flowroute.numbers;

import com.flowroute.numbers.internal.Checks;
import com.flowroute.numbers.internal.QueryParameters;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which exchanges (NPA-NXX) of the inventory to list.
 *
 * <p>{@code ExchangeQuery.builder().npa("206").pageSize(50).build()}; every field is optional.
 */
@Value.Immutable
public abstract class ExchangeQuery implements PagedQuery {
    /** Limits results to area codes containing these 1-3 digits (a partial match, as the API does). */
    public abstract Optional<String> npa();

    /** A query for all results with the server's default page size. */
    public static ExchangeQuery all() {
        return builder().build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Map<String, String> queryParameters() {
        return QueryParameters.of(this).add("npa", npa()).toMap();
    }

    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        Checks.pageSize(pageSize());
        Checks.page(page());
        Checks.digits(npa(), "npa", 3);
    }

    /** Builds an {@link ExchangeQuery}; {@code build()} validates it. */
    public static final class Builder extends ImmutableExchangeQuery.Builder {}
}
