package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.internal.v1.V1Wire;
import com.flowroute.numbers.internal.v2.JsonApi;
import com.flowroute.numbers.internal.v2.V2Wire;
import java.util.UUID;

/**
 * Which of Flowroute's APIs a request speaks, read from its path: how it is authenticated and
 * how refusals are written. {@code /v2/...} and {@code /v2.1/...} are v2 (HTTP Basic,
 * {@code errors[]}); everything else is v1 (HMAC signature, {@code {"error": ...}}).
 */
enum Dialect {
    /** The v1 API. */
    V1,
    /** The v2 and v2.1 APIs. */
    V2;

    /** The dialect of a request for {@code rawPath}. */
    static Dialect of(String rawPath) {
        return rawPath.startsWith("/v2/") || rawPath.startsWith("/v2.1/") || rawPath.equals("/v2") ? V2 : V1;
    }

    String mediaType() {
        return this == V1 ? V1Wire.MEDIA_TYPE : JsonApi.MEDIA_TYPE;
    }

    byte[] errorBody(int status, String message) {
        return this == V1 ? V1Wire.errorBody(message) : V2Wire.errorBody(UUID.randomUUID().toString(), status, title(status), message);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }
}
