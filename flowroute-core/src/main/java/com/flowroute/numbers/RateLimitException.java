package com.flowroute.numbers;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The server asked the client to slow down (429), possibly saying for how long. */
public class RateLimitException extends FlowrouteApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * See {@link FlowrouteApiException#FlowrouteApiException(int, String, String, String, List)}.
     *
     * @param retryAfter the server's {@code Retry-After}, or null when it sent none
     */
    public RateLimitException(int statusCode, String method, String path, String responseBody,
            List<String> errorMessages, Duration retryAfter) {
        super(statusCode, method, path, responseBody, errorMessages);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
