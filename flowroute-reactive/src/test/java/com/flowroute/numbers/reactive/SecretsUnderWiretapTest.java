package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.LogCapture;
import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.RouteQuery;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.netty.handler.logging.LogLevel;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.transport.logging.AdvancedByteBufFormat;
import reactor.test.StepVerifier;

/**
 * With everything at DEBUG (the SDK, Reactor Netty, Netty) and Reactor Netty's wiretap on in the
 * caller's {@code HttpClient}, every operation and every error path is run; neither the secret
 * key, nor any request's signature, nor its {@code Authorization} value (whole or its Base64
 * part) appears in any log line, hex dump, exception message, stack trace or {@code toString()}.
 *
 * <p>Runs in its own JVM (a surefire execution of its own) so that Reactor Netty's and Netty's
 * loggers are created at DEBUG.
 */
class SecretsUnderWiretapTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SECRET = MockFlowrouteExtension.SECRET_KEY;
    private static final FlowrouteCredentials CREDENTIALS = FlowrouteCredentials.of(MockFlowrouteExtension.ACCESS_KEY, SECRET);
    /** The header as the wiretap shows it once masked; header names are case-insensitive. */
    private static final Pattern MASKED_AUTHORIZATION = Pattern.compile("(?i)authorization: Basic \\*{4}");
    private static final Pattern HEX_ROW = Pattern.compile("\\|[0-9a-f]{8}\\|((?: [0-9a-f]{2}){1,16}) +\\|");

    private static final String ROUTES = "{\"routes\": {\"office\": {\"type\": \"HOST\", \"value\": \"24.239.23.40:5060\"}}}";

    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create()
            .server(WireMockConfiguration::dynamicHttpsPort);

    /** Ways a caller turns the wiretap on. */
    enum Wiretap {
        HEX_DUMP_HTTP(false, client -> client.wiretap(true)),
        TEXTUAL_HTTP(false, client -> client.wiretap("reactor.netty.wire", LogLevel.DEBUG, AdvancedByteBufFormat.TEXTUAL)),
        SIMPLE_HTTP(false, client -> client.wiretap("reactor.netty.wire", LogLevel.INFO, AdvancedByteBufFormat.SIMPLE)),
        TEXTUAL_HTTPS(true, client -> client.secure(spec -> spec.sslContext(insecureTls()))
                .wiretap("reactor.netty.wire", LogLevel.DEBUG, AdvancedByteBufFormat.TEXTUAL));

        final boolean tls;
        final Function<HttpClient, HttpClient> configure;

        Wiretap(boolean tls, Function<HttpClient, HttpClient> configure) {
            this.tls = tls;
            this.configure = configure;
        }
    }

    @BeforeAll
    static void loggersAtDebugAndNettyWarm() {
        assumeTrue(Boolean.getBoolean("flowroute.secretsUnderWiretap"),
                "runs in the secrets-under-wiretap surefire execution, where Netty logs at DEBUG");
        for (String category : List.of("reactor.netty.http.client.HttpClientConnect", "io.netty.handler.codec.http2", "com.flowroute")) {
            assertTrue(LoggerFactory.getLogger(category).isDebugEnabled(), category + " must log at DEBUG for this test to mean anything");
        }
        flowroute.server().stubFor(get(urlEqualTo("/v1/routes/")).willReturn(okJson(ROUTES)));
        // Loading Netty's codecs and TLS with DEBUG logging takes longer than a call may here: pay it once.
        for (Wiretap wiretap : List.of(Wiretap.TEXTUAL_HTTP, Wiretap.TEXTUAL_HTTPS)) {
            String origin = wiretap.tls ? "https://127.0.0.1:" + flowroute.server().httpsPort() : "http://127.0.0.1:" + flowroute.port();
            try (ReactiveFlowrouteClient warm = ReactiveFlowrouteClient.builder().credentials(CREDENTIALS).baseUrl(origin + "/v1")
                    .httpClient(wiretap.configure.apply(HttpClient.create())).build()) {
                warm.routes().list().collectList().block(Duration.ofSeconds(30));
            }
        }
    }

    /** Every operation's answer, and each error path's (the extension resets the server before each test). */
    @BeforeEach
    void stubEveryCall() {
        WireMockServer server = flowroute.server();
        server.stubFor(get(urlEqualTo("/v1/available-tns/npas/?limit=1"))
                .willReturn(okJson("{\"npas\": {\"201\": {}}, \"links\": {\"next\": \"/v1/available-tns/npas/?limit=1&page=2\"}}")));
        server.stubFor(get(urlEqualTo("/v1/available-tns/npas/?limit=1&page=2")).willReturn(okJson("{\"npas\": {\"203\": {}}}")));
        server.stubFor(get(urlPathEqualTo("/v1/available-tns/npanxxs/")).willReturn(okJson(SeedExamples.EXCHANGES
                .replaceAll("\"links\"\\s*:\\s*\\{[^}]*\\}", "\"links\": {}"))));
        server.stubFor(get(urlPathEqualTo("/v1/available-tns/tns/")).willReturn(okJson(SeedExamples.AVAILABLE_NUMBERS
                .replaceAll("\"links\"\\s*:\\s*\\{[^}]*\\}", "\"links\": {}"))));
        server.stubFor(get(urlPathEqualTo("/v1/tns/")).willReturn(okJson(SeedExamples.ACCOUNT_NUMBERS
                .replaceAll("\"links\"\\s*:\\s*\\{[^}]*\\}", "\"links\": {}"))));
        server.stubFor(get(urlEqualTo("/v1/routes/")).willReturn(okJson(ROUTES)));
        server.stubFor(get(urlEqualTo("/v1/tns/12066417744")).willReturn(okJson(SeedExamples.NUMBER_DETAILS)));
        server.stubFor(put(urlEqualTo("/v1/tns/12066417744")).willReturn(aResponse().withStatus(201)));
        server.stubFor(patch(urlEqualTo("/v1/tns/12066417744")).willReturn(aResponse().withStatus(204)));
        server.stubFor(put(urlEqualTo("/v1/routes/office")).willReturn(aResponse().withStatus(201)));
        // Error paths.
        server.stubFor(get(urlEqualTo("/v1/tns/12065550401")).willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\": [{\"detail\": \"bad signature\"}]}")));
        server.stubFor(get(urlEqualTo("/v1/tns/12065550404")).willReturn(aResponse().withStatus(404)));
        server.stubFor(patch(urlEqualTo("/v1/tns/12065550400")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\": \"no such route\"}")));
        server.stubFor(get(urlEqualTo("/v1/tns/12065550500")).willReturn(aResponse().withStatus(500).withBody("<html>oops</html>")));
        server.stubFor(get(urlEqualTo("/v1/tns/12065550503")).willReturn(aResponse().withStatus(503)));
        server.stubFor(get(urlEqualTo("/v1/tns/12065550222")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(get(urlEqualTo("/v1/tns/12065550223")).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        server.stubFor(get(urlEqualTo("/v1/tns/12065550333")).willReturn(okJson("{\"billing_method\": ")));
        server.stubFor(get(urlEqualTo("/v1/tns/12065550444")).willReturn(okJson("{\"x\": \"" + "x".repeat(5_000) + "\"}")));
        server.stubFor(get(urlEqualTo("/v1/tns/12065550111")).willReturn(okJson("{}").withFixedDelay(2_500)));
        server.stubFor(put(urlEqualTo("/v1/tns/12065550555")).willReturn(aResponse().withStatus(503)));
        server.stubFor(get(urlEqualTo("/v1/tns/12065550555")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlEqualTo("/v1/routes/?limit=7")).willReturn(okJson(
                "{\"routes\": {}, \"links\": {\"next\": \"https://elsewhere.example.com/v1/routes/?page=2\"}}")));
        server.stubFor(get(urlEqualTo("/v1/routes/?limit=9")).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        server.stubFor(get(urlEqualTo("/v1/routes/?limit=9")).inScenario("rate").whenScenarioStateIs("ok")
                .willReturn(okJson(ROUTES)));
    }

    private static io.netty.handler.ssl.SslContext insecureTls() {
        try {
            return SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Wiretap.class)
    void noSecretInAnyLogLineExceptionOrToString(Wiretap wiretap) throws Exception {
        HttpClient httpClient = wiretap.configure.apply(HttpClient.create());
        String origin = wiretap.tls ? "https://127.0.0.1:" + flowroute.server().httpsPort() : "http://127.0.0.1:" + flowroute.port();
        List<Throwable> errors = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String closedOrigin = "http://127.0.0.1:" + RetryRulesTest.closedPort();

        String logged;
        try (LogCapture log = new LogCapture()) {
            try (ReactiveFlowrouteClient client = client(httpClient, origin)) {
                exercise(client, errors);
                texts.add(String.valueOf(client));
            }
            try (ReactiveFlowrouteClient closed = client(httpClient, closedOrigin)) {
                StepVerifier.create(closed.numbers().details("12066417744")).consumeErrorWith(errors::add).verify(WAIT);
            }
            logged = String.join("\n", log.lines());
        }

        List<String> authorizations = new ArrayList<>();
        flowroute.server().getAllServeEvents().forEach(event -> authorizations.add(event.getRequest().getHeader("Authorization")));
        authorizations.add(MockFlowrouteExtension.header(MockFlowrouteExtension.signedGet(CREDENTIALS, closedOrigin, "/v1/tns/12066417744"),
                "Authorization"));
        assertTrue(authorizations.size() >= 25, "the calls reached the server: " + authorizations.size());
        // The wiretap saw masked copies; the server got the request as signed.
        flowroute.server().getAllServeEvents().forEach(event -> MockFlowrouteExtension.assertSigned(event.getRequest()));
        assertEquals(16, errors.size(), () -> "errors: " + errors);
        String dumped = hexDumped(logged);
        assertNoSecretIn(authorizations, errors, texts, logged, dumped);

        // The wiretap was really on and reached the log (the test would prove nothing otherwise).
        switch (wiretap) {
            case HEX_DUMP_HTTP:
                assertTrue(dumped.contains("X-Timestamp: "), "the hex dump shows the request headers");
                assertTrue(MASKED_AUTHORIZATION.matcher(dumped).find(), "and the Authorization masked");
                break;
            case TEXTUAL_HTTP:
            case TEXTUAL_HTTPS:
                assertTrue(logged.contains("X-Timestamp: "), "the textual wiretap shows the request headers");
                assertTrue(MASKED_AUTHORIZATION.matcher(logged).find(), "and the Authorization masked");
                break;
            default:
                assertTrue(logged.contains("reactor.netty.wire") && logged.contains("WRITE"), "the wiretap logs events");
        }
        assertTrue(logged.contains("DEBUG com.flowroute"), "the SDK's own DEBUG lines are captured too");
    }

    /**
     * HTTP/2's frame logger, which Reactor Netty installs with the wiretap, prints every header
     * decoded, where no byte-level redaction can reach: the client turns that wiretap off and
     * says so.
     */
    @org.junit.jupiter.api.Test
    void http2WiretapIsTurnedOffAndSaysWhy() {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        DisposableServer h2c = HttpServer.create().host("127.0.0.1").port(0).protocol(HttpProtocol.H2C)
                .handle((request, response) -> {
                    authorizations.add(request.requestHeaders().get("Authorization"));
                    if (request.method().name().equals("GET")) {
                        String body = request.uri().equals("/v1/tns/12066417744") ? SeedExamples.NUMBER_DETAILS : "{}";
                        return response.header("Content-Type", "application/json").sendString(Mono.just(body));
                    }
                    return response.status(request.uri().equals("/v1/tns/12065550401") ? 401 : 204).send();
                })
                .bindNow();
        List<Throwable> errors = new ArrayList<>();
        String logged;
        try (LogCapture log = new LogCapture();
                ReactiveFlowrouteClient client = client(HttpClient.create().protocol(HttpProtocol.H2C).wiretap(true),
                        "http://127.0.0.1:" + h2c.port())) {
            for (Mono<?> call : List.of(client.availableNumbers().areaCodes().collectList(), client.numbers().list().collectList(),
                    client.numbers().details("12066417744"), client.numbers().purchase("12066417744"),
                    client.numbers().updateRoutes("12066417744", "a", "b"), client.routes().list().collectList(),
                    client.routes().create(NewRoute.host("office", "24.239.23.40:5060")))) {
                StepVerifier.create(call.then()).expectComplete().verify(WAIT);
            }
            StepVerifier.create(client.numbers().updateRoutes("12065550401", "a", "b")).consumeErrorWith(errors::add).verify(WAIT);
            logged = String.join("\n", log.lines());
        } finally {
            h2c.disposeNow();
        }

        assertEquals(8, authorizations.size(), "every call went over HTTP/2");
        assertEquals(1, errors.size());
        assertNoSecretIn(authorizations, errors, new ArrayList<>(), logged, hexDumped(logged));
        assertTrue(logged.contains("WARN com.flowroute") && logged.contains("wiretap"), "the client says it turned the wiretap off");
    }

    /** Fails if the key, an Authorization value, its Base64 part or the signature in it is in any of the texts. */
    private static void assertNoSecretIn(List<String> authorizations, List<Throwable> errors, List<String> texts, String logged,
            String dumped) {
        List<String> forbidden = new ArrayList<>(List.of(SECRET));
        for (String authorization : authorizations) {
            String token = authorization.substring("Basic ".length());
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            forbidden.add(authorization);
            forbidden.add(token);
            forbidden.add(decoded);
            forbidden.add(decoded.substring(decoded.indexOf(':') + 1));
        }
        for (Throwable error : errors) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            texts.add(trace.toString());
            texts.add(String.valueOf(error));
        }
        texts.add(CREDENTIALS.toString());
        texts.add(logged);
        texts.add(dumped);
        for (String text : texts) {
            for (String value : forbidden) {
                int at = text.indexOf(value);
                assertTrue(at < 0, () -> "a secret value in: ..." + text.substring(Math.max(0, at - 300),
                        Math.min(text.length(), at + value.length() + 50)));
            }
        }
    }

    private static ReactiveFlowrouteClient client(HttpClient httpClient, String origin) {
        return ReactiveFlowrouteClient.builder()
                .credentials(CREDENTIALS)
                .baseUrl(origin + "/v1")
                .httpClient(httpClient)
                .clock(MockFlowrouteExtension.CLOCK)
                .responseTimeout(Duration.ofSeconds(1))
                .maxResponseBytes(4096)
                .retryPolicy(RetryPolicy.builder().maxRetries(1).minBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2))
                        .build())
                .build();
    }

    /** Every operation, then every error path; the errors collected. */
    private static void exercise(ReactiveFlowrouteClient client, List<Throwable> errors) {
        List<Mono<?>> fine = List.of(
                client.availableNumbers().areaCodes(AreaCodeQuery.builder().pageSize(1).build()).collectList(),
                client.availableNumbers().exchanges().collectList(),
                client.availableNumbers().search().collectList(),
                client.numbers().purchase("12066417744"),
                client.numbers().list().collectList(),
                client.numbers().details("12066417744"),
                client.numbers().updateRoutes("12066417744", "office", "sip-reg"),
                client.routes().list().collectList(),
                client.routes().create(NewRoute.host("office", "24.239.23.40:5060")),
                client.routes().list(RouteQuery.builder().pageSize(9).build()).collectList());
        for (Mono<?> call : fine) {
            StepVerifier.create(call.then()).expectComplete().verify(WAIT);
        }
        List<Mono<?>> failing = List.of(
                client.numbers().details("12065550401"),
                client.numbers().details("12065550404"),
                client.numbers().updateRoutes("12065550400", "a", "b"),
                client.numbers().details("12065550500"),
                client.numbers().details("12065550503"),
                client.numbers().details("12065550222"),
                client.numbers().details("12065550223"),
                client.numbers().details("12065550333"),
                client.numbers().details("12065550444"),
                client.numbers().details("12065550111"),
                client.numbers().purchase("12065550555"),
                client.routes().list(RouteQuery.builder().pageSize(7).build()).collectList(),
                client.numbers().details("not a number"),
                Mono.fromCallable(() -> NewRoute.host("bad\r\nname", "pbx.example.com")),
                Mono.fromCallable(() -> FlowrouteCredentials.of("key", " \n")));
        for (Mono<?> call : failing) {
            StepVerifier.create(call).consumeErrorWith(errors::add).verify(WAIT);
        }
    }

    /** The bytes of every hex-dump row in {@code log}, as text: what a hex dump shows split over rows, joined. */
    private static String hexDumped(String log) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Matcher row = HEX_ROW.matcher(log);
        while (row.find()) {
            for (String hex : row.group(1).trim().split(" ")) {
                bytes.write(Integer.parseInt(hex, 16));
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @org.junit.jupiter.api.Test
    void theHexDumpReaderJoinsRows() {
        String dump = "|00000000| 47 45 54 20 2f 76 31 2f 74 6e 73 2f 31 32 30 36 |GET /v1/tns/1206|\n"
                + "|00000010| 36 34 31                                        |641             |";
        assertEquals("GET /v1/tns/1206641", hexDumped(dump));
        assertFalse(hexDumped("no dump here").contains("GET"));
    }
}
