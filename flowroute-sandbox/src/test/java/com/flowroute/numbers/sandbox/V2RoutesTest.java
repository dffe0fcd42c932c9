package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static com.flowroute.numbers.sandbox.RawClient.keys;
import static com.flowroute.numbers.sandbox.V2Assertions.document;
import static com.flowroute.numbers.sandbox.V2Assertions.ids;
import static com.flowroute.numbers.sandbox.V2Assertions.noContent;
import static com.flowroute.numbers.sandbox.V2Assertions.refused;
import static com.flowroute.numbers.sandbox.V2NumbersTest.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The v2 route endpoints over HTTP with Basic credentials: list, create, update, delete, edge strategies. */
@ExtendWith(FlowrouteSandboxExtension.class)
class V2RoutesTest {
    private final FlowrouteSandbox sandbox;
    private final RawClient client;

    V2RoutesTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new RawClient(sandbox);
    }

    private String created(String alias, String type, String value) {
        return document(201, client.v2Post("/v2/routes", route(alias, type, value))).get("data").get("id").asText();
    }

    private String bought() {
        String number = ids(document(200, client.v2Get("/v2/numbers/available", "limit", "1"))).get(0);
        document(201, client.v2Purchase(number));
        return number;
    }

    @Test
    void aFreshAccountHasOnlySipRegWithTheStringIdZero() {
        JsonNode routes = document(200, client.v2Get("/v2/routes"));

        assertEquals(json("{\"data\": [{\"type\": \"route\", \"id\": \"0\", \"attributes\": {\"alias\": \"sip-reg\","
                + " \"route_type\": \"sip-reg\", \"value\": null}, \"links\": {\"self\": \"" + client.origin() + "/v2/routes/0\"}}],"
                + " \"links\": {\"self\": \"" + client.origin() + "/v2/routes\"}}"), routes);
        assertTrue(routes.get("data").get(0).get("id").isTextual(), "ids are strings");
    }

    @Test
    void aCreateIs201WithTheRouteAndItsNewStringId() {
        JsonNode host = document(201, client.v2Post("/v2/routes", route("office-pbx", "host", "24.239.23.40:5060")));
        JsonNode pstn = document(201, client.v2Post("/v2/routes", route("PSTNroute1", "number", "12065551212")));
        JsonNode uri = document(201, client.v2Post("/v2/routes", route("alice", "uri", "sip:alice@example.com:5060")));

        assertEquals(json("{\"data\": {\"type\": \"route\", \"id\": \"83834\", \"attributes\": {\"alias\": \"office-pbx\","
                + " \"route_type\": \"host\", \"value\": \"24.239.23.40:5060\"}, \"links\": {\"self\": \"" + client.origin() + "/v2/routes/83834\"}}}"), host);
        assertTrue(host.get("data").get("id").isTextual());
        assertEquals("83835", pstn.get("data").get("id").asText());
        assertEquals("number", pstn.get("data").get("attributes").get("route_type").asText(), "PSTN is number over v2");
        assertEquals("83836", uri.get("data").get("id").asText());
        assertEquals(List.of("0", "83834", "83835", "83836"), ids(document(200, client.v2Get("/v2/routes"))));
        assertEquals(List.of(Route.of("0", "sip-reg", RouteType.SIP_REG, null),
                Route.of("83834", "office-pbx", RouteType.HOST, "24.239.23.40:5060"),
                Route.of("83835", "PSTNroute1", RouteType.PSTN, "12065551212"),
                Route.of("83836", "alice", RouteType.URI, "sip:alice@example.com:5060")), sandbox.routes());
    }

    @Test
    void aliasesNeedNotBeUniqueAndAnEdgeStrategyIsTaken() {
        String one = created("office", "host", "10.0.0.1:5060");
        JsonNode two = document(201, client.v2Post("/v2/routes", "{\"data\": {\"type\": \"route\", \"attributes\": {"
                + "\"alias\": \"office\", \"route_type\": \"host\", \"value\": \"10.0.0.2:5060\", \"edge_strategy_id\": 4}}}"));

        assertFalse(one.equals(two.get("data").get("id").asText()));
        assertEquals(3, document(200, client.v2Get("/v2/routes")).get("data").size());
    }

    @Test
    void theListingFiltersByRouteTypeAndPagesByOffset() {
        String pbx = created("pbx", "host", "24.239.23.40:5060");
        String desk = created("desk", "number", "12065551212");
        String cell = created("cell", "number", "12065551313");

        assertEquals(List.of(desk, cell), ids(document(200, client.v2Get("/v2/routes", "route_type", "number"))));
        assertEquals(List.of(pbx), ids(document(200, client.v2Get("/v2/routes", "route_type", "host"))));
        assertEquals(List.of("0"), ids(document(200, client.v2Get("/v2/routes", "route_type", "sip-reg"))));
        JsonNode first = document(200, client.v2Get("/v2/routes", "limit", "2"));
        assertEquals(List.of("0", pbx), ids(first));
        assertEquals(client.origin() + "/v2/routes?limit=2&offset=2", first.get("links").get("next").asText());
        JsonNode second = document(200, client.v2Get("/v2/routes", "limit", "2", "offset", "2"));
        assertEquals(List.of(desk, cell), ids(second));
        assertFalse(second.get("links").has("next"));
    }

    @Test
    void anUpdateIs200WithTheRouteAndNumbersSeeItsNewValue() {
        String number = bought();
        String pbx = created("pbx", "host", "24.239.23.40:5060");
        noContent(204, client.v2Patch("/v2/numbers/" + number + "/relationships/primary_route",
                "{\"data\": {\"type\": \"route\", \"id\": \"" + pbx + "\"}}"));

        JsonNode updated = document(200, client.v2Patch("/v2/routes/" + pbx, route("pbx-2", "uri", "sip:pbx@example.com")));

        assertEquals(json("{\"data\": {\"type\": \"route\", \"id\": \"" + pbx + "\", \"attributes\": {\"alias\": \"pbx-2\","
                + " \"route_type\": \"uri\", \"value\": \"sip:pbx@example.com\"}, \"links\": {\"self\": \"" + client.origin() + "/v2/routes/" + pbx
                + "\"}}}"), updated);
        JsonNode details = document(200, client.v2Get("/v2/numbers/" + number));
        assertEquals(updated.get("data"), details.get("included").get(0));
        assertEquals(List.of("0", pbx), ids(document(200, client.v2Get("/v2/routes"))), "updated in place");
    }

    @Test
    void sipRegCannotBeChangedNorDeleted() {
        refused(403, client.v2Patch("/v2/routes/0", route("mine", "host", "10.0.0.1")), "the sip-reg route cannot be changed");
        refused(403, client.v2Delete("/v2/routes/0"), "the sip-reg route cannot be deleted");
        assertEquals(List.of(Route.of("0", "sip-reg", RouteType.SIP_REG, null)), sandbox.routes());
    }

    @Test
    void aDeleteIs204AndTheRouteIsGone() {
        String pbx = created("pbx", "host", "24.239.23.40:5060");

        noContent(204, client.v2Delete("/v2/routes/" + pbx));

        assertEquals(List.of("0"), ids(document(200, client.v2Get("/v2/routes"))));
        refused(404, client.v2Delete("/v2/routes/" + pbx), "route " + pbx + " is not on your account");
        refused(404, client.v2Patch("/v2/routes/" + pbx, route("pbx", "host", "10.0.0.1")),
                "route " + pbx + " is not on your account");
    }

    @Test
    void aRouteInUseIsNotDeletedWithFlowroutesMessageUntilNoNumberUsesIt() {
        String number = bought();
        String pbx = created("pbx", "host", "24.239.23.40:5060");
        noContent(204, client.v2Patch("/v2/numbers/" + number + "/relationships/failover_route",
                "{\"data\": {\"type\": \"route\", \"id\": \"" + pbx + "\"}}"));

        assertEquals("This Route has numbers still associated to it.",
                refused(403, client.v2Delete("/v2/routes/" + pbx), "This Route has numbers still associated to it."));
        assertEquals(2, sandbox.routes().size());

        noContent(204, client.v2Delete("/v2/numbers/" + number + "/relationships/failover_route"));
        noContent(204, client.v2Delete("/v2/routes/" + pbx));
        assertEquals(1, sandbox.routes().size());
    }

    @Test
    void edgeStrategiesHaveNumericIdsAndTheirAttributes() {
        JsonNode strategies = document(200, client.v2Get("/v2/routes/edge_strategies"));

        assertEquals(4, strategies.get("data").size());
        int expectedId = 1;
        for (JsonNode strategy : strategies.get("data")) {
            assertEquals("edge_strategy", strategy.get("type").asText());
            assertTrue(strategy.get("id").isInt(), "a JSON number, as Flowroute sends it: " + strategy);
            assertEquals(expectedId++, strategy.get("id").asInt());
            assertEquals(List.of("name", "description", "firewall_rules", "naptr"), keys(strategy.get("attributes")));
        }
        assertEquals(json("{\"type\": \"edge_strategy\", \"id\": 4, \"attributes\": {\"name\": \"US-East-VA\","
                + " \"description\": \"Flowroute's US-East-VA point of presence\","
                + " \"firewall_rules\": \"34.226.36.32/28, 3.84.185.64/28\", \"naptr\": \"us-east-va.sip.flowroute.com\"}}"),
                strategies.get("data").get(3));
        assertFalse(strategies.get("links").has("next"));
    }

    @Test
    void edgeStrategiesPageLikeEveryListing() {
        JsonNode first = document(200, client.v2Get("/v2/routes/edge_strategies", "limit", "2"));
        JsonNode last = document(200, client.v2Get("/v2/routes/edge_strategies", "limit", "2", "offset", "2"));

        assertEquals(List.of("1", "2"), ids(first));
        assertEquals(client.origin() + "/v2/routes/edge_strategies?limit=2&offset=2", first.get("links").get("next").asText());
        assertEquals(List.of("3", "4"), ids(last));
        assertFalse(last.get("links").has("next"), "exactly the last two: nothing remains");
    }
}
