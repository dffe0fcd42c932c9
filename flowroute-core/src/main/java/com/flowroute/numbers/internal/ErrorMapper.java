package com.flowroute.numbers.internal;

import com.flowroute.numbers.AuthenticationException;
import com.flowroute.numbers.BadRequestException;
import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.RateLimitException;
import com.flowroute.numbers.ServerException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Maps a non-2xx answer to the contract's exception type. Not part of the SDK's contract. */
public final class ErrorMapper {
    private ErrorMapper() {}

    /**
     * The exception for an answer.
     *
     * @param status the HTTP status
     * @param method the request method
     * @param path the request path and query
     * @param body the body as text (already bounded by the caller)
     * @param retryAfter the parsed {@code Retry-After}, or null
     */
    public static FlowrouteApiException toException(int status, String method, String path, String body, Duration retryAfter) {
        List<String> messages = WireFormat.errorMessages(body);
        switch (status) {
            case 400:
            case 422:
                return new BadRequestException(status, method, path, body, messages);
            case 401:
            case 403:
                return new AuthenticationException(status, method, path, body, messages);
            case 404:
                return new NotFoundException(status, method, path, body, messages);
            case 429:
                return new RateLimitException(status, method, path, body, messages, retryAfter);
            default:
                return status >= 500
                        ? new ServerException(status, method, path, body, messages)
                        : new FlowrouteApiException(status, method, path, body, messages);
        }
    }

    /**
     * A {@code Retry-After} value, in seconds or as an HTTP-date, as a duration from now; null when
     * absent or unreadable. A date in the past is zero.
     */
    public static Duration retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (Checks.isDigits(value)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException tooLarge) {
                return null;
            }
        }
        try {
            Duration wait = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
