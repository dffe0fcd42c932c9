package com.flowroute.numbers.blocking;

import static com.flowroute.numbers.blocking.TestServer.requestCount;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.ServerException;
import com.flowroute.numbers.reactive.FlowrouteClientBuilder;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.testing.MockFlowrouteExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** Building, wrapping and closing: who owns the reactive client, and the shared builder options. */
class FlowrouteClientTest {
    private static final String DETAILS = "/v1/tns/12066417744";

    @RegisterExtension
    static final MockFlowrouteExtension flowroute = TestServer.extension();

    @BeforeEach
    void stubDetails() {
        flowroute.server().stubFor(get(urlEqualTo(DETAILS)).willReturn(okJson(TestServer.seed("tn-details.json"))));
    }

    private ReactiveFlowrouteClient reactiveClient() {
        return ReactiveFlowrouteClient.builder()
                .credentials(FlowrouteCredentials.of("key", "secret"))
                .baseUrl(flowroute.baseUrl())
                .build();
    }

    @Test
    void ofWrapsTheGivenClientAndClosingTheWrapperLeavesItOpen() {
        try (ReactiveFlowrouteClient reactive = reactiveClient()) {
            FlowrouteClient client = FlowrouteClient.of(reactive);
            assertSame(reactive, client.reactive());
            assertEquals(BillingMethod.METERED, client.numbers().details("12066417744").billingMethod().orElseThrow());

            client.close();

            StepVerifier.create(reactive.numbers().details("12066417744"))
                    .assertNext(details -> assertEquals(2, details.routes().size()))
                    .expectComplete()
                    .verify(Duration.ofSeconds(5));
            assertEquals(BillingMethod.METERED, FlowrouteClient.of(reactive).numbers().details("12066417744").billingMethod().orElseThrow());
            assertEquals(3, requestCount(flowroute));
        }
    }

    @Test
    void closingAWrapperKeepsTheCallersConnectionPool() throws Exception {
        try (KeepAliveServer keepAlive = new KeepAliveServer(TestServer.seed("tn-details.json"));
                ReactiveFlowrouteClient reactive = ReactiveFlowrouteClient.builder()
                        .credentials(FlowrouteCredentials.of("key", "secret"))
                        .baseUrl(keepAlive.baseUrl())
                        .build()) {
            FlowrouteClient client = FlowrouteClient.of(reactive);
            client.numbers().details("12066417744");
            assertEquals("GET /v1/tns/12066417744 on connection 1", keepAlive.nextEvent());

            client.close();
            reactive.numbers().details("12066417744").block(Duration.ofSeconds(5));

            // The pool may hand out a second connection if the first is not yet back in it, but
            // a pool disposed by the wrapper would have closed connection 1 before that GET.
            String next = keepAlive.nextEvent();
            assertTrue(next.startsWith("GET /v1/tns/12066417744 on connection "),
                    "the wrapper's close() left the caller's pool alone, but the server saw: " + next);
        }
    }

    @Test
    void closingABuiltClientReleasesItsConnectionPool() throws Exception {
        try (KeepAliveServer keepAlive = new KeepAliveServer(TestServer.seed("tn-details.json"))) {
            FlowrouteClient client = FlowrouteClient.builder()
                    .credentials(FlowrouteCredentials.of("key", "secret"))
                    .baseUrl(keepAlive.baseUrl())
                    .build();
            assertEquals(BillingMethod.METERED, client.numbers().details("12066417744").billingMethod().orElseThrow());
            assertEquals("GET /v1/tns/12066417744 on connection 1", keepAlive.nextEvent());

            client.close();

            assertEquals("connection 1 closed by the client", keepAlive.nextEvent());
        }
    }

    @Test
    void builderTakesTheReactiveBuildersOptions() {
        FlowrouteClientBuilder<FlowrouteClient.Builder> builder = FlowrouteClient.builder();

        try (FlowrouteClient client = builder
                .credentials(FlowrouteCredentials.of("key", "secret"))
                .baseUrl(flowroute.baseUrl())
                .userAgent("x/1")
                .build()) {
            client.numbers().details("12066417744");
        }

        flowroute.server().verify(getRequestedFor(urlEqualTo(DETAILS))
                .withHeader("User-Agent", matching("flowroute-numbers-java/\\S+ \\(.*\\) x/1")));
    }

    @Test
    void retryPolicyOfTheBuilderApplies() {
        flowroute.server().stubFor(get(urlEqualTo(DETAILS)).willReturn(aResponse().withStatus(503)));

        try (FlowrouteClient client = TestServer.clientFor(flowroute)
                .retryPolicy(RetryPolicy.builder().maxRetries(2).minBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(1)).build())
                .build()) {
            assertThrowsExactly(ServerException.class, () -> client.numbers().details("12066417744"));
        }

        assertEquals(3, requestCount(flowroute), "one attempt and two retries");
    }

    @Test
    void responseTimeoutOfTheBuilderBoundsABlockingCall() {
        flowroute.server().stubFor(get(urlEqualTo(DETAILS)).willReturn(okJson("{}").withFixedDelay(2000)));

        try (FlowrouteClient client = TestServer.clientFor(flowroute)
                .responseTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.none())
                .build()) {
            long start = System.nanoTime();
            FlowrouteTransportException error = assertThrows(FlowrouteTransportException.class,
                    () -> client.numbers().details("12066417744"));

            assertTrue(error.getMessage().contains("response timeout of 200 ms"), error.getMessage());
            assertTrue((System.nanoTime() - start) / 1_000_000 < 1500, "the reactive timeout ended the wait");
        }
    }

    @Test
    void builderRefusesABadBaseUrlNamingIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FlowrouteClient.builder().credentials(FlowrouteCredentials.of("key", "secret"))
                        .baseUrl("ftp://api.flowroute.com/v1").build());

        assertTrue(error.getMessage().contains("baseUrl"), error.getMessage());
    }

    @Test
    void ofRefusesNull() {
        assertThrows(NullPointerException.class, () -> FlowrouteClient.of(null));
    }
}
