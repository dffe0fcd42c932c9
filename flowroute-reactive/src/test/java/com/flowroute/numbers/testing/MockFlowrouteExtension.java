package com.flowroute.numbers.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.internal.PreparedRequest;
import com.flowroute.numbers.internal.WireRequest;
import com.flowroute.numbers.internal.v1.RequestSigner;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WireMock standing in for the Flowroute API, as a JUnit 5 extension: one server on 127.0.0.1 and
 * a free port per test class, its stubs, scenarios and journal reset before each test, and one
 * {@link ReactiveFlowrouteClient} per test pointed at it (built on first use, closed after the
 * test). Also an independent check of the v1 request signature.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create()
 *         .client(builder -> builder.retryPolicy(MockFlowrouteExtension.FAST_RETRIES));
 * }</pre>
 *
 * <p>Every client has fixed credentials ({@link #ACCESS_KEY}, {@link #SECRET_KEY}), the fixed
 * {@link #CLOCK} and no retries, unless its customiser says otherwise. The state is the
 * extension instance's (one per test class), never static.
 */
public final class MockFlowrouteExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    public static final String ACCESS_KEY = "1111111";
    public static final String SECRET_KEY = "m8axLA45yds7kmi2225OQ7BshaADg6vr";
    /** The instant of the fixed clock; the milliseconds must not reach the X-Timestamp. */
    public static final Instant NOW = Instant.parse("2024-03-05T06:07:08.765Z");
    public static final String TIMESTAMP = "2024-03-05T06:07:08Z";
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Retries quick enough for tests that count attempts in real time. */
    public static final RetryPolicy FAST_RETRIES =
            RetryPolicy.builder().minBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build();

    private static final AtomicBoolean WARM = new AtomicBoolean();

    private final UnaryOperator<WireMockConfiguration> serverOptions;
    private final UnaryOperator<ReactiveFlowrouteClient.Builder> customiser;
    private WireMockServer server;
    private boolean inTest;
    private ReactiveFlowrouteClient client;
    private final List<AutoCloseable> afterTest = new ArrayList<>();

    private MockFlowrouteExtension(UnaryOperator<WireMockConfiguration> serverOptions,
            UnaryOperator<ReactiveFlowrouteClient.Builder> customiser) {
        this.serverOptions = serverOptions;
        this.customiser = customiser;
    }

    /** The extension with the default server and client. */
    public static MockFlowrouteExtension create() {
        return new MockFlowrouteExtension(UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** The same extension whose per-test {@link #client()} is also shaped by {@code customiser}. */
    public MockFlowrouteExtension client(UnaryOperator<ReactiveFlowrouteClient.Builder> customiser) {
        return new MockFlowrouteExtension(serverOptions, customiser);
    }

    /** The same extension whose server also takes {@code options} (such as more container threads). */
    public MockFlowrouteExtension server(UnaryOperator<WireMockConfiguration> options) {
        return new MockFlowrouteExtension(options, customiser);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new WireMockServer(serverOptions.apply(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()));
        server.start();
        if (WARM.compareAndSet(false, true)) {
            warmUp();
        }
    }

    // The JVM's first call loads Netty and Reactor, and BlockHound instruments them: over a
    // second. Paid once here, so that tests with timeouts of a few hundred milliseconds measure
    // the server and not class loading, whichever test class runs first.
    private void warmUp() {
        server.stubFor(WireMock.get(WireMock.anyUrl()).willReturn(WireMock.okJson("{}")));
        try (ReactiveFlowrouteClient warm = build(UnaryOperator.identity())) {
            warm.routes().list().collectList().block(Duration.ofSeconds(30));
        }
        server.resetAll();
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        server.resetAll();
        inTest = true;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws Exception {
        inTest = false;
        if (client != null) {
            afterTest.add(client);
            client = null;
        }
        Exception failed = null;
        for (int i = afterTest.size() - 1; i >= 0; i--) {
            try {
                afterTest.get(i).close();
            } catch (Exception e) {
                failed = e;
            }
        }
        afterTest.clear();
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
        }
    }

    /** The server, for stubs and verifications. */
    public WireMockServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** The server's {@code /v1}, as a v1 user configures the client. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /**
     * This test's client: the defaults shaped by the extension's customiser, built on first use
     * (from any thread) and closed after the test.
     */
    public synchronized ReactiveFlowrouteClient client() {
        if (!inTest) {
            throw new IllegalStateException("the per-test client exists only while a test runs");
        }
        if (client == null) {
            client = build(customiser);
        }
        return client;
    }

    /**
     * A new client with the defaults (not the extension's customiser) shaped by {@code options};
     * the caller may close it, and the extension does after the test in any case.
     */
    public synchronized ReactiveFlowrouteClient newClient(UnaryOperator<ReactiveFlowrouteClient.Builder> options) {
        ReactiveFlowrouteClient built = build(options);
        if (inTest) {
            afterTest.add(built);
        }
        return built;
    }

    /** A new client with the defaults. See {@link #newClient(UnaryOperator)}. */
    public ReactiveFlowrouteClient newClient() {
        return newClient(UnaryOperator.identity());
    }

    /**
     * Another WireMock server for this test only (on 127.0.0.1 and a free port unless
     * {@code options} says otherwise), stopped after it.
     *
     * @throws RuntimeException what WireMock throws when it cannot start (no IPv6 loopback, say)
     */
    public synchronized WireMockServer startServer(UnaryOperator<WireMockConfiguration> options) {
        if (!inTest) {
            throw new IllegalStateException("another server exists only while a test runs");
        }
        WireMockServer other = new WireMockServer(options.apply(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort()));
        other.start();
        afterTest.add(other::stop);
        return other;
    }

    private ReactiveFlowrouteClient build(UnaryOperator<ReactiveFlowrouteClient.Builder> options) {
        return options.apply(ReactiveFlowrouteClient.builder()
                .credentials(FlowrouteCredentials.of(ACCESS_KEY, SECRET_KEY))
                .baseUrl(baseUrl())
                .clock(CLOCK)
                .retryPolicy(RetryPolicy.none())).build();
    }

    /** Forgets every stub, scenario state and request so far. */
    public void reset() {
        server.resetAll();
    }

    /** Every request the server got, oldest first. */
    public List<LoggedRequest> requests() {
        List<LoggedRequest> requests = new ArrayList<>();
        server.getAllServeEvents().forEach(event -> requests.add(event.getRequest()));
        // WireMock lists the newest first.
        java.util.Collections.reverse(requests);
        return requests;
    }

    /** The one request the server got; fails if there were more or none. */
    public LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = requests();
        assertEquals(1, requests.size(), () -> "requests: " + requests);
        return requests.get(0);
    }

    /**
     * Recomputes the v1 signature of {@code request} from what the server received (method,
     * absolute URL, query, body bytes, X-Timestamp) without the SDK's signer, and checks the
     * Authorization header against it. Also checks that the query was sent sorted and form-encoded.
     */
    public static void assertSigned(LoggedRequest request) {
        String timestamp = request.getHeader("X-Timestamp");
        assertEquals(TIMESTAMP, timestamp, "X-Timestamp");
        String absolute = request.getAbsoluteUrl();
        int question = absolute.indexOf('?');
        String base = question < 0 ? absolute : absolute.substring(0, question);
        String query = question < 0 ? "" : absolute.substring(question + 1);
        assertEquals(sortedFormEncoded(query), query, "the query is sent sorted by name and form-encoded");
        byte[] body = request.getBody();
        String bodyMd5 = body == null || body.length == 0 ? "" : hex(digest("MD5", body));
        String message = timestamp + "\n" + request.getMethod().getName() + "\n" + bodyMd5 + "\n" + base + "\n" + query;
        String signature = hex(hmacSha1(SECRET_KEY, message));
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((ACCESS_KEY + ":" + signature).getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, request.getHeader("Authorization"), "Authorization recomputed from the received request");
    }

    /** The headers every request carries, and Content-Type exactly when there is a body. */
    public static void assertStandardHeaders(LoggedRequest request, boolean hasBody, String appUserAgent) {
        assertEquals("application/json", request.getHeader("Accept"));
        assertTrue(request.getHeader("X-Timestamp").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
        String userAgent = request.getHeader("User-Agent");
        assertTrue(userAgent.startsWith("flowroute-numbers-java/"), userAgent);
        assertTrue(userAgent.contains(System.getProperty("java.version")), userAgent);
        if (appUserAgent != null) {
            assertTrue(userAgent.endsWith(" " + appUserAgent), userAgent);
        }
        if (hasBody) {
            assertEquals("application/json", request.getHeader("Content-Type"));
        } else {
            assertTrue(!request.containsHeader("Content-Type"), "no Content-Type without a body");
            assertEquals(0, request.getBody().length);
        }
    }

    /** A GET of {@code rawPath} on {@code origin} as the SDK's signer signs it at {@link #NOW}. */
    public static PreparedRequest signedGet(FlowrouteCredentials credentials, String origin, String rawPath) {
        return new RequestSigner(credentials, CLOCK).sign(URI.create(origin), WireRequest.get(rawPath, List.of()));
    }

    /** The value of header {@code name} of a prepared request. */
    public static String header(PreparedRequest request, String name) {
        return request.headers().stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " header in " + request));
    }

    static String sortedFormEncoded(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            pairs.add(Map.entry(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)));
        }
        pairs.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue(Comparator.naturalOrder())));
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            out.append(out.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(pair.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pair.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] hmacSha1(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
