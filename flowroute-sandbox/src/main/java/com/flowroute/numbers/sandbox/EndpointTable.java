package com.flowroute.numbers.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's routing: a table of method + path pattern -> handler. A pattern is a path whose
 * segments are literals or {@code {name}} placeholders, matched against the request's decoded
 * segments; a path that matches with another method is a 405 naming the allowed ones, a path that
 * matches nothing a 404.
 */
final class EndpointTable {
    /** Answers one request; {@code path} holds the placeholders' values. */
    @FunctionalInterface
    interface Handler {
        Answer answer(IncomingRequest request, Map<String, String> path);
    }

    private record Endpoint(String method, List<String> pattern, Handler handler) {}

    private final List<Endpoint> endpoints = new ArrayList<>();

    /** Adds {@code method pattern -> handler}; the first added of two overlapping patterns wins. */
    EndpointTable add(String method, String pattern, Handler handler) {
        List<String> segments = new ArrayList<>();
        for (String segment : pattern.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        endpoints.add(new Endpoint(method, List.copyOf(segments), handler));
        return this;
    }

    /** Every endpoint of {@code other} too. */
    EndpointTable addAll(EndpointTable other) {
        endpoints.addAll(other.endpoints);
        return this;
    }

    /**
     * The answer of the endpoint that {@code request} names.
     *
     * @throws Refusal 404 when no pattern matches the path, 405 when none matches with its method
     */
    Answer answer(IncomingRequest request) {
        List<String> segments = request.pathSegments();
        Set<String> allowed = new LinkedHashSet<>();
        for (Endpoint endpoint : endpoints) {
            Map<String, String> values = match(endpoint.pattern(), segments);
            if (values == null) {
                continue;
            }
            if (endpoint.method().equals(request.method)) {
                return endpoint.handler().answer(request, values);
            }
            allowed.add(endpoint.method());
        }
        if (!allowed.isEmpty()) {
            throw Refusal.methodNotAllowed(request.method, String.join(", ", allowed));
        }
        throw Refusal.notFound("no endpoint at " + request.rawPath + ": the sandbox serves " + patterns());
    }

    private String patterns() {
        Set<String> patterns = new LinkedHashSet<>();
        endpoints.forEach(endpoint -> patterns.add("/" + String.join("/", endpoint.pattern())));
        return String.join(", ", patterns);
    }

    private static Map<String, String> match(List<String> pattern, List<String> segments) {
        if (pattern.size() != segments.size()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                values.put(expected.substring(1, expected.length() - 1), segments.get(i));
            } else if (!expected.equals(segments.get(i))) {
                return null;
            }
        }
        return values;
    }
}
