package com.flowroute.numbers.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The WebFlux service against the starter's sandbox (the dev profile), through HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = {
        ProvisioningApplication.class, ProvisioningApplicationTest.Recording.class})
@AutoConfigureWebTestClient
@ActiveProfiles("dev")
class ProvisioningApplicationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private WebTestClient http;

    @Autowired
    private FlowrouteSandbox sandbox;

    @Autowired
    private ReactiveFlowrouteClient flowroute;

    @Autowired
    private ApplicationRunner demoRoutes;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private RecordedCalls recorded;

    record RecordedCalls(List<Observation.Context> calls) {}

    /** Records the contexts of the client's calls as the application's registry sees them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {
        @Bean
        RecordedCalls recordedCalls() {
            return new RecordedCalls(new CopyOnWriteArrayList<>());
        }

        @Bean
        ObservationHandler<Observation.Context> callRecorder(RecordedCalls recorded) {
            return new ObservationHandler<>() {
                @Override
                public boolean supportsContext(Observation.Context context) {
                    return "flowroute.client.call".equals(context.getName());
                }

                @Override
                public void onStop(Observation.Context context) {
                    recorded.calls().add(context);
                }
            };
        }
    }

    @BeforeEach
    void freshSandbox() throws Exception {
        // One connection per request: WebTestClient has been seen to hang on a connection reused
        // after an answer to a request whose parameters were refused.
        http = http.mutate().defaultHeader("Connection", "close").build();
        sandbox.reset();
        demoRoutes.run(new DefaultApplicationArguments());
    }

    private JsonNode provision(String areaCode) throws Exception {
        byte[] body = http.post().uri("/numbers?areaCode={areaCode}&primary=pbx&failover=backup", areaCode)
                .exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    @Test
    void postBuysTheFirstNumberOfTheAreaCodeAndRoutesIt() throws Exception {
        JsonNode body = provision("206");

        PhoneNumber number = PhoneNumber.parse(body.get("number").asText());
        assertThat(number.npa()).isEqualTo("206");
        assertThat(sandbox.accountNumbers()).containsExactly(number);
        assertThat(flowroute.numbers().details(number).block(Duration.ofSeconds(10)).primaryRoute().name()).isEqualTo("pbx");
        assertThat(body.get("failover").asText()).isEqualTo("backup");
    }

    @Test
    void getStreamsEveryAccountNumberAsNdjson() throws Exception {
        for (int i = 0; i < 3; i++) {
            provision("212");
        }

        String body = http.get().uri("/numbers").accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> lines = body.lines().toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            JsonNode number = JSON.readTree(line);
            assertThat(sandbox.accountNumbers()).contains(PhoneNumber.parse(number.get("number").asText()));
            assertThat(number.get("primary").asText()).isEqualTo("pbx");
            assertThat(number.get("failover").asText()).isEqualTo("backup");
        }
    }

    @Test
    void badRequestsAreAnsweredWithAJsonError() {
        http.post().uri("/numbers?areaCode=206").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("required"));
        http.post().uri("/numbers?areaCode=206&primary=nope&failover=backup").exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/numbers?areaCode=2x6&primary=pbx&failover=backup").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("npa"));
    }

    @Test
    void theClientsCallsAreMetricsInActuator() throws Exception {
        // The registry lives as long as the context, which the tests share: count this test's purchase only.
        Timer before = meters.find("flowroute.client.call").tag("operation", "numbers.purchase").timer();
        long earlier = before == null ? 0 : before.count();
        provision("206");

        byte[] metric = http.get().uri("/actuator/metrics/flowroute.client.call?tag=operation:numbers.purchase")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();

        JsonNode body = JSON.readTree(metric);
        assertThat(body.get("name").asText()).isEqualTo("flowroute.client.call");
        JsonNode count = findStatistic(body, "COUNT");
        assertThat(count.get("value").asDouble()).isEqualTo(earlier + 1.0);
        assertThat(body.get("availableTags").findValuesAsText("tag")).contains("outcome", "api.version", "http.request.method");
        http.get().uri("/actuator/metrics/flowroute.client.attempt").exchange().expectStatus().isOk();
    }

    @Test
    void theFlowrouteHealthIsUpAndNotPartOfLiveness() {
        http.get().uri("/actuator/health/flowroute").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        String liveness = http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(liveness).contains("UP").doesNotContain("flowroute");
    }

    @Test
    void eachClientCallIsAChildOfItsRequestsObservation() throws Exception {
        List<Observation.Context> calls = recorded.calls();
        calls.clear();

        provision("206");

        assertThat(calls).extracting(call -> call.getLowCardinalityKeyValue("operation").getValue())
                .contains("availableNumbers.search", "numbers.purchase", "numbers.updateRoutes");
        assertThat(calls).allSatisfy(call -> assertThat(call.getParentObservation()).isNotNull()
                .satisfies(parent -> assertThat(parent.getContextView().getName()).isEqualTo("http.server.requests")));
    }

    private static JsonNode findStatistic(JsonNode metric, String statistic) {
        for (JsonNode measurement : metric.get("measurements")) {
            if (measurement.get("statistic").asText().equals(statistic)) {
                return measurement;
            }
        }
        throw new AssertionError("no " + statistic + " in " + metric);
    }
}
