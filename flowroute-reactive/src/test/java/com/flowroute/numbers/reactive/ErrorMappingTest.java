package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.AuthenticationException;
import com.flowroute.numbers.BadRequestException;
import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.RateLimitException;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.ServerException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Non-2xx answers become the contract's exceptions; unusable 2xx answers are transport errors. */
class ErrorMappingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String JSON_ERROR = "{\"errors\":[{\"detail\":\"limit must be 1 to 200\"},{\"title\":\"second\"}]}";

    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create();

    private static void answer(ResponseDefinitionBuilder response) {
        flowroute.server().stubFor(any(anyUrl()).willReturn(response));
    }

    private static Mono<List<com.flowroute.numbers.Route>> listRoutes() {
        return flowroute.client().routes().list(RouteQuery.builder().pageSize(5).page(2).build()).collectList();
    }

    private static <T> void expectError(Mono<T> call, Consumer<Throwable> check) {
        StepVerifier.create(call).expectErrorSatisfies(check).verify(WAIT);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, BadRequestException",
        "422, BadRequestException",
        "401, AuthenticationException",
        "403, AuthenticationException",
        "404, NotFoundException",
        "429, RateLimitException",
        "500, ServerException",
        "502, ServerException",
        "503, ServerException",
        "504, ServerException",
        "409, FlowrouteApiException",
        "302, FlowrouteApiException",
    })
    void statusMapsToItsExceptionWithEverythingAboutTheCall(int status, String type) {
        answer(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(JSON_ERROR));

        expectError(listRoutes(), error -> {
            assertEquals(type, error.getClass().getSimpleName());
            FlowrouteApiException api = (FlowrouteApiException) error;
            assertEquals(status, api.statusCode());
            assertEquals("GET", api.method());
            assertEquals("/v1/routes/?limit=5&page=2", api.path());
            assertEquals(JSON_ERROR, api.responseBody());
            assertEquals(List.of("limit must be 1 to 200", "second"), api.errorMessages());
            assertTrue(api.getMessage().contains("GET /v1/routes/?limit=5&page=2"), api.getMessage());
            assertTrue(api.getMessage().contains(Integer.toString(status)), api.getMessage());
            assertTrue(api.getMessage().contains("limit must be 1 to 200"), api.getMessage());
        });

        assertEquals(1, flowroute.requests().size());
    }

    @Test
    void exceptionTypesFollowTheHierarchy() {
        answer(aResponse().withStatus(404));

        expectError(flowroute.client().numbers().details("12066417744"), error -> {
            assertInstanceOf(NotFoundException.class, error);
            assertInstanceOf(FlowrouteApiException.class, error);
            assertInstanceOf(com.flowroute.numbers.FlowrouteException.class, error);
            assertEquals("", ((FlowrouteApiException) error).responseBody());
            assertEquals(List.of(), ((FlowrouteApiException) error).errorMessages());
        });
    }

    @Test
    void writeErrorNamesMethodAndPath() {
        answer(aResponse().withStatus(400).withBody("{\"error\":\"number not available\"}"));

        expectError(flowroute.client().numbers().purchase("12066417744"), error -> {
            BadRequestException bad = assertInstanceOf(BadRequestException.class, error);
            assertEquals("PUT", bad.method());
            assertEquals("/v1/tns/12066417744", bad.path());
            assertEquals(List.of("number not available"), bad.errorMessages());
        });
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("slow down"));

        expectError(listRoutes(), error -> {
            RateLimitException limited = assertInstanceOf(RateLimitException.class, error);
            assertEquals(Duration.ofSeconds(7), limited.retryAfter().orElseThrow());
            assertEquals("slow down", limited.responseBody());
        });
    }

    @Test
    void rateLimitWithoutRetryAfterHasNone() {
        answer(aResponse().withStatus(429));

        expectError(listRoutes(), error -> assertTrue(((RateLimitException) error).retryAfter().isEmpty()));
    }

    @Test
    void textBodyIsKept() {
        answer(aResponse().withStatus(503).withHeader("Content-Type", "text/plain").withBody("Service Unavailable\n"));

        expectError(listRoutes(), error -> {
            ServerException server = assertInstanceOf(ServerException.class, error);
            assertEquals("Service Unavailable\n", server.responseBody());
            assertEquals(List.of(), server.errorMessages());
            assertTrue(server.getMessage().contains("Service Unavailable"), server.getMessage());
        });
    }

    @Test
    void htmlBodyIsKept() {
        String html = "<html><head><title>401 Authorization Required</title></head>\n<body><h1>Unauthorized</h1></body></html>";
        answer(aResponse().withStatus(401).withHeader("Content-Type", "text/html").withBody(html));

        expectError(flowroute.client().numbers().details("12066417744"), error -> {
            AuthenticationException auth = assertInstanceOf(AuthenticationException.class, error);
            assertEquals(html, auth.responseBody());
            assertEquals(List.of(), auth.errorMessages());
            assertFalse(auth.getMessage().contains("\n"), "the message stays on one line");
        });
    }

    @Test
    void bodyOverSixtyFourKibIsBounded() {
        String body = "x".repeat(100_000);
        answer(aResponse().withStatus(500).withBody(body));

        expectError(listRoutes(), error -> {
            FlowrouteApiException api = assertInstanceOf(ServerException.class, error);
            assertEquals(FlowrouteApiException.MAX_BODY_CHARS, api.responseBody().length());
            assertTrue(body.startsWith(api.responseBody()));
            assertTrue(api.getMessage().length() < 1_000, "the message is short");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<html><body>Maintenance</body></html>",
        "{\"routes\": {\"a\": {\"type\": \"HOST\"",
        "{\"routes\": []}",
        "{\"routes\": {\"a\": 5}}",
        "[]",
        "\"routes\"",
        "{\"routes\": {\"a\": {\"value\": \"x\"}}}",
        "{\"links\": {\"next\": 5}}",
    })
    void unusableListingBodyIsATransportErrorNamingTheCall(String body) {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));

        expectError(listRoutes(), error -> {
            assertSame(FlowrouteTransportException.class, error.getClass(), () -> error.toString());
            assertTrue(error.getMessage().startsWith("GET /v1/routes/"), error.getMessage());
            assertFalse(error.getMessage().contains("com.fasterxml"), error.getMessage());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"billing_method\": \"METERED\", \"routes\": {\"a\": 1}}",
        "{\"routes\": []}", "{\"billing_method\": {}}", "{\"billing_method\": \"METERED\", \"routes\": [5]}"})
    void unusableDetailsBodyIsATransportErrorNamingTheCall(String body) {
        answer(aResponse().withStatus(200).withBody(body));

        expectError(flowroute.client().numbers().details("12066417744"), error -> {
            assertSame(FlowrouteTransportException.class, error.getClass(), () -> error.toString());
            assertTrue(error.getMessage().startsWith("GET /v1/tns/12066417744"), error.getMessage());
        });
    }

    @Test
    void unusableSearchValuesAreTransportErrors() {
        answer(aResponse().withStatus(200).withBody(
                "{\"tns\": {\"12066417744\": {\"initial_cost\": \"free\", \"monthly_cost\": \"1.25\", \"ratecenter\": \"S\","
                        + " \"state\": \"WA\"}}}"));
        expectError(flowroute.client().availableNumbers().search().collectList(),
                error -> assertSame(FlowrouteTransportException.class, error.getClass(), () -> error.toString()));

        flowroute.reset();
        answer(aResponse().withStatus(200).withBody("{\"tns\": {\"555\": {\"billing_method\": \"METERED\"}}}"));
        expectError(flowroute.client().numbers().list().collectList(),
                error -> assertSame(FlowrouteTransportException.class, error.getClass(), () -> error.toString()));
    }

    @Test
    void errorAnswerWithBodyOverMaxResponseBytesIsStillItsStatus() {
        String body = "<html>" + "e".repeat(5_000) + "</html>";
        try (ReactiveFlowrouteClient small = flowroute.newClient(builder -> builder.maxResponseBytes(1024))) {
            answer(aResponse().withStatus(503).withBody(body));
            expectError(small.numbers().details("12066417744"), error -> {
                ServerException server = assertInstanceOf(ServerException.class, error);
                assertEquals(503, server.statusCode());
                assertTrue(body.startsWith(server.responseBody()), server.responseBody());
                assertTrue(server.responseBody().length() <= 1024, "bounded by maxResponseBytes");
            });

            flowroute.reset();
            answer(aResponse().withStatus(404).withBody(body).withChunkedDribbleDelay(4, 40));
            expectError(small.numbers().details("12066417744"), error -> assertInstanceOf(NotFoundException.class, error));
        }
    }

    @Test
    void writeAnswered2xxWithABodyOverMaxResponseBytesSucceeds() {
        // The status is a write's outcome: a purchase that took effect must not be reported as failed.
        String body = "{\"padding\": \"" + "p".repeat(5_000) + "\"}";
        try (ReactiveFlowrouteClient small = flowroute.newClient(builder -> builder.maxResponseBytes(1024))) {
            answer(aResponse().withStatus(201).withBody(body));
            StepVerifier.create(small.numbers().purchase("12066417744")).expectComplete().verify(WAIT);
            StepVerifier.create(small.numbers().updateRoutes("12066417744", "a", "b")).expectComplete().verify(WAIT);

            flowroute.reset();
            answer(aResponse().withStatus(201).withBody(body).withChunkedDribbleDelay(8, 40));
            StepVerifier.create(small.routes().create(com.flowroute.numbers.NewRoute.host("a", "pbx.example.com")))
                    .expectNext(com.flowroute.numbers.Route.of("a", com.flowroute.numbers.RouteType.HOST, "pbx.example.com"))
                    .expectComplete().verify(WAIT);
            assertEquals(1, flowroute.requests().size());
        }
    }

    @Test
    void bodyOverMaxResponseBytesIsATransportError() {
        try (ReactiveFlowrouteClient small = flowroute.newClient(builder -> builder.maxResponseBytes(1024))) {
            String body = "{\"routes\": {}, \"padding\": \"" + "p".repeat(2000) + "\"}";
            answer(aResponse().withStatus(200).withBody(body));
            expectError(small.routes().list().collectList(), error -> {
                assertInstanceOf(FlowrouteTransportException.class, error);
                assertTrue(error.getMessage().contains("GET /v1/routes/"), error.getMessage());
                assertTrue(error.getMessage().contains("maxResponseBytes"), error.getMessage());
            });
            assertEquals(1, flowroute.requests().size());

            // Without Content-Length the limit applies while reading.
            flowroute.reset();
            answer(aResponse().withStatus(200).withBody(body).withChunkedDribbleDelay(4, 40));
            expectError(small.routes().list().collectList(), error -> {
                assertInstanceOf(FlowrouteTransportException.class, error);
                assertTrue(error.getMessage().contains("maxResponseBytes"), error.getMessage());
            });

            // A body within the limit is read normally.
            flowroute.reset();
            answer(aResponse().withStatus(200).withBody("{\"routes\": {\"a\": {\"type\": \"HOST\", \"value\": \"h\"}}}"));
            StepVerifier.create(small.routes().list().count()).expectNext(1L).expectComplete().verify(WAIT);
        }
    }
}
