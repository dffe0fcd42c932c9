package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.FlowrouteTransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** The per-attempt response timeout, the connect timeout, and refused connections; all on 127.0.0.1. */
class TimeoutsTest {
    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create();

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String NUMBER = "12066417744";

    @Test
    void slowAnswerEndsWithResponseTimeout() {
        flowroute.server().stubFor(get(anyUrl()).willReturn(okJson(SeedExamples.NUMBER_DETAILS).withFixedDelay(2_000)));

        try (ReactiveFlowrouteClient client = flowroute.newClient(builder -> builder.responseTimeout(Duration.ofMillis(300)))) {
            Duration took = StepVerifier.create(client.numbers().details(NUMBER))
                    .expectErrorSatisfies(error -> {
                        assertInstanceOf(FlowrouteTransportException.class, error);
                        assertTrue(error.getMessage().contains("response timeout of 300 ms"), error.getMessage());
                        assertTrue(error.getMessage().startsWith("GET /v1/tns/" + NUMBER), error.getMessage());
                    })
                    .verify(WAIT);
            assertTrue(took.compareTo(Duration.ofMillis(1_500)) < 0, "gave up after " + took);
        }

        flowroute.server().verify(1, getRequestedFor(anyUrl()));
    }

    @Test
    void slowBodyEndsWithResponseTimeoutToo() {
        flowroute.server().stubFor(get(anyUrl()).willReturn(okJson(SeedExamples.NUMBER_DETAILS).withChunkedDribbleDelay(5, 2_000)));

        try (ReactiveFlowrouteClient client = flowroute.newClient(builder -> builder.responseTimeout(Duration.ofMillis(300)))) {
            StepVerifier.create(client.numbers().details(NUMBER))
                    .expectErrorSatisfies(error -> assertTrue(error.getMessage().contains("response timeout"), error.getMessage()))
                    .verify(WAIT);
        }
    }

    @Test
    void timeoutIsPerAttemptAndRetried() {
        flowroute.server().stubFor(get(anyUrl()).willReturn(okJson(SeedExamples.NUMBER_DETAILS).withFixedDelay(1_000)));

        try (ReactiveFlowrouteClient client = flowroute.newClient(builder -> builder.responseTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.builder().maxRetries(1).minBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1))
                        .build()))) {
            StepVerifier.create(client.numbers().details(NUMBER)).expectError(FlowrouteTransportException.class).verify(WAIT);
        }

        flowroute.server().verify(2, getRequestedFor(anyUrl()));
    }

    @Test
    void answerWithinTimeoutSucceeds() {
        flowroute.server().stubFor(get(anyUrl()).willReturn(okJson(SeedExamples.NUMBER_DETAILS).withFixedDelay(100)));

        try (ReactiveFlowrouteClient client = flowroute.newClient(builder -> builder.responseTimeout(Duration.ofMillis(2_000)))) {
            StepVerifier.create(client.numbers().details(NUMBER)).expectNextCount(1).expectComplete().verify(WAIT);
        }
    }

    private static ReactiveFlowrouteClient clientFor(int port, Duration connectTimeout) {
        return ReactiveFlowrouteClient.builder()
                .credentials(FlowrouteCredentials.of(MockFlowrouteExtension.ACCESS_KEY, MockFlowrouteExtension.SECRET_KEY))
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .connectTimeout(connectTimeout)
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @Test
    void closedPortIsACouldNotConnectTransportError() throws IOException {
        int port = RetryRulesTest.closedPort();

        try (ReactiveFlowrouteClient client = clientFor(port, Duration.ofSeconds(5))) {
            StepVerifier.create(client.numbers().details(NUMBER))
                    .expectErrorSatisfies(error -> {
                        assertInstanceOf(FlowrouteTransportException.class, error);
                        assertTrue(error.getMessage().contains("could not connect to http://127.0.0.1:" + port), error.getMessage());
                        assertTrue(error.getMessage().startsWith("GET /v1/tns/" + NUMBER), error.getMessage());
                        assertInstanceOf(ConnectException.class, error.getCause());
                    })
                    .verify(WAIT);
        }
    }

    @Test
    void connectTimeoutApplies() throws IOException {
        // A loopback listener that never accepts, its backlog filled: the kernel drops further SYNs.
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = listener.getLocalPort();
            List<SocketChannel> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    SocketChannel filler = SocketChannel.open();
                    filler.configureBlocking(false);
                    filler.connect(new InetSocketAddress("127.0.0.1", port));
                    fillers.add(filler);
                }
                assumeTrue(connectHangs(port), "this kernel does not drop connections beyond a full backlog");

                try (ReactiveFlowrouteClient client = clientFor(port, Duration.ofMillis(300))) {
                    Duration took = StepVerifier.create(client.numbers().details(NUMBER))
                            .expectErrorSatisfies(error -> {
                                assertInstanceOf(FlowrouteTransportException.class, error);
                                assertTrue(error.getMessage().contains("connect timeout of 300 ms"), error.getMessage());
                            })
                            .verify(WAIT);
                    assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "gave up after " + took);
                }
            } finally {
                for (SocketChannel filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    private static boolean connectHangs(int port) throws IOException {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return false;
        } catch (SocketTimeoutException expected) {
            return true;
        }
    }

    @Test
    void timeoutsMustBePositive() {
        ReactiveFlowrouteClient.Builder builder = ReactiveFlowrouteClient.builder();
        for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(-1))) {
            IllegalArgumentException connect = assertThrows(IllegalArgumentException.class, () -> builder.connectTimeout(bad));
            assertTrue(connect.getMessage().contains("connectTimeout"), connect.getMessage());
            assertTrue(connect.getMessage().contains("positive"), connect.getMessage());
            IllegalArgumentException response = assertThrows(IllegalArgumentException.class, () -> builder.responseTimeout(bad));
            assertTrue(response.getMessage().contains("responseTimeout"), response.getMessage());
        }
        assertEquals("connectTimeout", assertThrows(NullPointerException.class, () -> builder.connectTimeout(null)).getMessage());
        assertEquals("responseTimeout", assertThrows(NullPointerException.class, () -> builder.responseTimeout(null)).getMessage());
    }
}
