package com.flowroute.numbers;

import java.util.Optional;
import java.math.BigDecimal;
import com.flowroute.numbers.internal.Validation;
import org.immutables.value.Value;

/**
 * Which area codes (NPAs) of the inventory to list.
 *
 * <p>{@code AreaCodeQuery.builder().pageSize(50).build()}; every field is optional.
 */
@Value.Immutable
public abstract class AreaCodeQuery implements PagedQuery {
    /** v2 only: area codes or exchanges with numbers whose setup cost is at most this, in US dollars. */
    public abstract Optional<BigDecimal> maxSetupCost();

    /** A query for all results with the server's default page size. */
    public static AreaCodeQuery all() {
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
    }

    /** Builds a {@link AreaCodeQuery}; {@code build()} validates it. */
    public static final class Builder extends ImmutableAreaCodeQuery.Builder {}
}
