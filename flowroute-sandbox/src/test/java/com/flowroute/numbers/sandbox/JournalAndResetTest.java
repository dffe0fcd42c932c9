package com.flowroute.numbers.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteType;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowrouteSandboxExtension.class)
class JournalAndResetTest {
    private final FlowrouteSandbox sandbox;
    private final RawClient client;

    JournalAndResetTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new RawClient(sandbox);
    }

    @Test
    void theJournalRecordsEachRequestAsSentInOrder() {
        client.get("/v1/available-tns/tns/", "state", "WA", "npa", "206", "limit", "2");
        client.purchase("12066417744");
        client.purchase("12066417744");
        RawClient.exchange(client.signed("GET", "/v1/routes/", null).setHeader("X-Timestamp", "2001-01-01T00:00:00Z"));
        client.get("/v1/nowhere");

        assertEquals(List.of(
                new RecordedRequest("GET", "/v1/available-tns/tns/", "limit=2&npa=206&state=WA", "", true, 200),
                new RecordedRequest("PUT", "/v1/tns/12066417744", "", "{\"billing_method\":\"METERED\"}", true, 201),
                new RecordedRequest("PUT", "/v1/tns/12066417744", "", "{\"billing_method\":\"METERED\"}", true, 422),
                new RecordedRequest("GET", "/v1/routes/", "", "", false, 401),
                new RecordedRequest("GET", "/v1/nowhere", "", "", true, 404)),
                sandbox.journal());
    }

    @Test
    void theJournalIsASnapshot() {
        client.get("/v1/routes/");
        List<RecordedRequest> before = sandbox.journal();

        client.get("/v1/routes/");

        assertEquals(1, before.size());
        assertEquals(2, sandbox.journal().size());
        assertThrows(UnsupportedOperationException.class, () -> before.clear());
    }

    @Test
    void theJournalKeepsTheBodyAsText() {
        RawClient.exchange(client.signed("PUT", "/v1/routes/caf%C3%A9", "{\"type\":\"HOST\",\"value\":\"café.example.com\"}")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"type\":\"HOST\",\"value\":\"café.example.com\"}")));

        assertEquals("{\"type\":\"HOST\",\"value\":\"café.example.com\"}", sandbox.journal().get(0).body());
        assertEquals("/v1/routes/caf%C3%A9", sandbox.journal().get(0).path());
    }

    @Test
    void resetGoesBackToTheSeededState() {
        int forSale = sandbox.availableCount();
        client.purchase("12066417744");
        client.put("/v1/routes/office", "{\"type\": \"HOST\", \"value\": \"pbx.example.com\"}");
        sandbox.faults().always().respond(500);

        sandbox.reset();

        assertEquals(List.of(), sandbox.accountNumbers());
        assertEquals(List.of(Route.of("0", "sip-reg", RouteType.SIP_REG, null)), sandbox.routes());
        assertEquals(forSale, sandbox.availableCount());
        assertEquals(0, sandbox.faults().pending());
        assertEquals(List.of(), sandbox.journal());
        assertEquals(201, client.purchase("12066417744").statusCode(), "for sale again, and no fault left");
    }
}
