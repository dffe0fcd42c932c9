package com.flowroute.numbers.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the sandbox answers to a request: a status, extra headers, and a body with its media type
 * or none.
 *
 * @param status the HTTP status
 * @param body the body bytes, or null for none
 * @param contentType the body's media type, or null without a body
 * @param headers extra headers, such as {@code Retry-After} or {@code Allow}
 */
record Answer(int status, byte[] body, String contentType, Map<String, String> headers) {
    /** A v1 JSON answer. */
    static Answer json(int status, byte[] body) {
        return new Answer(status, body, Dialect.V1.mediaType(), Map.of());
    }

    /** A v2 JSON:API answer. */
    static Answer jsonApi(int status, byte[] body) {
        return new Answer(status, body, Dialect.V2.mediaType(), Map.of());
    }

    /** An answer without a body. */
    static Answer empty(int status) {
        return new Answer(status, null, null, Map.of());
    }

    /** A refusal, its body in the error shape of {@code dialect}. */
    static Answer error(Dialect dialect, int status, String message) {
        return new Answer(status, dialect.errorBody(status, message), dialect.mediaType(), Map.of());
    }

    /** {@code refusal} in the error shape of {@code dialect}, with its {@code Allow} header when it is a 405. */
    static Answer refused(Dialect dialect, Refusal refusal) {
        Answer answer = error(dialect, refusal.status(), refusal.getMessage());
        return refusal.allowedMethods() == null ? answer : answer.withHeader("Allow", refusal.allowedMethods());
    }

    Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, body, contentType, Map.copyOf(more));
    }
}
