package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.LogCapture;
import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.FlowrouteCredentials;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** One DEBUG line per attempt, and never a secret, a signature or an Authorization value anywhere. */
class RequestLoggingTest {
    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create();

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern ATTEMPT_LINE = Pattern.compile(
            ".*DEBUG com\\.flowroute\\.numbers\\.reactive\\.ReactiveFlowrouteClient - (GET|PUT|PATCH) (/\\S*) -> (\\d{3}|failed: .*)"
                    + " in (\\d+) ms \\(attempt (\\d+)\\)");

    @Test
    void oneDebugLinePerAttemptWithMethodPathQueryStatusTimeAndAttempt() {
        flowroute.server().stubFor(get(anyUrl()).willReturn(okJson(SeedExamples.ACCOUNT_NUMBERS).withFixedDelay(30)));

        try (LogCapture log = new LogCapture(); ReactiveFlowrouteClient client = flowroute.newClient()) {
            StepVerifier.create(client.numbers().list(AccountNumberQuery.builder().pattern("206").pageSize(1).build()).take(1))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(WAIT);

            List<String> lines = log.attempts("/v1/tns/");
            assertEquals(1, lines.size(), () -> String.join("\n", log.lines()));
            var match = ATTEMPT_LINE.matcher(lines.get(0));
            assertTrue(match.matches(), lines.get(0));
            assertEquals("GET", match.group(1));
            assertEquals("/v1/tns/?limit=1&pattern=206", match.group(2));
            assertEquals("200", match.group(3));
            assertTrue(Long.parseLong(match.group(4)) >= 30, lines.get(0));
            assertEquals("1", match.group(5));
        }
    }

    @Test
    void eachRetryHasItsOwnLine() {
        String path = "/v1/tns/12066417744";
        flowroute.server().stubFor(get(urlEqualTo(path)).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        flowroute.server().stubFor(get(urlEqualTo(path)).inScenario("retry").whenScenarioStateIs("up")
                .willReturn(okJson(SeedExamples.NUMBER_DETAILS)));

        try (LogCapture log = new LogCapture();
                ReactiveFlowrouteClient client = flowroute.newClient(builder -> builder.retryPolicy(MockFlowrouteExtension.FAST_RETRIES))) {
            StepVerifier.create(client.numbers().details("12066417744")).expectNextCount(1).expectComplete().verify(WAIT);

            List<String> lines = log.attempts(path);
            assertEquals(2, lines.size(), () -> String.join("\n", log.lines()));
            assertTrue(lines.get(0).contains("GET " + path + " -> 503 in "), lines.get(0));
            assertTrue(lines.get(0).endsWith("(attempt 1)"), lines.get(0));
            assertTrue(lines.get(1).contains("GET " + path + " -> 200 in "), lines.get(1));
            assertTrue(lines.get(1).endsWith("(attempt 2)"), lines.get(1));
        }
    }

    @Test
    void secretsAppearInNoLogLineAndNoException() throws Exception {
        String secret = "Sup3r-S3cret-Key-" + System.nanoTime();
        FlowrouteCredentials credentials = FlowrouteCredentials.of("acc-key-77", secret);
        flowroute.server().stubFor(any(urlEqualTo("/v1/tns/12066417744")).willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":[{\"detail\":\"bad signature\"}]}")));
        flowroute.server().stubFor(get(urlEqualTo("/v1/routes/")).willReturn(okJson("{\"routes\": 5}")));
        flowroute.server().stubFor(get(urlEqualTo("/v1/available-tns/npas/")).willReturn(okJson("{}").withFixedDelay(1_000)));
        List<Throwable> errors = new ArrayList<>();

        try (LogCapture log = new LogCapture();
                ReactiveFlowrouteClient client = flowroute.newClient(builder -> builder.credentials(credentials)
                        .responseTimeout(Duration.ofMillis(200))
                        .retryPolicy(MockFlowrouteExtension.FAST_RETRIES))) {
            StepVerifier.create(client.numbers().details("12066417744")).consumeErrorWith(errors::add).verify(WAIT);
            StepVerifier.create(client.numbers().purchase("12066417744")).consumeErrorWith(errors::add).verify(WAIT);
            StepVerifier.create(client.routes().list()).consumeErrorWith(errors::add).verify(WAIT);
            StepVerifier.create(client.availableNumbers().areaCodes()).consumeErrorWith(errors::add).verify(WAIT);
            try (ReactiveFlowrouteClient closed = ReactiveFlowrouteClient.builder().credentials(credentials)
                    .baseUrl("http://127.0.0.1:" + RetryRulesTest.closedPort() + "/v1").retryPolicy(RetryPolicy.none()).build()) {
                StepVerifier.create(closed.numbers().details("12066417744")).consumeErrorWith(errors::add).verify(WAIT);
            }

            List<String> forbidden = new ArrayList<>(List.of(secret));
            flowroute.requests().forEach(request -> {
                String authorization = request.getHeader("Authorization");
                String token = authorization.substring("Basic ".length());
                String signature = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split(":", 2)[1];
                forbidden.add(authorization);
                forbidden.add(token);
                forbidden.add(signature);
            });
            assertTrue(flowroute.requests().size() >= 4, "the calls reached the server");

            List<String> texts = new ArrayList<>(log.lines());
            assertTrue(log.attempts("/v1/").size() >= 4, () -> String.join("\n", log.lines()));
            assertEquals(5, errors.size());
            for (Throwable error : errors) {
                StringWriter trace = new StringWriter();
                error.printStackTrace(new PrintWriter(trace));
                texts.add(trace.toString());
                texts.add(String.valueOf(error));
            }
            texts.add(credentials.toString());
            texts.add(MockFlowrouteExtension.signedGet(credentials, flowroute.baseUrl(), "/v1/tns/").toString());
            for (String text : texts) {
                for (String value : forbidden) {
                    assertFalse(text.contains(value), () -> "found a secret value in: " + text);
                }
            }
        }
    }
}
