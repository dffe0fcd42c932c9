package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.Route;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.netty.buffer.Unpooled;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import reactor.test.StepVerifier;

/**
 * Where credentials may go and what the client accepts back: HTTPS by default and with the
 * certificate checked, plain HTTP only to loopback unless allowed, {@code links.next} only to the
 * base URL's origin, route names that stay one path segment, and a response body cap enforced
 * while reading. Complements {@code FlowrouteClientBuilderTest}, {@code PagedFluxTest} and
 * {@code RouteNamesTest}.
 */
class TransportSafetyTest {
    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create();

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final FlowrouteCredentials KEYS = FlowrouteCredentials.of(MockFlowrouteExtension.ACCESS_KEY, MockFlowrouteExtension.SECRET_KEY);

    // HTTPS by default.

    @Test
    void httpsIsTheDefaultBaseUrl() {
        ClientSettings settings = ClientSettings.resolve(ReactiveFlowrouteClient.builder().credentials(KEYS), name -> null);

        assertEquals("https://api.flowroute.com", settings.origin.toString());
        assertEquals("", settings.rootPath, "the default is the API root; each operation adds its versioned path");
        assertEquals(FlowrouteApiVersion.V1, settings.apiVersion);
    }

    @Test
    void aBaseUrlFromTheEnvironmentIsHeldToTheSameRule() {
        Function<String, ClientSettings> fromEnvironment = url -> ClientSettings.resolve(
                ReactiveFlowrouteClient.builder().credentials(KEYS), name -> name.equals("FLOWROUTE_BASE_URL") ? url : null);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> fromEnvironment.apply("http://api.example.com/v1"));
        assertTrue(refused.getMessage().startsWith("baseUrl \"http://api.example.com/v1\""), refused.getMessage());
        assertEquals("http://127.0.0.1:8089", fromEnvironment.apply("http://127.0.0.1:8089/v1").origin.toString());
        assertEquals("https://sandbox.example.com", fromEnvironment.apply("https://sandbox.example.com/v1").origin.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1@evil.example/v1", "http://localhost:80@evil.example/v1",
        "http://[::1]@evil.example/v1", "http://0.0.0.0/v1", "http://10.0.0.1/v1", "http://localhost.evil.example/v1",
        "http://127.0.0.1%2eevil.example/v1"})
    void plainHttpToWhatOnlyLooksLikeLoopbackIsRefused(String url) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ReactiveFlowrouteClient.builder().credentials(KEYS).baseUrl(url).build());
        assertTrue(refused.getMessage().startsWith("baseUrl"), refused.getMessage());
    }

    @Test
    void anUntrustedCertificateIsRefusedBeforeAnythingIsSent() {
        WireMockServer tls = flowroute.startServer(WireMockConfiguration::dynamicHttpsPort);
        tls.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        // WireMock's certificate is self-signed: the SDK's own client must not trust it.
        try (ReactiveFlowrouteClient secure = ReactiveFlowrouteClient.builder().credentials(KEYS)
                .baseUrl("https://127.0.0.1:" + tls.httpsPort() + "/v1").retryPolicy(RetryPolicy.none()).build()) {
            StepVerifier.create(secure.routes().list())
                    .expectErrorSatisfies(error -> {
                        assertInstanceOf(FlowrouteTransportException.class, error);
                        assertTrue(error.getMessage().startsWith("GET /v1/routes/"), error.getMessage());
                        assertTrue(error.getMessage().contains("the TLS handshake with https://127.0.0.1:" + tls.httpsPort()
                                + " failed"), error.getMessage());
                    })
                    .verify(WAIT);
        }
        assertEquals(0, tls.getAllServeEvents().size(), "no request reached the server");
    }

    // links.next only to the base URL's origin.

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1:PORT@evil.example/v1/routes/?page=2",
        "http://evil.example#@127.0.0.1:PORT/v1/routes/?page=2",
        "/\\\\evil.example/v1/routes/?page=2",
        "/v1/routes/?page=2\\r\\nX-Injected: 1",
        "http:evil.example/v1/routes/",
        "ftp://127.0.0.1:PORT/v1/routes/?page=2",
    })
    void aNextLinkThatLeavesTheOriginOrIsNotAUrlIsRefused(String link) {
        String resolved = link.replace("PORT", Integer.toString(flowroute.port()));
        flowroute.server().stubFor(get(urlEqualTo("/v1/routes/")).willReturn(okJson(PagedFluxTest.routesPage(0, 1, resolved, null))));

        StepVerifier.create(flowroute.client().routes().list())
                .expectNextCount(1)
                .expectErrorSatisfies(error -> {
                    assertInstanceOf(FlowrouteTransportException.class, error);
                    assertTrue(error.getMessage().contains("links.next"), error.getMessage());
                })
                .verify(WAIT);

        assertEquals(List.of("/v1/routes/"), flowroute.requests().stream().map(LoggedRequest::getUrl).toList());
    }

    @Test
    void aNextLinkToTheSameOriginWrittenDifferentlyIsFollowed() {
        String origin = "HTTP://127.0.0.1:" + flowroute.port();
        flowroute.server().stubFor(get(urlEqualTo("/v1/routes/")).willReturn(okJson(PagedFluxTest.routesPage(0, 1,
                origin + "/v1/routes/?page=2", null))));
        flowroute.server().stubFor(get(urlEqualTo("/v1/routes/?page=2")).willReturn(okJson(PagedFluxTest.routesPage(1, 1, null, null))));

        StepVerifier.create(flowroute.client().routes().list()).expectNextCount(2).expectComplete().verify(WAIT);

        flowroute.requests().forEach(MockFlowrouteExtension::assertSigned);
    }

    // Route names stay one segment under /routes/.

    /** 300 random names from an alphabet rich in path, query, encoding and line-breaking characters. */
    static Stream<String> randomRouteNames() {
        Random random = new Random(20240305);
        String alphabet = "aZ09-._~ /\\%?#&=+;:@!$'()*,[]\r\n\t\u0000\u007f\u0085\u2028\u00e9\u4e2d\ud83d\ude00.";
        return Stream.generate(() -> {
            int length = 1 + random.nextInt(12);
            StringBuilder name = new StringBuilder();
            while (name.length() < length) {
                int at = random.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                if (Character.isHighSurrogate(c)) {
                    name.append(c).append(alphabet.charAt(at + 1));
                } else if (!Character.isLowSurrogate(c)) {
                    name.append(c);
                }
            }
            return random.nextInt(10) == 0 ? ".." : random.nextInt(10) == 0 ? "../" + name : name.toString();
        }).limit(300);
    }

    @Test
    void theRandomNamesAreBothRefusedAndAccepted() {
        long refused = randomRouteNames().filter(name -> {
            try {
                NewRoute.host(name, "24.239.23.40:5060");
                return false;
            } catch (IllegalArgumentException e) {
                return true;
            }
        }).count();
        assertTrue(refused >= 50 && refused <= 250, refused + " of 300 refused");
        assertTrue(randomRouteNames().anyMatch(name -> name.equals("..")));
        assertTrue(randomRouteNames().anyMatch(name -> name.contains("/") && !name.chars().anyMatch(Character::isISOControl)));
    }

    @ParameterizedTest
    @MethodSource("randomRouteNames")
    void aRouteNameIsRefusedOrSentAsExactlyOneSegmentThatDecodesBackToIt(String name) {
        NewRoute route;
        try {
            route = NewRoute.host(name, "24.239.23.40:5060");
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage().startsWith("name "), refused.getMessage());
            assertTrue(name.isBlank() || name.chars().anyMatch(Character::isISOControl), () -> "refused " + name);
            assertEquals(0, flowroute.requests().size());
            return;
        }
        flowroute.server().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)));

        StepVerifier.create(flowroute.client().routes().create(route).map(Route::name)).expectNext(name).expectComplete().verify(WAIT);

        LoggedRequest request = flowroute.onlyRequest();
        String url = request.getUrl();
        assertTrue(url.startsWith("/v1/routes/"), url);
        String segment = url.substring("/v1/routes/".length());
        assertTrue(segment.matches("[A-Za-z0-9._~%-]+"), () -> "one segment of unreserved characters and escapes: " + url);
        assertTrue(!segment.equals(".") && !segment.equals(".."), url);
        assertEquals(name, URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        request.getHeaders().all().forEach(header -> assertTrue(header.values().stream().noneMatch(v -> v.contains("\n")),
                header::toString));
        MockFlowrouteExtension.assertSigned(request);
    }

    // The response body cap, enforced while reading.

    /** A server whose answer to everything is {@code status} with an endless chunked body; it counts what it sent. */
    private static final class EndlessBody implements AutoCloseable {
        static final int CHUNK_BYTES = 64 * 1024;
        // One direct buffer sent again and again: writing it allocates nothing (Netty's allocator
        // takes a lock BlockHound would flag on the test server's event loop).
        static final io.netty.buffer.ByteBuf CHUNK = Unpooled.unreleasableBuffer(
                Unpooled.directBuffer(CHUNK_BYTES).writeBytes("x".repeat(CHUNK_BYTES).getBytes(StandardCharsets.US_ASCII)));
        final AtomicLong sent = new AtomicLong();
        final AtomicReference<SignalType> ended = new AtomicReference<>();
        final DisposableServer server;

        EndlessBody(int status, Map<String, String> headers) {
            server = HttpServer.create().host("127.0.0.1").port(0)
                    .handle((request, response) -> {
                        HttpServerResponse answer = response.status(status).header("Content-Type", "application/json");
                        headers.forEach(answer::header);
                        return answer.send(Flux.<io.netty.buffer.ByteBuf>generate(sink -> sink.next(CHUNK.duplicate()))
                                .doOnNext(chunk -> sent.addAndGet(CHUNK_BYTES))
                                .doFinally(ended::set));
                    })
                    .bindNow();
        }

        ReactiveFlowrouteClient client(Function<ReactiveFlowrouteClient.Builder, ReactiveFlowrouteClient.Builder> options) {
            return options.apply(ReactiveFlowrouteClient.builder().credentials(KEYS)
                    .baseUrl("http://127.0.0.1:" + server.port() + "/v1").retryPolicy(RetryPolicy.none())).build();
        }

        /** Waits, boundedly, for the server to have stopped sending: the client hung up. */
        SignalType awaitEnd() {
            return Flux.interval(Duration.ZERO, Duration.ofMillis(10)).map(tick -> java.util.Optional.ofNullable(ended.get()))
                    .filter(java.util.Optional::isPresent).map(java.util.Optional::get)
                    .next().timeout(Duration.ofSeconds(10), Mono.just(SignalType.ON_COMPLETE)).block(WAIT);
        }

        @Override
        public void close() {
            server.disposeNow();
        }
    }

    @Test
    void anEndlessBodyIsRefusedAtTheDefaultSixteenMebibytes() {
        try (EndlessBody endless = new EndlessBody(200, Map.of());
                ReactiveFlowrouteClient capped = endless.client(Function.identity())) {
            StepVerifier.create(capped.routes().list())
                    .expectErrorSatisfies(error -> {
                        assertInstanceOf(FlowrouteTransportException.class, error);
                        assertTrue(error.getMessage().contains("exceeds the limit of 16777216 bytes (maxResponseBytes)"),
                                error.getMessage());
                    })
                    .verify(WAIT);

            assertTrue(endless.awaitEnd() != SignalType.ON_COMPLETE, "the server was stopped by the client hanging up");
            // What the server got out before noticing: the cap plus what sockets and event loops hold in flight.
            long sent = endless.sent.get();
            assertTrue(sent >= 16L << 20 && sent < 48L << 20, sent + " bytes sent");
        }
    }

    @Test
    void anEndlessBodyIsRefusedAtASmallCapWithoutReadingOn() {
        try (EndlessBody endless = new EndlessBody(200, Map.of());
                ReactiveFlowrouteClient capped = endless.client(builder -> builder.maxResponseBytes(100_000))) {
            StepVerifier.create(capped.numbers().details("12066417744"))
                    .expectErrorSatisfies(error -> assertTrue(error.getMessage().contains("more than 100000 bytes"), error.getMessage()))
                    .verify(WAIT);

            assertTrue(endless.awaitEnd() != SignalType.ON_COMPLETE);
            assertTrue(endless.sent.get() < 32L << 20, endless.sent.get() + " bytes sent");
        }
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedWithoutWaitingForTheBody() {
        // The server declares a gibibyte and then sends for ever: the client does not read on to find out.
        try (EndlessBody endless = new EndlessBody(200, Map.of("Content-Length", Long.toString(1L << 30)));
                ReactiveFlowrouteClient capped = endless.client(builder -> builder.responseTimeout(Duration.ofSeconds(30)))) {
            Duration took = StepVerifier.create(capped.routes().list())
                    .expectErrorSatisfies(error -> assertTrue(error.getMessage().contains("(1073741824 bytes) exceeds the limit"),
                            error.getMessage()))
                    .verify(WAIT);

            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "refused after " + took);
            assertTrue(endless.awaitEnd() != SignalType.ON_COMPLETE);
        }
    }

    @Test
    void aPurchaseAnsweredCreatedWithAnEndlessBodyCompletesAndHangsUp() {
        try (EndlessBody endless = new EndlessBody(201, Map.of());
                ReactiveFlowrouteClient capped = endless.client(builder -> builder.maxResponseBytes(100_000))) {
            StepVerifier.create(capped.numbers().purchase("12066417744")).expectComplete().verify(WAIT);

            assertTrue(endless.awaitEnd() != SignalType.ON_COMPLETE, "the client stopped reading and hung up");
            assertTrue(endless.sent.get() < 32L << 20, endless.sent.get() + " bytes sent");
        }
    }
}
