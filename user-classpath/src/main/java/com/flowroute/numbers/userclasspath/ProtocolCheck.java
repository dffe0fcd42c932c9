package com.flowroute.numbers.userclasspath;

import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * A user's application in miniature: the blocking client searching numbers against a local
 * Reactor Netty server, over HTTP/1.1 (the client's defaults), over h2c (a caller's
 * {@code HttpClient} with {@code HttpProtocol.H2C}) and over HTTP/2 with TLS. Prints one line
 * per protocol with what the server saw, and the classes the JVM had loaded after the first
 * call; exits 1 on any failure.
 * {@code java -cp <classes and runtime class path> ...ProtocolCheck KEYSTORE.p12 PASSWORD}.
 */
public final class ProtocolCheck {
    private static final String SEARCH = "{\"tns\": {\"12066417744\": {\"initial_cost\": \"1.00\", \"monthly_cost\": \"1.25\","
            + " \"billing_methods\": [\"METERED\"], \"ratecenter\": \"SEATTLE\", \"state\": \"WA\"}, \"12066417745\":"
            + " {\"initial_cost\": \"1.00\", \"monthly_cost\": \"1.25\", \"billing_methods\": [\"METERED\"],"
            + " \"ratecenter\": \"SEATTLE\", \"state\": \"WA\"}}, \"links\": {}}";

    private ProtocolCheck() {}

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]), args[1].toCharArray());
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run(Path keyStore, char[] password) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);

        DisposableServer plain = server(HttpServer.create().protocol(HttpProtocol.HTTP11, HttpProtocol.H2C), seen);
        DisposableServer tls = server(HttpServer.create().protocol(HttpProtocol.HTTP11, HttpProtocol.H2)
                .secure(spec -> spec.sslContext(Http2SslContextSpec.forServer(keys))), seen);
        try {
            check("HTTP/1.1", "http://127.0.0.1:" + plain.port(), builder -> builder, seen);
            System.out.println("classes loaded after the first call: " + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
            check("h2c", "http://127.0.0.1:" + plain.port(),
                    builder -> builder.httpClient(HttpClient.create().protocol(HttpProtocol.H2C)), seen);
            check("h2 over TLS", "https://127.0.0.1:" + tls.port(),
                    builder -> builder.httpClient(HttpClient.create().protocol(HttpProtocol.H2)
                            .secure(spec -> spec.sslContext(Http2SslContextSpec.forClient().configure(ssl -> ssl.trustManager(trust))))),
                    seen);
        } finally {
            plain.disposeNow(Duration.ofSeconds(5));
            tls.disposeNow(Duration.ofSeconds(5));
        }
    }

    private static DisposableServer server(HttpServer server, AtomicReference<String> seen) {
        return server.host("127.0.0.1")
                .port(0)
                .handle((request, response) -> {
                    seen.set(request.protocol());
                    return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                            .sendString(Mono.just(SEARCH), StandardCharsets.UTF_8);
                })
                .bindNow(Duration.ofSeconds(10));
    }

    private static void check(String name, String baseUrl, UnaryOperator<FlowrouteClient.Builder> configure,
            AtomicReference<String> seen) {
        seen.set(null);
        try (FlowrouteClient client = configure.apply(FlowrouteClient.builder()
                .baseUrl(baseUrl)
                .credentials(FlowrouteCredentials.of("access-key", "secret-key"))
                .retryPolicy(RetryPolicy.none())).build()) {
            List<AvailableNumber> found = new ArrayList<>();
            client.availableNumbers().search(NumberSearch.builder().npa("206").build()).forEach(found::add);
            if (found.size() != 2) {
                throw new IllegalStateException(name + ": " + found.size() + " numbers instead of 2");
            }
            System.out.println(name + ": 2 numbers, the server saw " + seen.get());
        }
    }
}
