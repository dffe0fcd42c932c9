package com.flowroute.numbers.blocking;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.testing.MockFlowrouteExtension;
import com.flowroute.numbers.reactive.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The reactive module's {@link MockFlowrouteExtension} as these tests use it (more server threads,
 * for the tests that block many callers at once), blocking clients over its per-test client, and
 * the seed README's example responses.
 */
final class TestServer {
    private TestServer() {}

    /** WireMock on 127.0.0.1 and a free port, reset before each test, with a reactive client per test. */
    static MockFlowrouteExtension extension() {
        return MockFlowrouteExtension.create().server(options -> options.containerThreads(64));
    }

    /** A blocking client over this test's reactive client (which the extension closes after the test). */
    static FlowrouteClient client(MockFlowrouteExtension flowroute) {
        return FlowrouteClient.of(flowroute.client());
    }

    /** A blocking client builder aimed at {@code flowroute}'s {@code /v1}, with its credentials, no retries. */
    static FlowrouteClient.Builder clientFor(MockFlowrouteExtension flowroute) {
        return FlowrouteClient.builder()
                .credentials(FlowrouteCredentials.of(MockFlowrouteExtension.ACCESS_KEY, MockFlowrouteExtension.SECRET_KEY))
                .baseUrl(flowroute.baseUrl())
                .clock(MockFlowrouteExtension.CLOCK)
                .retryPolicy(RetryPolicy.none());
    }

    /** How many requests {@code flowroute}'s server received, whatever they were. */
    static int requestCount(MockFlowrouteExtension flowroute) {
        return flowroute.requests().size();
    }

    /** An example response of the seed README, from {@code flowroute-core/src/test/resources/seed/}. */
    static String seed(String file) {
        try (InputStream in = TestServer.class.getResourceAsStream("/seed/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /seed/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
