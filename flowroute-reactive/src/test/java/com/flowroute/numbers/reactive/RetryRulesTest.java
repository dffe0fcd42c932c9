package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.LogCapture;
import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.AuthenticationException;
import com.flowroute.numbers.BadRequestException;
import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.RateLimitException;
import com.flowroute.numbers.ServerException;
import com.flowroute.numbers.internal.Operation;
import com.flowroute.numbers.internal.WireRequest;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Which failures are retried, how often and after how long, and the purchase's reconciliation.
 * The rule under test (RetryPolicy's Javadoc, and the issue): "Retried: connect failures,
 * timeouts, 429, 502, 503, 504, for GET, PATCH and route-creating PUT"; a 500 is not retried,
 * and a purchase is never blindly repeated once it may have reached the server.
 */
class RetryRulesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String NUMBER = "12066417744";
    private static final String NUMBER_PATH = "/v1/tns/" + NUMBER;

    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create()
            .client(builder -> builder.retryPolicy(MockFlowrouteExtension.FAST_RETRIES));

    /** Answers the requests {@code request} matches with {@code responses} in turn, the last one from then on. */
    private static void inTurn(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
        String scenario = request.get().build().getRequest().toString();
        for (int i = 0; i < responses.length; i++) {
            ScenarioMappingBuilder stub = request.get().inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willReturn(responses[i]);
            if (i + 1 < responses.length) {
                stub = stub.willSetStateTo("answer " + (i + 1));
            }
            flowroute.server().stubFor(stub);
        }
    }

    private static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status);
    }

    private static ResponseDefinitionBuilder details() {
        return okJson(SeedExamples.NUMBER_DETAILS);
    }

    private static void detailsSucceedsAfter(ResponseDefinitionBuilder first) {
        inTurn(() -> get(urlEqualTo(NUMBER_PATH)), first, details());
    }

    private static void expectDetails(ReactiveFlowrouteClient client) {
        StepVerifier.create(client.numbers().details(NUMBER)).expectNextCount(1).expectComplete().verify(WAIT);
    }

    @ParameterizedTest(name = "GET retried after {0}")
    @ValueSource(ints = {429, 502, 503, 504})
    void getIsRetriedAfterRetryableStatus(int status) {
        detailsSucceedsAfter(status(status));

        expectDetails(flowroute.client());

        flowroute.server().verify(2, getRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.requests().forEach(MockFlowrouteExtension::assertSigned);
    }

    @ParameterizedTest(name = "GET retried after {0}")
    @ValueSource(strings = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
    void getIsRetriedAfterBrokenConnection(String fault) {
        detailsSucceedsAfter(aResponse().withFault(Fault.valueOf(fault)));

        expectDetails(flowroute.client());

        flowroute.server().verify(2, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void getIsNotRetriedAfterServerError500() {
        detailsSucceedsAfter(status(500));

        StepVerifier.create(flowroute.client().numbers().details(NUMBER))
                .expectErrorSatisfies(error -> assertEquals(500, ((ServerException) error).statusCode()))
                .verify(WAIT);

        flowroute.server().verify(1, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @ParameterizedTest(name = "GET not retried after {0}")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void getIsNotRetriedAfterClientErrors(int status) {
        detailsSucceedsAfter(status(status));

        StepVerifier.create(flowroute.client().numbers().details(NUMBER)).expectError(FlowrouteApiException.class).verify(WAIT);

        flowroute.server().verify(1, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastError() {
        inTurn(() -> get(urlEqualTo(NUMBER_PATH)), status(503), status(503), status(503), status(502), details());

        StepVerifier.create(flowroute.client().numbers().details(NUMBER))
                .expectErrorSatisfies(error -> assertEquals(502, assertInstanceOf(ServerException.class, error).statusCode()))
                .verify(WAIT);

        flowroute.server().verify(4, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void maxRetriesOfOneSendsTwo() {
        flowroute.server().stubFor(get(anyUrl()).willReturn(status(503)));
        try (ReactiveFlowrouteClient once = flowroute.newClient(builder -> builder.retryPolicy(
                RetryPolicy.builder().maxRetries(1).minBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1)).build()))) {
            StepVerifier.create(once.numbers().details(NUMBER)).expectError(ServerException.class).verify(WAIT);
        }

        flowroute.server().verify(2, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void noRetryPolicySendsExactlyOne() {
        flowroute.server().stubFor(get(anyUrl()).willReturn(status(503)));
        try (ReactiveFlowrouteClient none = flowroute.newClient(builder -> builder.retryPolicy(RetryPolicy.none()))) {
            StepVerifier.create(none.numbers().details(NUMBER)).expectError(ServerException.class).verify(WAIT);
        }

        flowroute.server().verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void retryAfterSecondsIsWaited() {
        detailsSucceedsAfter(status(429).withHeader("Retry-After", "1"));

        expectDetails(flowroute.client());

        List<LoggedRequest> requests = flowroute.requests();
        assertEquals(2, requests.size());
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertTrue(gap >= 950, "waited " + gap + " ms for Retry-After: 1");
    }

    @Test
    void retryAfterHttpDateIsWaited() {
        // The client's clock is fixed at 06:07:08.765; the date says 06:07:10, 1.235 s later.
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                MockFlowrouteExtension.NOW.plusSeconds(2).atZone(ZoneOffset.UTC).withNano(0));
        detailsSucceedsAfter(status(429).withHeader("Retry-After", date));

        expectDetails(flowroute.client());

        List<LoggedRequest> requests = flowroute.requests();
        assertEquals(2, requests.size());
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertTrue(gap >= 1_150, "waited " + gap + " ms for Retry-After: " + date);
    }

    @Test
    void retryAfterLongerThanMaxRetryAfterIsNotRetried() {
        detailsSucceedsAfter(status(429).withHeader("Retry-After", "120"));

        StepVerifier.create(flowroute.client().numbers().details(NUMBER))
                .expectErrorSatisfies(error -> assertEquals(Duration.ofSeconds(120),
                        assertInstanceOf(RateLimitException.class, error).retryAfter().orElseThrow()))
                .verify(WAIT);

        flowroute.server().verify(1, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void patchIsRetriedAfter503() {
        inTurn(() -> patch(urlEqualTo(NUMBER_PATH)), status(503), status(204));

        StepVerifier.create(flowroute.client().numbers().updateRoutes(NUMBER, "a", "b")).expectComplete().verify(WAIT);

        flowroute.server().verify(2, patchRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void patchIsNotRetriedAfter500() {
        inTurn(() -> patch(urlEqualTo(NUMBER_PATH)), status(500), status(204));

        StepVerifier.create(flowroute.client().numbers().updateRoutes(NUMBER, "a", "b")).expectError(ServerException.class).verify(WAIT);

        flowroute.server().verify(1, patchRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void routePutIsLookedUpThenRetriedAfter503AndAfterReset() {
        inTurn(() -> put(urlEqualTo("/v1/routes/office")), status(503),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), status(201));
        flowroute.server().stubFor(get(urlPathEqualTo("/v1/routes/")).willReturn(okJson("{}")));

        StepVerifier.create(flowroute.client().routes().create(NewRoute.host("office", "pbx.example.com:5060")))
                .expectNext(Route.of("office", RouteType.HOST, "pbx.example.com:5060"))
                .expectComplete()
                .verify(WAIT);

        flowroute.server().verify(3, putRequestedFor(urlEqualTo("/v1/routes/office")));
        // Each ambiguous failure is looked up in the route listing before the route is sent again.
        flowroute.server().verify(2, getRequestedFor(urlPathEqualTo("/v1/routes/")));
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Test
    void connectFailureIsRetried() throws IOException {
        int port = closedPort();
        try (LogCapture log = new LogCapture();
                ReactiveFlowrouteClient closed = ReactiveFlowrouteClient.builder()
                        .credentials(com.flowroute.numbers.FlowrouteCredentials.of("k", "s"))
                        .baseUrl("http://127.0.0.1:" + port + "/v1")
                        .retryPolicy(MockFlowrouteExtension.FAST_RETRIES)
                        .build()) {
            StepVerifier.create(closed.numbers().details(NUMBER))
                    .expectErrorSatisfies(error -> {
                        assertInstanceOf(FlowrouteTransportException.class, error);
                        assertTrue(error.getMessage().contains("could not connect to http://127.0.0.1:" + port),
                                error.getMessage());
                    })
                    .verify(WAIT);

            List<String> attempts = log.attempts("GET " + NUMBER_PATH + " -> failed");
            assertEquals(4, attempts.size(), () -> String.join("\n", log.lines()));
            for (int i = 1; i <= 4; i++) {
                assertTrue(attempts.get(i - 1).endsWith("(attempt " + i + ")"), attempts.get(i - 1));
            }
        }
    }

    @Test
    void tooLargeResponseIsNotRetried() {
        try (ReactiveFlowrouteClient small = flowroute.newClient(builder -> builder.maxResponseBytes(100)
                .retryPolicy(MockFlowrouteExtension.FAST_RETRIES))) {
            flowroute.server().stubFor(get(anyUrl()).willReturn(okJson("{\"billing_method\": \"" + "M".repeat(200) + "\"}")));

            StepVerifier.create(small.numbers().details(NUMBER)).expectError(FlowrouteTransportException.class).verify(WAIT);
        }

        flowroute.server().verify(1, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void serverErrorWithBodyOverMaxResponseBytesIsRetried() {
        detailsSucceedsAfter(status(503).withBody("x".repeat(500)));

        try (ReactiveFlowrouteClient small = flowroute.newClient(builder -> builder.maxResponseBytes(200)
                .retryPolicy(MockFlowrouteExtension.FAST_RETRIES))) {
            expectDetails(small);
        }

        flowroute.server().verify(2, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    // Purchase: PUT /tns/{number} is not idempotent for the caller (a second PUT of a number
    // already bought fails), so an ambiguous failure is reconciled with GET /tns/{number}.

    @Test
    void purchaseAnswered503ButOnTheAccountCompletesWithOnePut() {
        inTurn(() -> put(urlEqualTo(NUMBER_PATH)), status(503), status(201));
        flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(details()));

        StepVerifier.create(flowroute.client().numbers().purchase(NUMBER)).expectComplete().verify(WAIT);

        flowroute.server().verify(1, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(1, getRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.requests().forEach(MockFlowrouteExtension::assertSigned);
    }

    @Test
    void purchaseAnswered500IsReconciledToo() {
        inTurn(() -> put(urlEqualTo(NUMBER_PATH)), status(500), status(201));
        flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(details()));

        StepVerifier.create(flowroute.client().numbers().purchase(NUMBER)).expectComplete().verify(WAIT);

        flowroute.server().verify(1, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(1, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void purchaseWhoseConnectionWasResetButOnTheAccountCompletesWithOnePut() {
        inTurn(() -> put(urlEqualTo(NUMBER_PATH)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), status(201));
        flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(details()));

        StepVerifier.create(flowroute.client().numbers().purchase(NUMBER)).expectComplete().verify(WAIT);

        flowroute.server().verify(1, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(1, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void purchaseThatTimedOutButIsOnTheAccountCompletesWithOnePut() {
        inTurn(() -> put(urlEqualTo(NUMBER_PATH)), status(201).withFixedDelay(1_500), status(201));
        flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(details()));

        try (ReactiveFlowrouteClient impatient = flowroute.newClient(builder -> builder.retryPolicy(MockFlowrouteExtension.FAST_RETRIES)
                .responseTimeout(Duration.ofMillis(300)))) {
            StepVerifier.create(impatient.numbers().purchase(NUMBER)).expectComplete().verify(WAIT);
        }

        flowroute.server().verify(1, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(1, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void purchaseNotOnTheAccountAfter503IsSentAgain() {
        inTurn(() -> put(urlEqualTo(NUMBER_PATH)), status(503), status(201));
        flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(status(404)));

        StepVerifier.create(flowroute.client().numbers().purchase(NUMBER)).expectComplete().verify(WAIT);

        flowroute.server().verify(2, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(1, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void purchaseThatNeverTakesEffectGivesUpAfterMaxRetries() {
        flowroute.server().stubFor(put(urlEqualTo(NUMBER_PATH)).willReturn(status(503)));
        flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(status(404)));

        StepVerifier.create(flowroute.client().numbers().purchase(NUMBER)).expectError(ServerException.class).verify(WAIT);

        flowroute.server().verify(4, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(4, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void purchaseWhoseLookupFailsEndsWithTheOriginalError() {
        flowroute.server().stubFor(put(urlEqualTo(NUMBER_PATH)).willReturn(status(503)));
        flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(status(401)));

        StepVerifier.create(flowroute.client().numbers().purchase(NUMBER))
                .expectErrorSatisfies(error -> {
                    assertEquals(503, assertInstanceOf(ServerException.class, error).statusCode());
                    assertEquals(1, error.getSuppressed().length);
                    assertInstanceOf(AuthenticationException.class, error.getSuppressed()[0]);
                })
                .verify(WAIT);

        flowroute.server().verify(1, putRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void purchaseResentAfterAnEmptyLookUpAndRefusedAsAlreadyBoughtIsLookedUpAgainAndCompletes() {
        // The first PUT timed out on the client but the server finished it after the look-up: the
        // second PUT is refused because the first took effect.
        inTurn(() -> put(urlEqualTo(NUMBER_PATH)), status(503),
                status(400).withBody("{\"error\": \"number " + NUMBER + " is already on your account\"}"));
        inTurn(() -> get(urlEqualTo(NUMBER_PATH)), status(404), details());

        StepVerifier.create(flowroute.client().numbers().purchase(NUMBER)).expectComplete().verify(WAIT);

        flowroute.server().verify(2, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(2, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void purchaseResentAndRefusedWhileStillNotOnTheAccountEndsWithTheRefusal() {
        inTurn(() -> put(urlEqualTo(NUMBER_PATH)), status(503), status(404).withBody("{\"error\": \"not for sale\"}"));
        flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(status(404)));

        StepVerifier.create(flowroute.client().numbers().purchase(NUMBER))
                .expectErrorSatisfies(error -> assertEquals(404,
                        assertInstanceOf(com.flowroute.numbers.NotFoundException.class, error).statusCode()))
                .verify(WAIT);

        flowroute.server().verify(2, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(2, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void purchaseRefusedAfterAnUnambiguousRetryIsNotLookedUp() {
        // A 429 means the first attempt was not applied: a 400 after it is the caller's to see.
        inTurn(() -> put(urlEqualTo(NUMBER_PATH)), status(429), status(400).withBody("{\"error\": \"already on your account\"}"));
        flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(details()));

        StepVerifier.create(flowroute.client().numbers().purchase(NUMBER)).expectError(BadRequestException.class).verify(WAIT);

        flowroute.server().verify(2, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void purchaseResentAndRefusedForAuthenticationIsNotLookedUpAgain() {
        inTurn(() -> put(urlEqualTo(NUMBER_PATH)), status(503), status(401));
        flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(status(404)));

        StepVerifier.create(flowroute.client().numbers().purchase(NUMBER)).expectError(AuthenticationException.class).verify(WAIT);

        flowroute.server().verify(2, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(1, getRequestedFor(urlEqualTo(NUMBER_PATH)));
    }

    @Test
    void purchaseRateLimitedIsRetriedWithoutLookup() {
        inTurn(() -> put(urlEqualTo(NUMBER_PATH)), status(429), status(201));

        StepVerifier.create(flowroute.client().numbers().purchase(NUMBER)).expectComplete().verify(WAIT);

        flowroute.server().verify(2, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void purchaseRefusedWith400IsNotRetried() {
        inTurn(() -> put(urlEqualTo(NUMBER_PATH)), status(400).withBody("{\"error\":\"not purchasable\"}"), status(201));

        StepVerifier.create(flowroute.client().numbers().purchase(NUMBER)).expectError(BadRequestException.class).verify(WAIT);

        flowroute.server().verify(1, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void purchaseWithoutRetriesEndsWith503AndNoLookup() {
        inTurn(() -> put(urlEqualTo(NUMBER_PATH)), status(503), status(201));
        flowroute.server().stubFor(get(urlEqualTo(NUMBER_PATH)).willReturn(details()));

        try (ReactiveFlowrouteClient none = flowroute.newClient(builder -> builder.retryPolicy(RetryPolicy.none()))) {
            StepVerifier.create(none.numbers().purchase(NUMBER)).expectError(ServerException.class).verify(WAIT);
        }

        flowroute.server().verify(1, putRequestedFor(urlEqualTo(NUMBER_PATH)));
        flowroute.server().verify(0, getRequestedFor(anyUrl()));
    }

    // Retrier and RetryPolicy on their own, in virtual time.

    private static final byte[] OK = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final Operation<byte[]> GET_X = Operation.idempotent(WireRequest.get("/v1/x", List.of()), (status, body) -> body);

    private static RateLimitException rateLimited(Duration retryAfter) {
        return new RateLimitException(429, "GET", "/v1/x", "", List.of(), retryAfter);
    }

    @Test
    void retryAfterIsWaitedInVirtualTime() {
        Retrier retrier = new Retrier(RetryPolicy.defaults(), CallObserver.NONE);
        AtomicInteger attempts = new AtomicInteger();

        StepVerifier.withVirtualTime(() -> retrier.run(GET_X, null,
                        n -> Mono.defer(() -> attempts.incrementAndGet() == 1 ? Mono.error(rateLimited(Duration.ofSeconds(30)))
                                : Mono.just(OK))))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(29))
                .then(() -> assertEquals(1, attempts.get()))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext(OK)
                .expectComplete()
                .verify(WAIT);

        assertEquals(2, attempts.get());
    }

    @Test
    void backoffDoublesUpToMaxWithoutJitter() {
        RetryPolicy policy = RetryPolicy.builder().jitter(0).minBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(300)).maxRetries(4).build();
        assertEquals(Duration.ofMillis(100), policy.backoff(1));
        assertEquals(Duration.ofMillis(200), policy.backoff(2));
        assertEquals(Duration.ofMillis(300), policy.backoff(3));
        assertEquals(Duration.ofMillis(300), policy.backoff(40));

        Retrier retrier = new Retrier(policy, CallObserver.NONE);
        AtomicInteger attempts = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> retrier.run(GET_X, null, n -> Mono.<byte[]>defer(() -> {
                    attempts.incrementAndGet();
                    return Mono.error(new ServerException(503, "GET", "/v1/x", "", List.of()));
                })))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(99))
                .then(() -> assertEquals(1, attempts.get()))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertEquals(2, attempts.get()))
                .thenAwait(Duration.ofMillis(200))
                .then(() -> assertEquals(3, attempts.get()))
                .thenAwait(Duration.ofMillis(300))
                .then(() -> assertEquals(4, attempts.get()))
                .thenAwait(Duration.ofMillis(300))
                .expectError(ServerException.class)
                .verify(WAIT);

        assertEquals(5, attempts.get());
    }

    @Test
    void fullJitterStaysWithinTheExponentialBound() {
        RetryPolicy policy = RetryPolicy.defaults();
        for (int i = 0; i < 200; i++) {
            Duration wait = policy.backoff(3);
            assertTrue(!wait.isNegative() && wait.compareTo(Duration.ofMillis(1000)) <= 0, wait.toString());
        }
    }

    @Test
    void invalidPoliciesAreRefusedNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxRetries(-1).build())
                .getMessage().contains("maxRetries"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder()
                .minBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build()).getMessage().contains("maxBackoff"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().jitter(1.5).build())
                .getMessage().contains("jitter"));
        assertEquals(0, RetryPolicy.none().maxRetries());
        assertEquals(3, RetryPolicy.defaults().maxRetries());
    }
}
