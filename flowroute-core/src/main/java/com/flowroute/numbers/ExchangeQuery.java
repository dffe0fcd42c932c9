package com.flowroute.numbers;

import java.math.BigDecimal;
import com.flowroute.numbers.internal.Validation;
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

    /** v2 only: area codes or exchanges with numbers whose setup cost is at most this, in US dollars. */
    public abstract Optional<BigDecimal> maxSetupCost();

    /** A query for all results with the server's default page size. */
    public static ExchangeQuery all() {
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
        maxSetupCost().ifPresent(cost -> Validation.require(cost.signum() >= 0, "maxSetupCost", cost, "must not be negative"));
        Validation.digits(npa(), "npa", 3);
    }

    /** Builds an {@link ExchangeQuery}; {@code build()} validates it. */
    public static final class Builder extends ImmutableExchangeQuery.Builder {}
}
