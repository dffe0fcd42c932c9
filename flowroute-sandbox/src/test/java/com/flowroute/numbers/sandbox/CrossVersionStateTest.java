package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static com.flowroute.numbers.sandbox.RawClient.keys;
import static com.flowroute.numbers.sandbox.V2Assertions.document;
import static com.flowroute.numbers.sandbox.V2Assertions.ids;
import static com.flowroute.numbers.sandbox.V2Assertions.noContent;
import static com.flowroute.numbers.sandbox.V2NumbersTest.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One state behind both APIs: what one version does, the other sees. */
@ExtendWith(FlowrouteSandboxExtension.class)
class CrossVersionStateTest {
    private final FlowrouteSandbox sandbox;
    private final RawClient client;

    CrossVersionStateTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new RawClient(sandbox);
    }

    private List<String> forSale(int count) {
        return ids(document(200, client.v2Get("/v2/numbers/available", "limit", Integer.toString(count))));
    }

    @Test
    void bothVersionsSellTheSameInventory() {
        List<String> v1AreaCodes = keys(json(client.get("/v1/available-tns/npas/", "limit", "50")).get("npas"));
        List<String> v1Numbers = keys(json(client.get("/v1/available-tns/tns/", "npa", "206", "limit", "50")).get("tns"));

        assertEquals(v1AreaCodes, ids(document(200, client.v2Get("/v2/numbers/available/areacodes", "limit", "50"))));
        assertEquals(v1Numbers, ids(document(200, client.v2Get("/v2/numbers/available", "starts_with", "1206", "limit", "50"))));
    }

    @Test
    void aNumberBoughtOverV1IsListedOverV2RoutedToSipReg() {
        String number = forSale(1).get(0);
        assertEquals(201, client.purchase(number).statusCode());

        assertEquals(List.of(number), ids(document(200, client.v2Get("/v2/numbers"))));
        JsonNode details = document(200, client.v2Get("/v2/numbers/" + number)).get("data").get("relationships");
        assertEquals("0", details.get("primary_route").get("data").get("id").asText());
        assertEquals("0", details.get("failover_route").get("data").get("id").asText());
        assertEquals(0, ids(document(200, client.v2Get("/v2/numbers/available", "starts_with", number))).size(),
                "no longer for sale over v2 either");
    }

    @Test
    void aNumberBoughtOverV2IsListedOverV1MeteredAndRoutedToSipReg() {
        String number = forSale(1).get(0);
        document(201, client.v2Purchase(number));

        JsonNode listed = json(client.get("/v1/tns/"));
        assertEquals(List.of(number), keys(listed.get("tns")));
        assertEquals(json("{\"billing_method\": \"METERED\", \"routes\": [{\"type\": \"SIP-REG\", \"name\": \"sip-reg\"},"
                + " {\"type\": \"SIP-REG\", \"name\": \"sip-reg\"}]}"), json(client.get("/v1/tns/" + number)));
        assertEquals(422, client.purchase(number).statusCode(), "bought once, whichever version asks again");
    }

    @Test
    void aRouteCreatedOverV2IsNamedByItsAliasForV1() {
        String number = forSale(1).get(0);
        client.purchase(number);
        String id = document(201, client.v2Post("/v2/routes", route("office-pbx", "host", "24.239.23.40:5060")))
                .get("data").get("id").asText();

        JsonNode v1Routes = json(client.get("/v1/routes/")).get("routes");
        assertEquals(List.of("sip-reg", "office-pbx"), keys(v1Routes));
        assertEquals(json("{\"type\": \"HOST\", \"value\": \"24.239.23.40:5060\"}"), v1Routes.get("office-pbx"));
        assertEquals(204, client.patch("/v1/tns/" + number,
                "{\"routes\": [{\"name\": \"office-pbx\"}, {\"name\": \"sip-reg\"}]}").statusCode());
        assertEquals(id, document(200, client.v2Get("/v2/numbers/" + number)).get("data").get("relationships")
                .get("primary_route").get("data").get("id").asText());
        assertEquals(422, client.put("/v1/routes/office-pbx", "{\"type\": \"HOST\", \"value\": \"10.0.0.1\"}").statusCode(),
                "the name is taken for v1");
    }

    @Test
    void aRouteCreatedOverV1HasAnIdOverV2() {
        assertEquals(201, client.put("/v1/routes/PSTNroute1", "{\"type\": \"PSTN\", \"value\": \"12065551212\"}").statusCode());

        JsonNode routes = document(200, client.v2Get("/v2/routes"));
        assertEquals(json("{\"type\": \"route\", \"id\": \"83834\", \"attributes\": {\"alias\": \"PSTNroute1\","
                + " \"route_type\": \"number\", \"value\": \"12065551212\"}, \"links\": {\"self\": \"" + client.origin() + "/v2/routes/83834\"}}"),
                routes.get("data").get(1));
    }

    @Test
    void aFailoverClearedOverV2IsGoneFromTheV1Details() {
        String number = forSale(1).get(0);
        client.purchase(number);
        client.put("/v1/routes/pbx", "{\"type\": \"HOST\", \"value\": \"24.239.23.40:5060\"}");
        client.put("/v1/routes/alice", "{\"type\": \"URI\", \"value\": \"sip:alice@example.com\"}");
        assertEquals(204, client.patch("/v1/tns/" + number, "{\"routes\": [{\"name\": \"pbx\"}, {\"name\": \"alice\"}]}")
                .statusCode());

        noContent(204, client.v2Delete("/v2/numbers/" + number + "/relationships/failover_route"));

        assertEquals(json("{\"billing_method\": \"METERED\", \"routes\": [{\"type\": \"HOST\", \"name\": \"pbx\","
                + " \"value\": \"24.239.23.40:5060\"}]}"), json(client.get("/v1/tns/" + number)));
        JsonNode listed = json(client.get("/v1/tns/")).get("tns").get(number);
        assertEquals(1, listed.get("routes").size(), listed.toString());
    }

    @Test
    void aNumberReleasedOverV2IsGoneForV1AndForSaleAgain() {
        String number = forSale(1).get(0);
        client.purchase(number);

        noContent(204, client.v2Delete("/v2/numbers/" + number));

        assertEquals(404, client.get("/v1/tns/" + number).statusCode());
        assertEquals("{}", client.get("/v1/tns/").body());
        List<String> v1ForSale = new ArrayList<>(keys(json(client.get("/v1/available-tns/tns/", "tn", number)).get("tns")));
        assertEquals(List.of(number), v1ForSale);
        assertEquals(201, client.purchase(number).statusCode());
    }

    @Test
    void theJournalHoldsBothVersionsInOrderEachAuthenticatedItsOwnWay() {
        client.get("/v1/routes/", "limit", "5");
        client.v2Get("/v2/routes", "limit", "5");
        RawClient.exchange(client.basic("GET", "/v1/routes/", null));
        RawClient.exchange(client.signed("GET", "/v2/routes", null));

        List<String> journal = new ArrayList<>();
        sandbox.journal().forEach(r -> journal.add(r.method() + " " + r.path() + "?" + r.query() + " " + r.signatureValid()
                + " " + r.status()));
        assertEquals(List.of("GET /v1/routes/?limit=5 true 200", "GET /v2/routes?limit=5 true 200",
                "GET /v1/routes/? false 401", "GET /v2/routes? false 401"), journal);
    }
}
