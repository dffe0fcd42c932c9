package com.flowroute.numbers.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a non-2xx answer (status and body, v1 or v2) to the contract's exception type, and reads
 * the messages out of the body: the one place that does. Not part of the SDK's contract.
 */
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
        List<String> messages = errorMessages(body);
        return switch (status) {
            case 400, 422 -> new BadRequestException(status, method, path, body, messages);
            case 401, 403 -> new AuthenticationException(status, method, path, body, messages);
            case 404 -> new NotFoundException(status, method, path, body, messages);
            case 429 -> new RateLimitException(status, method, path, body, messages, retryAfter);
            default -> status >= 500
                    ? new ServerException(status, method, path, body, messages)
                    : new FlowrouteApiException(status, method, path, body, messages);
        };
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
        if (Validation.isDigits(value)) {
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

    /**
     * The error messages of an error body, when it is JSON: strings found under {@code errors}
     * (v2: objects with {@code detail} or {@code title}, either of which may be missing or not a
     * string), {@code error} (v1), {@code message} and {@code detail}. Empty for anything else.
     */
    public static List<String> errorMessages(String body) {
        List<String> messages = new ArrayList<>();
        Json.lenient(body).filter(JsonNode::isObject).ifPresent(root -> {
            for (String field : List.of("errors", "error", "message", "detail")) {
                collect(root.get(field), messages);
            }
        });
        return messages;
    }

    private static void collect(JsonNode node, List<String> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isTextual()) {
            if (!node.asText().isBlank()) {
                into.add(node.asText());
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, into));
        } else if (node.isObject()) {
            for (String field : List.of("detail", "message", "title")) {
                JsonNode text = node.path(field);
                if (text.isTextual() && !text.asText().isBlank()) {
                    into.add(text.asText());
                    return;
                }
            }
        }
    }
}
