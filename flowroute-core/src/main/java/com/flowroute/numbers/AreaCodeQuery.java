package com.flowroute.numbers;

import com.flowroute.numbers.internal.Checks;
import com.flowroute.numbers.internal.QueryParameters;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Which area codes (NPAs) of the inventory to list.
 *
 * <p>{@code AreaCodeQuery.builder().pageSize(50).build()}; every field is optional.
 */
@Value.Immutable
public abstract class AreaCodeQuery implements PagedQuery {
    /** A query for all results with the server's default page size. */
    public static AreaCodeQuery all() {
        return builder().build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Map<String, String> queryParameters() {
        return QueryParameters.of(this).toMap();
    }

    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        Checks.pageSize(pageSize());
        Checks.page(page());
    }

    /** Builds a {@link AreaCodeQuery}; {@code build()} validates it. */
    public static final class Builder extends ImmutableAreaCodeQuery.Builder {}
}
