package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.FlowrouteException;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Every operation kind against every way a server or network can misbehave, once with a server
 * that recovers after the fault and once with a fault that persists. Each cell states what must
 * happen: recovery after a number of requests, or the contract's exception type with a message
 * that says what went wrong. Never a hang (each call is bounded), never a raw Netty or Jackson
 * exception, never an NPE; and a purchase is sent again only after a look-up found the number
 * absent.
 */
class FaultMatrixTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The response timeout where the fault is a delay; elsewhere a generous one, so a busy machine is no fault. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);
    private static final int MAX_RESPONSE_BYTES = 4096;
    private static final String NUMBER = "12066417744";
    private static final String NUMBER_PATH = "/v1/tns/" + NUMBER;
    private static final String ROUTE_PATH = "/v1/routes/office";
    private static final String ROUTES_PATH = "/v1/routes/";
    private static final String ROUTES_PAGE = "{\"routes\": {\"office\": {\"type\": \"HOST\", \"value\": \"24.239.23.40:5060\"}}}";

    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create();

    /** The operation kinds; a purchase twice, as its look-up after an ambiguous failure finds the number or not. */
    enum Operation {
        LISTING("GET", ROUTES_PATH),
        DETAILS("GET", NUMBER_PATH),
        PATCH("PATCH", NUMBER_PATH),
        ROUTE_PUT("PUT", ROUTE_PATH),
        PURCHASE_FOUND("PUT", NUMBER_PATH),
        PURCHASE_ABSENT("PUT", NUMBER_PATH);

        final String method;
        final String path;

        Operation(String method, String path) {
            this.method = method;
            this.path = path;
        }

        boolean purchase() {
            return this == PURCHASE_FOUND || this == PURCHASE_ABSENT;
        }

        boolean read() {
            return method.equals("GET");
        }

        /** Whether the call emits a value: the reads, and a route create (the route as created). */
        boolean hasResult() {
            return read() || this == ROUTE_PUT;
        }

        /** The request this operation sends, matched by method and path (a listing's query aside). */
        MappingBuilder request() {
            switch (method) {
                case "GET":
                    return get(urlPathEqualTo(path));
                case "PATCH":
                    return patch(urlEqualTo(path));
                default:
                    return put(urlEqualTo(path));
            }
        }

        /** What a healthy server answers. */
        ResponseDefinitionBuilder healthy() {
            switch (this) {
                case LISTING:
                    return okJson(ROUTES_PAGE);
                case DETAILS:
                    return okJson(SeedExamples.NUMBER_DETAILS);
                case PATCH:
                    return aResponse().withStatus(204);
                default:
                    return aResponse().withStatus(201);
            }
        }

        /** The call, reduced to a Mono of something to check (or nothing for a write). */
        Mono<?> call(ReactiveFlowrouteClient client) {
            switch (this) {
                case LISTING:
                    return client.routes().list(RouteQuery.builder().pageSize(2).build()).collectList();
                case DETAILS:
                    return client.numbers().details(NUMBER);
                case PATCH:
                    return client.numbers().updateRoutes(NUMBER, "office", "sip-reg");
                case ROUTE_PUT:
                    return client.routes().create(NewRoute.host("office", "24.239.23.40:5060"));
                default:
                    return client.numbers().purchase(NUMBER);
            }
        }

        void checkResult(Object result) {
            if (this == LISTING) {
                @SuppressWarnings("unchecked")
                List<Route> routes = (List<Route>) result;
                assertEquals(List.of(Route.of("office", com.flowroute.numbers.RouteType.HOST, "24.239.23.40:5060")), routes);
            } else if (this == DETAILS) {
                assertEquals("METERED", ((NumberDetails) result).billingMethod().orElseThrow().value());
            } else if (this == ROUTE_PUT) {
                assertEquals(Route.of("office", com.flowroute.numbers.RouteType.HOST, "24.239.23.40:5060"), result);
            }
        }
    }

    /** The faults, each as the answer (or non-answer) to one request. */
    enum Fault {
        CONNECTION_RESET,
        EMPTY_RESPONSE,
        MALFORMED_CHUNK,
        RANDOM_DATA_THEN_CLOSE,
        DELAY_BEYOND_TIMEOUT,
        RATE_LIMIT_SECONDS,
        RATE_LIMIT_HTTP_DATE,
        HTTP_500,
        HTTP_502,
        HTTP_503,
        HTTP_504,
        TRUNCATED_JSON,
        WRONG_SHAPE_JSON,
        HTML_ERROR_PAGE,
        BODY_OVER_LIMIT;

        ResponseDefinitionBuilder answer(Operation operation) {
            switch (this) {
                case CONNECTION_RESET:
                    return aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
                case EMPTY_RESPONSE:
                    return aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
                case MALFORMED_CHUNK:
                    return aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK);
                case RANDOM_DATA_THEN_CLOSE:
                    return aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE);
                case DELAY_BEYOND_TIMEOUT:
                    return operation.healthy().withFixedDelay((int) RESPONSE_TIMEOUT.multipliedBy(3).toMillis());
                case RATE_LIMIT_SECONDS:
                    return aResponse().withStatus(429).withHeader("Retry-After", "1")
                            .withBody("{\"error\": \"rate limit exceeded\"}");
                case RATE_LIMIT_HTTP_DATE:
                    // The client's clock is fixed at 06:07:08.765: this date asks for 235 ms.
                    return aResponse().withStatus(429).withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME
                                    .format(MockFlowrouteExtension.NOW.plusSeconds(1).atZone(ZoneOffset.UTC).withNano(0)))
                            .withBody("{\"error\": \"rate limit exceeded\"}");
                case HTTP_500:
                case HTTP_502:
                case HTTP_503:
                case HTTP_504:
                    int status = Integer.parseInt(name().substring("HTTP_".length()));
                    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                            .withBody("{\"errors\": [{\"detail\": \"injected " + status + "\"}]}");
                case TRUNCATED_JSON:
                    String whole = operation == Operation.DETAILS ? SeedExamples.NUMBER_DETAILS : ROUTES_PAGE;
                    return aResponse().withStatus(operation.read() ? 200 : 201).withHeader("Content-Type", "application/json")
                            .withBody(whole.substring(0, whole.length() / 2));
                case WRONG_SHAPE_JSON:
                    return aResponse().withStatus(operation.read() ? 200 : 201).withHeader("Content-Type", "application/json")
                            .withBody(operation == Operation.DETAILS ? "{\"billing_method\": \"METERED\", \"routes\": {\"a\": 1}}"
                                    : "{\"routes\": [\"office\"]}");
                case HTML_ERROR_PAGE:
                    return aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                            .withBody("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                                    + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
                case BODY_OVER_LIMIT:
                    return aResponse().withStatus(operation.read() ? 200 : 201).withHeader("Content-Type", "application/json")
                            .withBody("{\"padding\": \"" + "p".repeat(MAX_RESPONSE_BYTES) + "\"}");
                default:
                    throw new AssertionError(this);
            }
        }

        /** The least time the client must wait before sending again. */
        Duration minimumWait() {
            return this == RATE_LIMIT_SECONDS ? Duration.ofMillis(950)
                    : this == RATE_LIMIT_HTTP_DATE ? Duration.ofMillis(200) : Duration.ZERO;
        }
    }

    private static ReactiveFlowrouteClient client(RetryPolicy retryPolicy, Fault fault) {
        return flowroute.newClient(builder -> builder.retryPolicy(retryPolicy)
                .responseTimeout(fault == Fault.DELAY_BEYOND_TIMEOUT ? RESPONSE_TIMEOUT : Duration.ofSeconds(5))
                .maxResponseBytes(MAX_RESPONSE_BYTES));
    }

    /** The look-up of a purchase: the number is on the account, or it is not. */
    private static void stubLookUp(Operation operation) {
        if (operation == Operation.ROUTE_PUT) {
            // A route creation is reconciled too: the listing says whether it took effect (here not).
            flowroute.server().stubFor(get(urlPathEqualTo(ROUTES_PATH)).willReturn(okJson("{}")));
        } else if (operation == Operation.PURCHASE_FOUND) {
            flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(okJson(SeedExamples.NUMBER_DETAILS)));
        } else if (operation == Operation.PURCHASE_ABSENT) {
            flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(aResponse().withStatus(404)
                    .withBody("{\"errors\": [{\"detail\": \"not on your account\"}]}")));
        }
    }

    /** The fault for the first request of {@code operation}, then a healthy server. */
    private static void faultOnce(Operation operation, Fault fault) {
        Supplier<MappingBuilder> request = operation::request;
        flowroute.server().stubFor(request.get().inScenario("fault").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault.answer(operation)).willSetStateTo("healthy"));
        flowroute.server().stubFor(request.get().inScenario("fault").whenScenarioStateIs("healthy")
                .willReturn(operation.healthy()));
        stubLookUp(operation);
    }

    private static void faultAlways(Operation operation, Fault fault) {
        flowroute.server().stubFor(operation.request().willReturn(fault.answer(operation)));
        stubLookUp(operation);
    }

    private static List<LoggedRequest> sent(Operation operation) {
        return flowroute.requests().stream()
                .filter(request -> request.getMethod().getName().equals(operation.method)
                        && request.getUrl().startsWith(operation.path))
                .collect(Collectors.toList());
    }

    private static int lookUps(Operation operation) {
        if (operation == Operation.ROUTE_PUT) {
            return flowroute.server().countRequestsMatching(getRequestedFor(urlPathEqualTo(ROUTES_PATH)).build()).getCount();
        }
        return operation.purchase() ? flowroute.server().countRequestsMatching(getRequestedFor(urlEqualTo(NUMBER_PATH)).build())
                .getCount() : 0;
    }

    /**
     * Runs the call and checks the outcome: {@code ok} (the call succeeds, with the expected
     * result) or {@code Type: fragment} (it fails with exactly that exception type, whose message
     * names the call and contains the fragment).
     */
    private static void expect(Operation operation, String outcome, ReactiveFlowrouteClient client) {
        if (outcome.equals("ok")) {
            StepVerifier.create(operation.call(client).map(result -> {
                        operation.checkResult(result);
                        return "result";
                    }).defaultIfEmpty("complete"))
                    .expectNext(operation.hasResult() ? "result" : "complete")
                    .expectComplete()
                    .verify(WAIT);
            return;
        }
        String type = outcome.substring(0, outcome.indexOf(':'));
        String fragment = outcome.substring(outcome.indexOf(':') + 1).trim();
        StepVerifier.create(operation.call(client))
                .expectErrorSatisfies(error -> {
                    assertEquals(type, publicType(error).getSimpleName(), () -> "got " + describe(error));
                    assertInstanceOf(FlowrouteException.class, error);
                    String message = error.getMessage();
                    assertNotNull(message);
                    assertTrue(message.startsWith(operation.method + " " + operation.path),
                            () -> "the message names the call: " + message);
                    assertTrue(message.contains(fragment), () -> "expected \"" + fragment + "\" in: " + message);
                    assertFalse(message.contains("\n"), () -> "one line: " + message);
                    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                        assertFalse(cause instanceof NullPointerException, () -> "an NPE in the chain: " + describe(error));
                    }
                    if (error instanceof FlowrouteApiException) {
                        assertTrue(((FlowrouteApiException) error).responseBody().length() <= FlowrouteApiException.MAX_BODY_CHARS);
                    }
                })
                .verify(WAIT);
    }

    /** The class a caller can name: the error's own, or its nearest public superclass. */
    private static Class<?> publicType(Throwable error) {
        Class<?> type = error.getClass();
        while (!java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
            type = type.getSuperclass();
        }
        return type;
    }

    private static String describe(Throwable error) {
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }

    /**
     * The fault hits the first request, then the server is healthy. {@code sent}: requests of the
     * operation itself; {@code lookUps}: the purchase's {@code GET /tns/{number}}, the route
     * creation's {@code GET /routes/}.
     */
    @ParameterizedTest(name = "{0} after {1} once: {2}, {3} sent, {4} look-ups")
    @CsvSource(delimiter = '|', textBlock = """
        # operation     | fault                  | outcome                                            | sent | lookUps
        LISTING         | CONNECTION_RESET       | ok                                                 | 2    | 0
        DETAILS         | CONNECTION_RESET       | ok                                                 | 2    | 0
        PATCH           | CONNECTION_RESET       | ok                                                 | 2    | 0
        ROUTE_PUT       | CONNECTION_RESET       | ok                                                 | 2    | 1
        PURCHASE_FOUND  | CONNECTION_RESET       | ok                                                 | 1    | 1
        PURCHASE_ABSENT | CONNECTION_RESET       | ok                                                 | 2    | 1
        LISTING         | EMPTY_RESPONSE         | ok                                                 | 2    | 0
        DETAILS         | EMPTY_RESPONSE         | ok                                                 | 2    | 0
        PATCH           | EMPTY_RESPONSE         | ok                                                 | 2    | 0
        ROUTE_PUT       | EMPTY_RESPONSE         | ok                                                 | 2    | 1
        PURCHASE_FOUND  | EMPTY_RESPONSE         | ok                                                 | 1    | 1
        PURCHASE_ABSENT | EMPTY_RESPONSE         | ok                                                 | 2    | 1
        LISTING         | MALFORMED_CHUNK        | ok                                                 | 2    | 0
        DETAILS         | MALFORMED_CHUNK        | ok                                                 | 2    | 0
        PATCH           | MALFORMED_CHUNK        | ok                                                 | 2    | 0
        ROUTE_PUT       | MALFORMED_CHUNK        | ok                                                 | 2    | 1
        PURCHASE_FOUND  | MALFORMED_CHUNK        | ok                                                 | 1    | 1
        PURCHASE_ABSENT | MALFORMED_CHUNK        | ok                                                 | 2    | 1
        LISTING         | RANDOM_DATA_THEN_CLOSE | ok                                                 | 2    | 0
        DETAILS         | RANDOM_DATA_THEN_CLOSE | ok                                                 | 2    | 0
        PATCH           | RANDOM_DATA_THEN_CLOSE | ok                                                 | 2    | 0
        ROUTE_PUT       | RANDOM_DATA_THEN_CLOSE | ok                                                 | 2    | 1
        PURCHASE_FOUND  | RANDOM_DATA_THEN_CLOSE | ok                                                 | 1    | 1
        PURCHASE_ABSENT | RANDOM_DATA_THEN_CLOSE | ok                                                 | 2    | 1
        LISTING         | DELAY_BEYOND_TIMEOUT   | ok                                                 | 2    | 0
        DETAILS         | DELAY_BEYOND_TIMEOUT   | ok                                                 | 2    | 0
        PATCH           | DELAY_BEYOND_TIMEOUT   | ok                                                 | 2    | 0
        ROUTE_PUT       | DELAY_BEYOND_TIMEOUT   | ok                                                 | 2    | 1
        PURCHASE_FOUND  | DELAY_BEYOND_TIMEOUT   | ok                                                 | 1    | 1
        PURCHASE_ABSENT | DELAY_BEYOND_TIMEOUT   | ok                                                 | 2    | 1
        LISTING         | RATE_LIMIT_SECONDS     | ok                                                 | 2    | 0
        DETAILS         | RATE_LIMIT_SECONDS     | ok                                                 | 2    | 0
        PATCH           | RATE_LIMIT_SECONDS     | ok                                                 | 2    | 0
        ROUTE_PUT       | RATE_LIMIT_SECONDS     | ok                                                 | 2    | 0
        PURCHASE_FOUND  | RATE_LIMIT_SECONDS     | ok                                                 | 2    | 0
        PURCHASE_ABSENT | RATE_LIMIT_SECONDS     | ok                                                 | 2    | 0
        LISTING         | RATE_LIMIT_HTTP_DATE   | ok                                                 | 2    | 0
        DETAILS         | RATE_LIMIT_HTTP_DATE   | ok                                                 | 2    | 0
        PATCH           | RATE_LIMIT_HTTP_DATE   | ok                                                 | 2    | 0
        ROUTE_PUT       | RATE_LIMIT_HTTP_DATE   | ok                                                 | 2    | 0
        PURCHASE_FOUND  | RATE_LIMIT_HTTP_DATE   | ok                                                 | 2    | 0
        PURCHASE_ABSENT | RATE_LIMIT_HTTP_DATE   | ok                                                 | 2    | 0
        LISTING         | HTTP_500               | ServerException: failed with HTTP 500: injected 500 | 1    | 0
        DETAILS         | HTTP_500               | ServerException: failed with HTTP 500: injected 500 | 1    | 0
        PATCH           | HTTP_500               | ServerException: failed with HTTP 500: injected 500 | 1    | 0
        ROUTE_PUT       | HTTP_500               | ok                                                 | 2    | 1
        PURCHASE_FOUND  | HTTP_500               | ok                                                 | 1    | 1
        PURCHASE_ABSENT | HTTP_500               | ok                                                 | 2    | 1
        LISTING         | HTTP_502               | ok                                                 | 2    | 0
        DETAILS         | HTTP_502               | ok                                                 | 2    | 0
        PATCH           | HTTP_502               | ok                                                 | 2    | 0
        ROUTE_PUT       | HTTP_502               | ok                                                 | 2    | 1
        PURCHASE_FOUND  | HTTP_502               | ok                                                 | 1    | 1
        PURCHASE_ABSENT | HTTP_502               | ok                                                 | 2    | 1
        LISTING         | HTTP_503               | ok                                                 | 2    | 0
        DETAILS         | HTTP_503               | ok                                                 | 2    | 0
        PATCH           | HTTP_503               | ok                                                 | 2    | 0
        ROUTE_PUT       | HTTP_503               | ok                                                 | 2    | 1
        PURCHASE_FOUND  | HTTP_503               | ok                                                 | 1    | 1
        PURCHASE_ABSENT | HTTP_503               | ok                                                 | 2    | 1
        LISTING         | HTTP_504               | ok                                                 | 2    | 0
        DETAILS         | HTTP_504               | ok                                                 | 2    | 0
        PATCH           | HTTP_504               | ok                                                 | 2    | 0
        ROUTE_PUT       | HTTP_504               | ok                                                 | 2    | 1
        PURCHASE_FOUND  | HTTP_504               | ok                                                 | 1    | 1
        PURCHASE_ABSENT | HTTP_504               | ok                                                 | 2    | 1
        LISTING         | TRUNCATED_JSON         | FlowrouteTransportException: the response is not JSON | 1 | 0
        DETAILS         | TRUNCATED_JSON         | FlowrouteTransportException: the response is not JSON | 1 | 0
        PATCH           | TRUNCATED_JSON         | ok                                                 | 1    | 0
        ROUTE_PUT       | TRUNCATED_JSON         | ok                                                 | 1    | 0
        PURCHASE_FOUND  | TRUNCATED_JSON         | ok                                                 | 1    | 0
        PURCHASE_ABSENT | TRUNCATED_JSON         | ok                                                 | 1    | 0
        LISTING         | WRONG_SHAPE_JSON       | FlowrouteTransportException: the response is not the expected JSON: "routes" is ARRAY | 1 | 0
        DETAILS         | WRONG_SHAPE_JSON       | FlowrouteTransportException: the response is not the expected JSON: "routes" is OBJECT | 1 | 0
        PATCH           | WRONG_SHAPE_JSON       | ok                                                 | 1    | 0
        ROUTE_PUT       | WRONG_SHAPE_JSON       | ok                                                 | 1    | 0
        PURCHASE_FOUND  | WRONG_SHAPE_JSON       | ok                                                 | 1    | 0
        PURCHASE_ABSENT | WRONG_SHAPE_JSON       | ok                                                 | 1    | 0
        LISTING         | HTML_ERROR_PAGE        | ok                                                 | 2    | 0
        DETAILS         | HTML_ERROR_PAGE        | ok                                                 | 2    | 0
        PATCH           | HTML_ERROR_PAGE        | ok                                                 | 2    | 0
        ROUTE_PUT       | HTML_ERROR_PAGE        | ok                                                 | 2    | 1
        PURCHASE_FOUND  | HTML_ERROR_PAGE        | ok                                                 | 1    | 1
        PURCHASE_ABSENT | HTML_ERROR_PAGE        | ok                                                 | 2    | 1
        LISTING         | BODY_OVER_LIMIT        | FlowrouteTransportException: exceeds the limit of 4096 bytes (maxResponseBytes) | 1 | 0
        DETAILS         | BODY_OVER_LIMIT        | FlowrouteTransportException: exceeds the limit of 4096 bytes (maxResponseBytes) | 1 | 0
        PATCH           | BODY_OVER_LIMIT        | ok                                                 | 1    | 0
        ROUTE_PUT       | BODY_OVER_LIMIT        | ok                                                 | 1    | 0
        PURCHASE_FOUND  | BODY_OVER_LIMIT        | ok                                                 | 1    | 0
        PURCHASE_ABSENT | BODY_OVER_LIMIT        | ok                                                 | 1    | 0
        """)
    void faultOnceThenHealthy(Operation operation, Fault fault, String outcome, int sent, int lookUps) {
        faultOnce(operation, fault);

        try (ReactiveFlowrouteClient client = client(MockFlowrouteExtension.FAST_RETRIES, fault)) {
            expect(operation, outcome, client);
        }

        List<LoggedRequest> requests = sent(operation);
        assertEquals(sent, requests.size(), () -> "requests: " + flowroute.requests());
        assertEquals(lookUps, lookUps(operation), () -> "requests: " + flowroute.requests());
        assertEquals(sent + lookUps, flowroute.requests().size(), () -> "requests: " + flowroute.requests());
        if (sent > 1 && !fault.minimumWait().isZero()) {
            long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
            assertTrue(gap >= fault.minimumWait().toMillis(), "waited " + gap + " ms for Retry-After");
        }
        flowroute.requests().forEach(MockFlowrouteExtension::assertSigned);
    }

    /**
     * The fault hits every request; one retry allowed. Where the matrix above recovers, this one
     * ends in the contract's exception once the retry is spent, saying what went wrong.
     */
    @ParameterizedTest(name = "{0} after {1} always: {2}, {3} sent, {4} look-ups")
    @CsvSource(delimiter = '|', textBlock = """
        # operation     | fault                  | outcome                                                       | sent | lookUps
        DETAILS         | CONNECTION_RESET       | FlowrouteTransportException: the connection failed (       | 2    | 0
        PURCHASE_ABSENT | CONNECTION_RESET       | FlowrouteTransportException: the connection failed (       | 2    | 2
        DETAILS         | EMPTY_RESPONSE         | FlowrouteTransportException: the connection closed before the response was complete | 2 | 0
        PURCHASE_ABSENT | EMPTY_RESPONSE         | FlowrouteTransportException: the connection closed before the response was complete | 2 | 2
        DETAILS         | MALFORMED_CHUNK        | FlowrouteTransportException: the connection closed before the response was complete | 2 | 0
        PURCHASE_ABSENT | MALFORMED_CHUNK        | FlowrouteTransportException: the connection closed before the response was complete | 2 | 2
        DETAILS         | RANDOM_DATA_THEN_CLOSE | FlowrouteTransportException: the connection closed before the response was complete | 2 | 0
        PURCHASE_ABSENT | RANDOM_DATA_THEN_CLOSE | FlowrouteTransportException: the connection closed before the response was complete | 2 | 2
        DETAILS         | DELAY_BEYOND_TIMEOUT   | FlowrouteTransportException: response timeout of 1000 ms elapsed waiting for the answer | 2 | 0
        PURCHASE_ABSENT | DELAY_BEYOND_TIMEOUT   | FlowrouteTransportException: response timeout of 1000 ms elapsed waiting for the answer | 2 | 2
        DETAILS         | RATE_LIMIT_SECONDS     | RateLimitException: failed with HTTP 429: rate limit exceeded | 2    | 0
        PURCHASE_ABSENT | RATE_LIMIT_SECONDS     | RateLimitException: failed with HTTP 429: rate limit exceeded | 2    | 0
        DETAILS         | RATE_LIMIT_HTTP_DATE   | RateLimitException: failed with HTTP 429: rate limit exceeded | 2    | 0
        PURCHASE_ABSENT | RATE_LIMIT_HTTP_DATE   | RateLimitException: failed with HTTP 429: rate limit exceeded | 2    | 0
        DETAILS         | HTTP_500               | ServerException: failed with HTTP 500: injected 500          | 1    | 0
        PURCHASE_ABSENT | HTTP_500               | ServerException: failed with HTTP 500: injected 500          | 2    | 2
        DETAILS         | HTTP_502               | ServerException: failed with HTTP 502: injected 502          | 2    | 0
        PURCHASE_ABSENT | HTTP_502               | ServerException: failed with HTTP 502: injected 502          | 2    | 2
        DETAILS         | HTTP_503               | ServerException: failed with HTTP 503: injected 503          | 2    | 0
        PURCHASE_ABSENT | HTTP_503               | ServerException: failed with HTTP 503: injected 503          | 2    | 2
        DETAILS         | HTTP_504               | ServerException: failed with HTTP 504: injected 504          | 2    | 0
        PURCHASE_ABSENT | HTTP_504               | ServerException: failed with HTTP 504: injected 504          | 2    | 2
        DETAILS         | HTML_ERROR_PAGE        | ServerException: failed with HTTP 502: <html> <head><title>502 Bad Gateway</title> | 2 | 0
        PURCHASE_ABSENT | HTML_ERROR_PAGE        | ServerException: failed with HTTP 502: <html> <head><title>502 Bad Gateway</title> | 2 | 2
        """)
    void persistentFault(Operation operation, Fault fault, String outcome, int sent, int lookUps) {
        faultAlways(operation, fault);

        RetryPolicy oneRetry = RetryPolicy.builder().maxRetries(1).minBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5)).build();
        try (ReactiveFlowrouteClient client = client(oneRetry, fault)) {
            expect(operation, outcome, client);
        }

        assertEquals(sent, sent(operation).size(), () -> "requests: " + flowroute.requests());
        assertEquals(lookUps, lookUps(operation), () -> "requests: " + flowroute.requests());
    }

    /** The tables above cover every operation with every fault, and the persistent one every fault that can recover. */
    @Test
    void theTablesCoverEveryCell() throws NoSuchMethodException {
        Set<String> once = cells("faultOnceThenHealthy");
        for (Operation operation : Operation.values()) {
            for (Fault fault : Fault.values()) {
                assertTrue(once.contains(operation + " " + fault), "no case for " + operation + " " + fault);
            }
        }
        Set<String> always = cells("persistentFault");
        for (Fault fault : EnumSet.complementOf(EnumSet.of(Fault.TRUNCATED_JSON, Fault.WRONG_SHAPE_JSON, Fault.BODY_OVER_LIMIT))) {
            assertTrue(always.contains(Operation.DETAILS + " " + fault), "no persistent case for " + fault);
            assertTrue(always.contains(Operation.PURCHASE_ABSENT + " " + fault), "no persistent case for " + fault);
        }
    }

    private static Set<String> cells(String method) throws NoSuchMethodException {
        CsvSource table = FaultMatrixTest.class.getDeclaredMethod(method, Operation.class, Fault.class, String.class, int.class,
                int.class).getAnnotation(CsvSource.class);
        return table.textBlock().lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\|"))
                .map(cells -> cells[0].trim() + " " + cells[1].trim())
                .collect(Collectors.toSet());
    }
}
