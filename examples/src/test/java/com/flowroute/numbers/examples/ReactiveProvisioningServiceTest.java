package com.flowroute.numbers.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowrouteSandboxExtension.class)
class ReactiveProvisioningServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final FlowrouteSandbox sandbox;
    private ReactiveFlowrouteClient flowroute;
    private ReactiveProvisioningService service;

    ReactiveProvisioningServiceTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @BeforeEach
    void start() {
        flowroute = Target.sandbox(sandbox).configure(ReactiveFlowrouteClient.builder()).build();
        flowroute.routes().create(NewRoute.host("pbx", "24.239.23.40:5060"))
                .then(flowroute.routes().create(NewRoute.uri("backup", "sip:backup@example.com")))
                .block(Duration.ofSeconds(10));
        service = new ReactiveProvisioningService(flowroute, 0);
    }

    @AfterEach
    void stop() {
        service.close();
        flowroute.close();
    }

    private HttpResponse<String> call(String method, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void postBuysTheFirstNumberOfTheAreaCodeAndRoutesIt() throws Exception {
        HttpResponse<String> response = call("POST", "/numbers?areaCode=206&primary=pbx&failover=backup");

        assertEquals(201, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        PhoneNumber number = PhoneNumber.parse(body.get("number").asText());
        assertEquals("206", number.npa());
        assertEquals(List.of(number), sandbox.accountNumbers());
        assertEquals("pbx", flowroute.numbers().details(number).block(Duration.ofSeconds(10)).primaryRoute().name());
        assertEquals("backup", body.get("failover").asText());
    }

    @Test
    void getStreamsEveryAccountNumberAsNdjson() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, call("POST", "/numbers?areaCode=212&primary=pbx&failover=backup").statusCode());
        }
        HttpResponse<String> response = call("GET", "/numbers");

        assertEquals(200, response.statusCode());
        assertEquals("application/x-ndjson", response.headers().firstValue("Content-Type").orElse(""));
        String[] lines = response.body().split("\n");
        assertEquals(3, lines.length, response.body());
        for (String line : lines) {
            JsonNode number = JSON.readTree(line);
            assertTrue(sandbox.accountNumbers().contains(PhoneNumber.parse(number.get("number").asText())));
            assertEquals("pbx", number.get("primary").asText());
        }
    }

    @Test
    void badRequestsAreAnsweredWithAJsonError() throws Exception {
        HttpResponse<String> missing = call("POST", "/numbers?areaCode=206");
        assertEquals(400, missing.statusCode());
        assertTrue(JSON.readTree(missing.body()).get("error").asText().contains("required"));

        HttpResponse<String> unknownRoute = call("POST", "/numbers?areaCode=206&primary=nope&failover=backup");
        assertEquals(400, unknownRoute.statusCode(), unknownRoute.body());

        HttpResponse<String> badAreaCode = call("POST", "/numbers?areaCode=2x6&primary=pbx&failover=backup");
        assertEquals(400, badAreaCode.statusCode());
        assertTrue(badAreaCode.body().contains("npa"), badAreaCode.body());
    }
}
