package com.flowroute.numbers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.AuthenticationException;
import com.flowroute.numbers.BadRequestException;
import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.FlowrouteException;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.RateLimitException;
import com.flowroute.numbers.ServerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorMapperTest {
    /** Monday 1 January 2024, midnight UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class),
                Arguments.of(422, BadRequestException.class),
                Arguments.of(401, AuthenticationException.class),
                Arguments.of(403, AuthenticationException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(429, RateLimitException.class),
                Arguments.of(500, ServerException.class),
                Arguments.of(502, ServerException.class),
                Arguments.of(503, ServerException.class),
                Arguments.of(504, ServerException.class),
                Arguments.of(409, FlowrouteApiException.class),
                Arguments.of(405, FlowrouteApiException.class),
                Arguments.of(302, FlowrouteApiException.class));
    }

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @MethodSource("statuses")
    void statusMapsToItsExceptionTypeCarryingTheRequestAndBody(int status, Class<?> type) {
        String body = "{\"errors\": [{\"detail\": \"something about " + status + "\"}]}";

        FlowrouteApiException e = ErrorMapper.toException(status, "PUT", "/v1/tns/12066417744", body, null);

        assertEquals(type, e.getClass(), "exact type for " + status);
        assertInstanceOf(FlowrouteException.class, e);
        assertEquals(status, e.statusCode());
        assertEquals("PUT", e.method());
        assertEquals("/v1/tns/12066417744", e.path());
        assertEquals(body, e.responseBody());
        assertEquals(List.of("something about " + status), e.errorMessages());
        assertEquals("PUT /v1/tns/12066417744 failed with HTTP " + status + ": something about " + status, e.getMessage());
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        FlowrouteApiException e = ErrorMapper.toException(429, "GET", "/v1/routes/?limit=10", "slow down", Duration.ofSeconds(120));

        RateLimitException rateLimit = assertInstanceOf(RateLimitException.class, e);
        assertEquals(Optional.of(Duration.ofSeconds(120)), rateLimit.retryAfter());
        assertEquals("slow down", rateLimit.responseBody());
        assertEquals(List.of(), rateLimit.errorMessages(), "a text body has no structured messages");
        assertEquals("GET /v1/routes/?limit=10 failed with HTTP 429: slow down", rateLimit.getMessage());
    }

    @Test
    void rateLimitWithoutRetryAfterSaysNothing() {
        RateLimitException e = (RateLimitException) ErrorMapper.toException(429, "GET", "/v1/routes/", "", null);

        assertEquals(Optional.empty(), e.retryAfter());
    }

    @Test
    void retryAfterIsIgnoredForOtherStatuses() {
        FlowrouteApiException e = ErrorMapper.toException(503, "GET", "/v1/tns/", "busy", Duration.ofSeconds(5));

        assertEquals(ServerException.class, e.getClass());
    }

    static Stream<Arguments> errorBodies() {
        return Stream.of(
                Arguments.of("JSON:API errors with detail",
                        "{\"errors\": [{\"id\": \"1\", \"detail\": \"Number 12066417744 is not available\", \"title\": \"Bad\"}]}",
                        List.of("Number 12066417744 is not available")),
                Arguments.of("errors as strings", "{\"errors\": [\"limit must be 1..200\", \"page must be 1 or more\"]}",
                        List.of("limit must be 1..200", "page must be 1 or more")),
                Arguments.of("errors with title or message", "{\"errors\": [{\"title\": \"Unauthorized\"}, {\"message\": \"m\", \"title\": \"t\"}]}",
                        List.of("Unauthorized", "m")),
                Arguments.of("error string", "{\"error\": \"invalid signature\"}", List.of("invalid signature")),
                Arguments.of("error object", "{\"error\": {\"message\": \"route not found\", \"code\": 404}}", List.of("route not found")),
                Arguments.of("message and detail", "{\"message\": \"Bad Request\", \"detail\": \"state must be two letters\", \"code\": 400}",
                        List.of("Bad Request", "state must be two letters")),
                Arguments.of("detail only", "{\"detail\": \"Not found.\"}", List.of("Not found.")),
                Arguments.of("unknown fields only", "{\"code\": 400, \"status\": \"fail\"}", List.of()),
                Arguments.of("null error", "{\"error\": null}", List.of()),
                Arguments.of("plain text", "HTTP Response Not OK", List.of()),
                Arguments.of("HTML page", "<html><body><h1>502 Bad Gateway</h1></body></html>", List.of()),
                Arguments.of("JSON array", "[\"not an object\"]", List.of()),
                Arguments.of("truncated JSON", "{\"errors\": [\"cut", List.of()),
                Arguments.of("empty", "", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorBodies")
    void errorMessagesAreParsedFromJsonBodiesAndTheBodyIsKept(String name, String body, List<String> messages) {
        FlowrouteApiException e = ErrorMapper.toException(400, "GET", "/v1/available-tns/tns/?limit=500", body, null);

        assertEquals(messages, e.errorMessages());
        assertEquals(body, e.responseBody());
        assertEquals(messages, ErrorMapper.errorMessages(body));
        assertThrows(UnsupportedOperationException.class, () -> e.errorMessages().add("x"));
    }

    @Test
    void messageJoinsSeveralErrorMessages() {
        FlowrouteApiException e = ErrorMapper.toException(422, "PATCH", "/v1/tns/12066417744",
                "{\"errors\": [\"no route named primary\", \"no route named failover\"]}", null);

        assertEquals("PATCH /v1/tns/12066417744 failed with HTTP 422: no route named primary; no route named failover",
                e.getMessage());
    }

    @Test
    void messageWithoutABodyNamesRequestAndStatus() {
        FlowrouteApiException e = ErrorMapper.toException(401, "GET", "/v1/tns/", null, null);

        assertEquals("GET /v1/tns/ failed with HTTP 401", e.getMessage());
        assertEquals("", e.responseBody());
        assertEquals(List.of(), e.errorMessages());
    }

    @Test
    void messageShowsATextBodyOnOneLine() {
        FlowrouteApiException e = ErrorMapper.toException(500, "GET", "/v1/routes/", "  Internal\n\n  Server\tError \n", null);

        assertEquals("GET /v1/routes/ failed with HTTP 500: Internal Server Error", e.getMessage());
        assertEquals("  Internal\n\n  Server\tError \n", e.responseBody(), "the body itself is kept as sent");
    }

    @Test
    void bodyOverSixtyFourKibIsBounded() {
        String body = "<html>" + "x".repeat(100_000) + "</html>";

        FlowrouteApiException e = ErrorMapper.toException(502, "GET", "/v1/tns/", body, null);

        assertEquals(64 * 1024, FlowrouteApiException.MAX_BODY_CHARS);
        assertEquals(64 * 1024, e.responseBody().length());
        assertEquals(body.substring(0, 64 * 1024), e.responseBody());
        assertTrue(e.getMessage().length() < 300, "the message shows only the start of a long body");
        assertTrue(e.getMessage().startsWith("GET /v1/tns/ failed with HTTP 502: <html>xxx"), e.getMessage());
    }

    @Test
    void bodyOfExactlySixtyFourKibIsKeptWhole() {
        String body = "y".repeat(64 * 1024);

        assertEquals(body, ErrorMapper.toException(500, "GET", "/v1/tns/", body, null).responseBody());
    }

    // ---- Retry-After ------------------------------------------------------------------------

    @Test
    void retryAfterInSeconds() {
        assertEquals(Duration.ofSeconds(120), ErrorMapper.retryAfter("120", CLOCK));
        assertEquals(Duration.ofSeconds(120), ErrorMapper.retryAfter(" 120 ", CLOCK));
        assertEquals(Duration.ZERO, ErrorMapper.retryAfter("0", CLOCK));
    }

    @Test
    void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
        assertEquals(Duration.ofSeconds(30), ErrorMapper.retryAfter("Mon, 01 Jan 2024 00:00:30 GMT", CLOCK));
        assertEquals(Duration.ofHours(1), ErrorMapper.retryAfter("Mon, 1 Jan 2024 01:00:00 GMT", CLOCK));
    }

    @Test
    void retryAfterInThePastIsZero() {
        assertEquals(Duration.ZERO, ErrorMapper.retryAfter("Sun, 31 Dec 2023 23:59:00 GMT", CLOCK));
        assertEquals(Duration.ZERO, ErrorMapper.retryAfter("Mon, 01 Jan 2024 00:00:00 GMT", CLOCK));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "soon", "-5", "1.5", "+120", "99999999999999999999999",
            "2024-01-01T00:00:30Z", "Tue, 01 Jan 2024 00:00:30 GMT", "Mon, 01 Foo 2024 00:00:30 GMT"})
    void unreadableRetryAfterIsNull(String header) {
        assertNull(ErrorMapper.retryAfter(header, CLOCK));
    }
}
