package com.flowroute.numbers.reactive;

import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * One v1 call before signing: method, raw (percent-encoded) path from the host root, decoded
 * query parameters, exact body bytes, and for a purchase how to tell whether it was applied.
 */
final class ApiRequest {
    final String method;
    final String rawPath;
    final List<Map.Entry<String, String>> query;
    final byte[] body;
    /** For a non-idempotent request: emits whether it took effect; null for idempotent ones. */
    final Mono<Boolean> applied;

    private ApiRequest(String method, String rawPath, List<Map.Entry<String, String>> query, byte[] body,
            Mono<Boolean> applied) {
        this.method = method;
        this.rawPath = rawPath;
        this.query = query;
        this.body = body;
        this.applied = applied;
    }

    static ApiRequest get(String rawPath, List<Map.Entry<String, String>> query) {
        return new ApiRequest("GET", rawPath, query, null, null);
    }

    /** An idempotent write: repeating it has the same effect as sending it once. */
    static ApiRequest write(String method, String rawPath, byte[] body) {
        return new ApiRequest(method, rawPath, List.of(), body, null);
    }

    /** A write that must not be repeated blindly; {@code applied} tells whether it took effect. */
    static ApiRequest nonIdempotent(String method, String rawPath, byte[] body, Mono<Boolean> applied) {
        return new ApiRequest(method, rawPath, List.of(), body, applied);
    }

    boolean idempotent() {
        return applied == null;
    }
}
