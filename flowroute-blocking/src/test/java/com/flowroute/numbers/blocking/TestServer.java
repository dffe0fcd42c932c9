package com.flowroute.numbers.blocking;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.flowroute.numbers.FlowrouteCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** WireMock on a loopback port, clients pointed at it, and the seed README's example responses. */
final class TestServer {
    private TestServer() {}

    /** A WireMock extension on 127.0.0.1 and a free port; stubs and journal reset before each test. */
    static WireMockExtension extension() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().containerThreads(64))
                .build();
    }

    /** A client builder aimed at {@code server}'s {@code /v1}, with test credentials. */
    static FlowrouteClient.Builder clientFor(WireMockExtension server) {
        return FlowrouteClient.builder()
                .credentials(FlowrouteCredentials.of("key", "secret"))
                .baseUrl(baseUrl(server));
    }

    static String baseUrl(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort() + "/v1";
    }

    /** How many requests {@code server} received, whatever they were. */
    static int requestCount(WireMockExtension server) {
        return server.findAll(RequestPatternBuilder.allRequests()).size();
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
