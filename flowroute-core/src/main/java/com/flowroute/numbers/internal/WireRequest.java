package com.flowroute.numbers.internal;

import java.util.List;
import java.util.Map;

/**
 * One request as a protocol describes it, before authentication: method, raw (percent-encoded)
 * path from the host root, decoded query parameters, and the exact body bytes (null for none).
 * Not part of the SDK's contract.
 */
public record WireRequest(String method, String rawPath, List<Map.Entry<String, String>> query, byte[] body) {
    /** A request; the query is copied. */
    public WireRequest {
        query = List.copyOf(query);
    }

    /** A GET. */
    public static WireRequest get(String rawPath, List<Map.Entry<String, String>> query) {
        return new WireRequest("GET", rawPath, query, null);
    }

    /** A request without a query. */
    public static WireRequest of(String method, String rawPath, byte[] body) {
        return new WireRequest(method, rawPath, List.of(), body);
    }

    /** The same request with {@code query} instead. */
    public WireRequest withQuery(List<Map.Entry<String, String>> query) {
        return new WireRequest(method, rawPath, query, body);
    }

    /** The first value of query parameter {@code name}, or null. */
    public String parameter(String name) {
        for (Map.Entry<String, String> parameter : query) {
            if (parameter.getKey().equals(name)) {
                return parameter.getValue();
            }
        }
        return null;
    }

    /** {@code METHOD rawPath}, for messages (bodies are never shown). */
    @Override
    public String toString() {
        return method + " " + rawPath;
    }
}
