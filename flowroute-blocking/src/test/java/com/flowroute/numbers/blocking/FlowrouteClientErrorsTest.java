package com.flowroute.numbers.blocking;

import static com.flowroute.numbers.blocking.TestServer.requestCount;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.AuthenticationException;
import com.flowroute.numbers.BadRequestException;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.RateLimitException;
import com.flowroute.numbers.ServerException;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.testing.MockFlowrouteExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every failure comes out as the contract's own exception, not wrapped, with the caller's stack
 * attached as a suppressed exception. Retries are off so that each failure is one request.
 */
class FlowrouteClientErrorsTest {
    private static final String DETAILS = "/v1/tns/12066417744";

    @RegisterExtension
    static final MockFlowrouteExtension flowroute = TestServer.extension();

    /** A blocking client over this test's reactive client. */
    private static FlowrouteClient client() {
        return TestServer.client(flowroute);
    }


    /** Asserts that {@code error} carries a suppressed exception whose stack has a frame of the running test. */
    private static void assertCalledFromTest(Throwable error, TestInfo test) {
        String method = test.getTestMethod().orElseThrow().getName();
        boolean found = Arrays.stream(error.getSuppressed())
                .flatMap(suppressed -> Arrays.stream(suppressed.getStackTrace()))
                .anyMatch(frame -> frame.getClassName().equals(FlowrouteClientErrorsTest.class.getName())
                        && frame.getMethodName().equals(method));
        assertTrue(found, () -> "no suppressed exception has a frame of " + method + ": "
                + Arrays.toString(error.getSuppressed()));
    }

    @Test
    void badRequestOnPurchase(TestInfo test) {
        flowroute.server().stubFor(put(urlEqualTo(DETAILS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\": [{\"detail\": \"12066417744 is not available\"}]}")));

        BadRequestException error = assertThrowsExactly(BadRequestException.class,
                () -> client().numbers().purchase("12066417744"));

        assertEquals(400, error.statusCode());
        assertEquals("PUT", error.method());
        assertEquals(DETAILS, error.path());
        assertEquals(List.of("12066417744 is not available"), error.errorMessages());
        assertNull(error.getCause());
        assertCalledFromTest(error, test);
    }

    @Test
    void authenticationOnDetails(TestInfo test) {
        flowroute.server().stubFor(get(urlEqualTo(DETAILS)).willReturn(aResponse().withStatus(401).withBody("Unauthorized")));

        AuthenticationException error = assertThrowsExactly(AuthenticationException.class,
                () -> client().numbers().details("12066417744"));

        assertEquals(401, error.statusCode());
        assertEquals("Unauthorized", error.responseBody());
        assertCalledFromTest(error, test);
    }

    @Test
    void notFoundOnDetails(TestInfo test) {
        flowroute.server().stubFor(get(urlEqualTo(DETAILS)).willReturn(aResponse().withStatus(404)));

        NotFoundException error = assertThrowsExactly(NotFoundException.class,
                () -> client().numbers().details("12066417744"));

        assertEquals(404, error.statusCode());
        assertEquals("GET", error.method());
        assertCalledFromTest(error, test);
        StackTraceElement top = error.getSuppressed()[0].getStackTrace()[0];
        assertEquals(NumbersClient.class.getName() + ".details", top.getClassName() + "." + top.getMethodName(),
                "the call site starts at the facade method, without the helper's own frames");
        assertTrue(error.getSuppressed()[0].getMessage().contains("FlowrouteClient call was made here"));
    }

    @Test
    void rateLimitOnRouteCreation(TestInfo test) {
        flowroute.server().stubFor(put(urlEqualTo("/v1/routes/MyHost")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7")));

        RateLimitException error = assertThrowsExactly(RateLimitException.class,
                () -> client().routes().create(NewRoute.host("MyHost", "24.239.23.40:5060")));

        assertEquals(429, error.statusCode());
        assertEquals(Duration.ofSeconds(7), error.retryAfter().orElseThrow());
        assertCalledFromTest(error, test);
    }

    @Test
    void serverErrorWhileIteratingAListing(TestInfo test) {
        flowroute.server().stubFor(get(urlEqualTo("/v1/routes/")).willReturn(aResponse().withStatus(503).withBody("down for maintenance")));

        ServerException error = assertThrowsExactly(ServerException.class,
                () -> client().routes().list().iterator().hasNext());

        assertEquals(503, error.statusCode());
        assertEquals("down for maintenance", error.responseBody());
        assertEquals(1, requestCount(flowroute), "RetryPolicy.none() sends once");
        assertCalledFromTest(error, test);
    }

    @Test
    void serverErrorOnUpdateRoutes(TestInfo test) {
        flowroute.server().stubFor(patch(urlEqualTo(DETAILS))
                .willReturn(aResponse().withStatus(503)));

        ServerException error = assertThrowsExactly(ServerException.class,
                () -> client().numbers().updateRoutes("12066417744", "primary", "failover"));

        assertEquals("PATCH", error.method());
        assertCalledFromTest(error, test);
    }

    @Test
    void malformedBodyIsATransportFailure(TestInfo test) {
        flowroute.server().stubFor(get(urlEqualTo(DETAILS)).willReturn(okJson("this is not JSON")));

        FlowrouteTransportException error = assertThrowsExactly(FlowrouteTransportException.class,
                () -> client().numbers().details("12066417744"));

        assertTrue(error.getMessage().contains("not JSON"), error.getMessage());
        assertCalledFromTest(error, test);
    }

    @Test
    void malformedPageIsATransportFailure(TestInfo test) {
        flowroute.server().stubFor(get(urlEqualTo("/v1/tns/")).willReturn(okJson("{\"tns\": [\"12066417744\"]}")));

        FlowrouteTransportException error = assertThrowsExactly(FlowrouteTransportException.class,
                () -> client().numbers().list().stream().toList());

        assertTrue(error.getMessage().contains("\"tns\""), error.getMessage());
        assertCalledFromTest(error, test);
    }

    @Test
    void refusedConnectionIsATransportFailure(TestInfo test) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (FlowrouteClient nowhere = FlowrouteClient.builder()
                .credentials(FlowrouteCredentials.of("key", "secret"))
                .baseUrl("http://127.0.0.1:" + closedPort + "/v1")
                .retryPolicy(RetryPolicy.none())
                .build()) {
            // The reactive client throws a package-private subtype for send failures: a
            // FlowrouteTransportException all the same, so catch clauses see the contract's type.
            FlowrouteTransportException error = assertThrows(FlowrouteTransportException.class,
                    () -> nowhere.numbers().details("12066417744"));

            assertTrue(error.getMessage().contains("could not connect"), error.getMessage());
            assertCalledFromTest(error, test);
        }
    }

    @Test
    void badNumberFailsBeforeAnyRequest(TestInfo test) {
        IllegalArgumentException details = assertThrows(IllegalArgumentException.class,
                () -> client().numbers().details("555-1212"));
        IllegalArgumentException purchase = assertThrows(IllegalArgumentException.class,
                () -> client().numbers().purchase("12061234567"));
        IllegalArgumentException routes = assertThrows(IllegalArgumentException.class,
                () -> client().numbers().updateRoutes("12066417744", " ", "failover"));

        assertTrue(details.getMessage().contains("number") && details.getMessage().contains("555-1212"),
                details.getMessage());
        assertTrue(purchase.getMessage().contains("12061234567"), purchase.getMessage());
        assertTrue(routes.getMessage().contains("primary"), routes.getMessage());
        assertCalledFromTest(details, test);
        assertEquals(0, requestCount(flowroute));
    }

    @Test
    void nullArgumentsAreRefusedOnTheCallersThread() {
        assertThrows(NullPointerException.class, () -> client().numbers().details((PhoneNumber) null));
        assertThrows(NullPointerException.class, () -> client().routes().create(null));
        assertEquals(0, requestCount(flowroute));
    }
}
