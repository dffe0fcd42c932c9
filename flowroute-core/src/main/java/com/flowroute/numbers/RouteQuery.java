package com.flowroute.numbers;

import java.util.Optional;
import com.flowroute.numbers.internal.Validation;
import org.immutables.value.Value;

/**
 * Which of the account's inbound routes to list.
 *
 * <p>{@code RouteQuery.builder().pageSize(50).build()}; every field is optional.
 */
@Value.Immutable
public abstract class RouteQuery implements PagedQuery {
    /** v2 only: routes of this type. */
    public abstract Optional<RouteType> routeType();

    /** A query for all results with the server's default page size. */
    public static RouteQuery all() {
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
    }

    /** Builds a {@link RouteQuery}; {@code build()} validates it. */
    public static final class Builder extends ImmutableRouteQuery.Builder {}
}
