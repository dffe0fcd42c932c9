package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.flowroute.numbers.FlowrouteCredentials;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

/** The builder's checks and defaults; building never sends anything. */
class FlowrouteClientBuilderTest {
    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create();

    private static final FlowrouteCredentials KEYS = FlowrouteCredentials.of("access", "secret");

    @BeforeEach
    void everyRequestIsAnswered() {
        flowroute.server().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    }

    private static ReactiveFlowrouteClient build(String baseUrl) {
        return ReactiveFlowrouteClient.builder().credentials(KEYS).baseUrl(baseUrl).build();
    }

    @Test
    void plainHttpToAnotherHostIsRefusedUnlessAllowed() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> build("http://api.example.com/v1"));
        assertTrue(refused.getMessage().contains("allowInsecureHttp"), refused.getMessage());
        assertTrue(refused.getMessage().contains("baseUrl"), refused.getMessage());
        assertTrue(refused.getMessage().contains("http://api.example.com/v1"), refused.getMessage());

        assertDoesNotThrow(() -> ReactiveFlowrouteClient.builder().credentials(KEYS).baseUrl("http://api.example.com/v1")
                .allowInsecureHttp(true).build().close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/v1", "http://127.0.0.1:8080/v1", "http://localhost/v1", "http://LOCALHOST:9/v1",
        "http://[::1]:8080/v1", "https://api.flowroute.com/v1", "https://api.example.com", "HTTPS://api.example.com/v1/"})
    void loopbackHttpAndAnyHttpsAreAccepted(String url) {
        assertDoesNotThrow(() -> build(url).close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "api.flowroute.com/v1", "ftp://api.flowroute.com/v1", "https:///v1",
        "https://api.flowroute.com/v1?x=1", "https://api.flowroute.com/v1#top", "http://127.0.0.1.example.com/v1",
        "http://localhost.example.com/v1", "file:///etc/passwd", ""})
    void unusableBaseUrlIsRefusedNamingIt(String url) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> build(url));
        assertTrue(refused.getMessage().startsWith("baseUrl"), refused.getMessage());
    }

    @Test
    void missingCredentialsWithoutEnvironmentNameTheVariable() {
        assumeTrue(System.getenv(FlowrouteCredentials.ACCESS_KEY_VARIABLE) == null,
                "FLOWROUTE_ACCESS_KEY is set in this environment");

        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ReactiveFlowrouteClient.builder().baseUrl("https://api.flowroute.com/v1").build());
        assertTrue(missing.getMessage().contains("FLOWROUTE_ACCESS_KEY"), missing.getMessage());
    }

    @Test
    void credentialsFromAnEnvironmentNameTheMissingSecretVariable() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> FlowrouteCredentials.fromEnvironment(name -> name.equals("FLOWROUTE_ACCESS_KEY") ? "key" : null));
        assertTrue(missing.getMessage().contains("FLOWROUTE_SECRET_KEY"), missing.getMessage());
        assertEquals("key", FlowrouteCredentials.fromEnvironment(name -> "key").accessKey());
    }

    @Test
    void trailingSlashOfBaseUrlIsNotDoubled() {
        try (ReactiveFlowrouteClient client = flowroute.newClient(builder -> builder.baseUrl(flowroute.baseUrl() + "/"))) {
            StepVerifier.create(client.numbers().updateRoutes("12066417744", "a", "b")).expectComplete().verify(Duration.ofSeconds(10));
        }

        assertEquals("/v1/tns/12066417744", flowroute.onlyRequest().getUrl());
        MockFlowrouteExtension.assertSigned(flowroute.onlyRequest());
    }

    @Test
    void baseUrlWithoutPathIsTheApiRootUnderWhichV1IsSpoken() {
        flowroute.server().stubFor(any(anyUrl()).willReturn(okJson("{}")));
        try (ReactiveFlowrouteClient client = flowroute.newClient(builder -> builder.baseUrl("http://127.0.0.1:" + flowroute.port()))) {
            StepVerifier.create(client.routes().list()).expectComplete().verify(Duration.ofSeconds(10));
        }

        assertEquals("/v1/routes/", flowroute.onlyRequest().getUrl());
        MockFlowrouteExtension.assertSigned(flowroute.onlyRequest());
    }

    @Test
    void ipv6LoopbackIsSignedAsSent() {
        WireMockServer six;
        try {
            six = flowroute.startServer(options -> options.bindAddress("::1"));
        } catch (RuntimeException noIpv6) {
            assumeTrue(false, "no IPv6 loopback here: " + noIpv6);
            return;
        }
        six.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        try (ReactiveFlowrouteClient client = flowroute.newClient(builder -> builder.baseUrl("http://[::1]:" + six.port() + "/v1"))) {
            StepVerifier.create(client.numbers().updateRoutes("12066417744", "a", "b")).expectComplete()
                    .verify(Duration.ofSeconds(10));
        }
        LoggedRequest request = six.getAllServeEvents().get(0).getRequest();
        assertEquals("http://[::1]:" + six.port() + "/v1/tns/12066417744", request.getAbsoluteUrl());
        MockFlowrouteExtension.assertSigned(request);
    }

    @Test
    void givenHttpClientIsUsedAndNotDisposed() {
        HttpClient mine = HttpClient.create().headers(headers -> headers.add("X-Proxy-Tag", "mine"));

        try (ReactiveFlowrouteClient client = flowroute.newClient(builder -> builder.httpClient(mine))) {
            StepVerifier.create(client.numbers().updateRoutes("12066417744", "a", "b")).expectComplete().verify(Duration.ofSeconds(10));
        }
        try (ReactiveFlowrouteClient again = flowroute.newClient(builder -> builder.httpClient(mine))) {
            StepVerifier.create(again.numbers().updateRoutes("12066417744", "a", "b")).expectComplete().verify(Duration.ofSeconds(10));
        }

        assertEquals(2, flowroute.requests().size());
        flowroute.requests().forEach(request -> {
            assertEquals("mine", request.getHeader("X-Proxy-Tag"));
            MockFlowrouteExtension.assertSigned(request);
        });
    }

    @Test
    void optionsRefuseBadValuesNamingThem() {
        ReactiveFlowrouteClient.Builder builder = ReactiveFlowrouteClient.builder();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.userAgent("app\r\nX-Evil: 1")).getMessage()
                .contains("userAgent"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.userAgent(" ")).getMessage().contains("userAgent"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.maxResponseBytes(0)).getMessage()
                .contains("maxResponseBytes"));
        for (Runnable nullOption : List.<Runnable>of(() -> builder.credentials(null), () -> builder.baseUrl(null),
                () -> builder.httpClient(null), () -> builder.retryPolicy(null), () -> builder.clock(null))) {
            assertThrows(NullPointerException.class, nullOption::run);
        }
    }

    @Test
    void buildingSendsNothing() {
        flowroute.newClient().close();

        assertEquals(0, flowroute.requests().size());
    }
}
