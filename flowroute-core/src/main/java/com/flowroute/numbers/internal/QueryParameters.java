package com.flowroute.numbers.internal;

import com.flowroute.numbers.PagedQuery;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds a query's wire parameters. Not part of the SDK's contract. */
public final class QueryParameters {
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private QueryParameters(PagedQuery query) {
        query.pageSize().ifPresent(size -> parameters.put("limit", Integer.toString(size)));
        query.page().ifPresent(page -> parameters.put("page", Integer.toString(page)));
    }

    /** Starts with the paging parameters of {@code query}. */
    public static QueryParameters of(PagedQuery query) {
        return new QueryParameters(query);
    }

    /** Adds {@code name} when {@code value} is present. */
    public QueryParameters add(String name, Optional<String> value) {
        value.ifPresent(v -> parameters.put(name, v));
        return this;
    }

    /** The parameters, unmodifiable. */
    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(parameters);
    }
}
