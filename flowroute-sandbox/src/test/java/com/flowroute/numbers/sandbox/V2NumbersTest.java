package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static com.flowroute.numbers.sandbox.RawClient.keys;
import static com.flowroute.numbers.sandbox.V2Assertions.document;
import static com.flowroute.numbers.sandbox.V2Assertions.ids;
import static com.flowroute.numbers.sandbox.V2Assertions.noContent;
import static com.flowroute.numbers.sandbox.V2Assertions.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The v2 number endpoints over HTTP with Basic credentials: listings, purchase, details, updates, release. */
@ExtendWith(FlowrouteSandboxExtension.class)
class V2NumbersTest {
    // The seeded sip-reg route as a resource, its link absolute on the sandbox's origin.
    private String sipReg() {
        return "{\"type\": \"route\", \"id\": \"0\", \"attributes\": {\"alias\": \"sip-reg\","
                + " \"route_type\": \"sip-reg\", \"value\": null}, \"links\": {\"self\": \"" + client.origin() + "/v2/routes/0\"}}";
    }

    private final FlowrouteSandbox sandbox;
    private final RawClient client;

    V2NumbersTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new RawClient(sandbox);
    }

    private List<String> forSale(int count) {
        return ids(document(200, client.v2Get("/v2/numbers/available", "limit", Integer.toString(count))));
    }

    private String bought() {
        String number = forSale(1).get(0);
        document(201, client.v2Purchase(number));
        return number;
    }

    @Test
    void areaCodesAreResourcesWithAbsoluteSelfAndNextLinksOnTheSandboxOrigin() {
        JsonNode page = document(200, client.v2Get("/v2/numbers/available/areacodes", "limit", "3"));

        assertEquals(json("{\"data\": ["
                + "{\"type\": \"areacode\", \"id\": \"202\", \"links\": {\"related\": \"" + client.origin() + "/v2/numbers/available/exchanges?areacode=202\"}},"
                + "{\"type\": \"areacode\", \"id\": \"204\", \"links\": {\"related\": \"" + client.origin() + "/v2/numbers/available/exchanges?areacode=204\"}},"
                + "{\"type\": \"areacode\", \"id\": \"206\", \"links\": {\"related\": \"" + client.origin() + "/v2/numbers/available/exchanges?areacode=206\"}}],"
                + " \"links\": {\"self\": \"" + client.origin() + "/v2/numbers/available/areacodes?limit=3\","
                + " \"next\": \"" + client.origin() + "/v2/numbers/available/areacodes?limit=3&offset=3\"}}"), page);
        assertTrue(client.origin().startsWith("http://127.0.0.1:"), client.origin());
    }

    @Test
    void offsetsPageContiguouslyAndTheNextLinkOnlyWhileMoreRemain() {
        List<String> all = ids(document(200, client.v2Get("/v2/numbers/available/areacodes", "limit", "400")));
        int total = all.size();
        assertTrue(total > 4 && total < 400, "the seeded plan has some area codes: " + total);

        JsonNode second = document(200, client.v2Get("/v2/numbers/available/areacodes", "limit", "3", "offset", "3"));
        assertEquals(all.subList(3, 6), ids(second));
        assertEquals(client.origin() + "/v2/numbers/available/areacodes?limit=3&offset=6", second.get("links").get("next").asText());

        JsonNode oneShort = document(200, client.v2Get("/v2/numbers/available/areacodes", "limit", "2",
                "offset", Integer.toString(total - 3)));
        assertTrue(oneShort.get("links").has("next"), "one more remains");
        JsonNode last = document(200, client.v2Get("/v2/numbers/available/areacodes", "limit", "2",
                "offset", Integer.toString(total - 2)));
        assertEquals(all.subList(total - 2, total), ids(last));
        assertEquals(List.of("self"), keys(last.get("links")), "nothing remains after exactly the last item");
        JsonNode past = document(200, client.v2Get("/v2/numbers/available/areacodes", "offset", Integer.toString(total)));
        assertEquals(0, past.get("data").size());
        assertEquals(List.of("self"), keys(past.get("links")));
        assertEquals(List.of("self"), keys(document(200, client.v2Get("/v2/numbers/available/areacodes", "limit", "400"))
                .get("links")), "one page holds them all");
    }

    @Test
    void theNextLinkKeepsTheFiltersAndTheLimit() {
        JsonNode page = document(200, client.v2Get("/v2/numbers/available", "starts_with", "1206", "limit", "2"));

        assertEquals(client.origin() + "/v2/numbers/available?starts_with=1206&limit=2",
                page.get("links").get("self").asText());
        assertEquals(client.origin() + "/v2/numbers/available?starts_with=1206&limit=2&offset=2",
                page.get("links").get("next").asText());
    }

    @Test
    void exchangesOfAnAreaCodeAreTheSameAsOverV1() {
        JsonNode page = document(200, client.v2Get("/v2/numbers/available/exchanges", "areacode", "206", "limit", "200"));

        List<String> expected = new ArrayList<>();
        keys(json(client.get("/v1/available-tns/npanxxs/", "npa", "206", "limit", "200")).get("npanxxs")).forEach(expected::add);
        assertFalse(expected.isEmpty());
        assertEquals(expected, ids(page));
        page.get("data").forEach(exchange -> {
            assertEquals("exchange", exchange.get("type").asText());
            assertEquals(client.origin() + "/v2/numbers/available?starts_with=1" + exchange.get("id").asText(),
                    exchange.get("links").get("related").asText());
        });
        assertEquals(0, document(200, client.v2Get("/v2/numbers/available/exchanges", "areacode", "999")).get("data").size());
    }

    @Test
    void aMaxSetupCostBelowTheSandboxPriceFindsNothing() {
        assertEquals(0, document(200, client.v2Get("/v2/numbers/available/areacodes", "max_setup_cost", "0.99"))
                .get("data").size());
        assertEquals(10, document(200, client.v2Get("/v2/numbers/available/areacodes", "max_setup_cost", "1.00"))
                .get("data").size());
        assertEquals(0, document(200, client.v2Get("/v2/numbers/available/exchanges", "areacode", "206",
                "max_setup_cost", "0.5")).get("data").size());
    }

    @Test
    void searchResultsCarryTheDocumentedAttributes() {
        JsonNode page = document(200, client.v2Get("/v2/numbers/available", "starts_with", "1206", "limit", "3"));

        assertEquals(3, page.get("data").size());
        for (JsonNode number : page.get("data")) {
            String id = number.get("id").asText();
            assertTrue(number.get("id").isTextual(), number.toString());
            assertTrue(id.startsWith("1206") && id.length() == 11, id);
            assertEquals("number", number.get("type").asText());
            JsonNode attributes = number.get("attributes");
            assertEquals(List.of("value", "rate_center", "state", "monthly_cost", "setup_cost", "number_type"), keys(attributes));
            assertEquals(id, attributes.get("value").asText());
            assertEquals("wa", attributes.get("state").asText(), "lower case, as Flowroute's v2 writes it");
            assertEquals(attributes.get("rate_center").asText().toLowerCase(), attributes.get("rate_center").asText());
            assertTrue(attributes.get("monthly_cost").isNumber() && attributes.get("setup_cost").isNumber(), attributes.toString());
            assertEquals("1.25", attributes.get("monthly_cost").decimalValue().toPlainString());
            assertEquals(0, attributes.get("setup_cost").decimalValue().compareTo(java.math.BigDecimal.ONE));
            assertEquals("standard", attributes.get("number_type").asText());
            assertEquals(client.origin() + "/v2/numbers/" + id, number.get("links").get("related").asText());
        }
    }

    @Test
    void searchFiltersMatchAsTheirNamesSay() {
        List<String> all = forSale(200);
        String sample = all.get(17);
        String middle = sample.substring(5, 9);
        String end = sample.substring(7);

        List<String> contains = ids(document(200, client.v2Get("/v2/numbers/available", "contains", middle, "limit", "200")));
        List<String> endsWith = ids(document(200, client.v2Get("/v2/numbers/available", "ends_with", end, "limit", "200")));
        // Without the country code Flowroute reads starts_with as if it had it.
        List<String> startsWith = ids(document(200, client.v2Get("/v2/numbers/available", "starts_with", sample.substring(1, 7),
                "limit", "200")));

        assertTrue(contains.contains(sample) && contains.stream().allMatch(n -> n.contains(middle)), contains.toString());
        assertTrue(endsWith.contains(sample) && endsWith.stream().allMatch(n -> n.endsWith(end)), endsWith.toString());
        assertTrue(startsWith.contains(sample) && startsWith.stream().allMatch(n -> n.startsWith(sample.substring(0, 7))),
                startsWith.toString());
        assertEquals(List.of(sample), ids(document(200, client.v2Get("/v2/numbers/available", "starts_with", sample))));
        assertEquals(0, document(200, client.v2Get("/v2/numbers/available", "number_type", "tollfree", "starts_with", "1206"))
                .get("data").size());
    }

    @Test
    void aPurchaseIs201WithTheNumberDocumentRoutedToSipRegTwice() {
        String number = forSale(1).get(0);
        int before = sandbox.availableCount();

        JsonNode document = document(201, client.v2Purchase(number));

        JsonNode data = document.get("data");
        assertEquals("number", data.get("type").asText());
        assertEquals(number, data.get("id").asText());
        JsonNode attributes = data.get("attributes");
        assertEquals(number, attributes.get("value").asText());
        assertTrue(attributes.get("alias").isNull(), attributes.toString());
        assertFalse(attributes.get("cnam_lookups_enabled").asBoolean());
        assertEquals("standard", attributes.get("number_type").asText());
        JsonNode relationships = data.get("relationships");
        assertEquals(json("{\"type\": \"route\", \"id\": \"0\"}"), relationships.get("primary_route").get("data"));
        assertEquals(json("{\"type\": \"route\", \"id\": \"0\"}"), relationships.get("failover_route").get("data"));
        assertTrue(relationships.get("e911_address").get("data").isNull());
        assertTrue(relationships.get("cnam_preset").get("data").isNull());
        assertEquals(json("[" + sipReg() + "]"), document.get("included"), "sip-reg once, for both roles");
        assertEquals(List.of(PhoneNumber.parse(number)), sandbox.accountNumbers());
        assertEquals(before - 1, sandbox.availableCount());
        RecordedRequest purchase = sandbox.journal().get(sandbox.journal().size() - 1);
        assertEquals("POST", purchase.method());
        assertEquals("/v2/numbers/" + number, purchase.path());
        assertTrue(purchase.signatureValid(), "authenticated by its Basic credentials");
        assertEquals(201, purchase.status());
    }

    @Test
    void theDetailsAreThePurchasedDocument() {
        String number = forSale(1).get(0);
        JsonNode purchased = document(201, client.v2Purchase(number));

        assertEquals(purchased, document(200, client.v2Get("/v2/numbers/" + number)));
    }

    @Test
    void aNumberNotForSaleIsA422WithFlowroutesMessage() {
        String number = bought();

        refused(422, client.v2Purchase(number), "Business Logic Error: The TN is not available for purchase.");
        refused(422, client.v2Purchase("12125550000"), "Business Logic Error: The TN is not available for purchase.");
        assertEquals(List.of(PhoneNumber.parse(number)), sandbox.accountNumbers());
    }

    @Test
    void theAccountListingHasTheNumbersInOrderWithoutRoutes() {
        List<String> numbers = forSale(3);
        for (int i = numbers.size() - 1; i >= 0; i--) {
            client.v2Purchase(numbers.get(i));
        }

        JsonNode page = document(200, client.v2Get("/v2/numbers", "limit", "2"));

        assertEquals(numbers.subList(0, 2), ids(page), "in number order");
        for (JsonNode number : page.get("data")) {
            assertEquals(List.of("type", "id", "attributes", "links"), keys(number));
            assertEquals(List.of("alias", "cnam_lookups_enabled", "number_type", "rate_center", "state", "value"),
                    keys(number.get("attributes")));
            assertEquals(client.origin() + "/v2/numbers/" + number.get("id").asText(), number.get("links").get("self").asText());
        }
        assertEquals(client.origin() + "/v2/numbers?limit=2&offset=2", page.get("links").get("next").asText());
        JsonNode rest = document(200, client.v2Get("/v2/numbers", "limit", "2", "offset", "2"));
        assertEquals(numbers.subList(2, 3), ids(rest));
        assertFalse(rest.get("links").has("next"));
        assertEquals(json("{\"data\": [], \"links\": {\"self\": \"" + client.origin() + "/v2/numbers?contains=0000000\"}}"),
                document(200, client.v2Get("/v2/numbers", "contains", "0000000")));
    }

    @Test
    void theAccountListingFiltersByStartEndContainsAndAlias() {
        List<String> numbers = forSale(40);
        String first = numbers.get(0);
        String last = numbers.get(39);
        client.v2Purchase(first);
        client.v2Purchase(last);
        document(200, client.v2Patch("/v2/numbers/" + last, "{\"type\": \"number\", \"alias\": \"NYC main\"}"));

        assertEquals(List.of(first), ids(document(200, client.v2Get("/v2/numbers", "ends_with", first.substring(7)))));
        assertEquals(List.of(last), ids(document(200, client.v2Get("/v2/numbers", "starts_with", last.substring(0, 9)))));
        assertEquals(List.of(first), ids(document(200, client.v2Get("/v2/numbers", "contains", first.substring(3, 10)))));
        assertEquals(List.of(last), ids(document(200, client.v2Get("/v2/numbers", "alias", "NYC main"))));
        assertEquals(List.of(), ids(document(200, client.v2Get("/v2/numbers", "alias", "NYC"))), "an alias matches whole");
    }

    @Test
    void aNumberPatchSetsTheAliasAndCnamLookupsAndAnswersTheNumber() {
        String number = bought();

        JsonNode updated = document(200, client.v2Patch("/v2/numbers/" + number,
                "{\"type\": \"number\", \"alias\": \"NYC main\", \"cnam_lookups_enabled\": true}"));

        assertEquals("NYC main", updated.get("data").get("attributes").get("alias").asText());
        assertTrue(updated.get("data").get("attributes").get("cnam_lookups_enabled").asBoolean());
        assertEquals(updated, document(200, client.v2Get("/v2/numbers/" + number)));

        JsonNode aliasOnly = document(200, client.v2Patch("/v2/numbers/" + number, "{\"type\": \"number\", \"alias\": \"NYC\"}"));
        assertEquals("NYC", aliasOnly.get("data").get("attributes").get("alias").asText());
        assertTrue(aliasOnly.get("data").get("attributes").get("cnam_lookups_enabled").asBoolean(), "left as it was");
        JsonNode cnamOnly = document(200, client.v2Patch("/v2/numbers/" + number,
                "{\"type\": \"number\", \"cnam_lookups_enabled\": false}"));
        assertEquals("NYC", cnamOnly.get("data").get("attributes").get("alias").asText(), "left as it was");
        assertFalse(cnamOnly.get("data").get("attributes").get("cnam_lookups_enabled").asBoolean());
    }

    @Test
    void relationshipPatchesAndDeletesAre204AndShowInTheDetails() {
        String number = bought();
        String pbx = document(201, client.v2Post("/v2/routes", route("pbx", "host", "24.239.23.40:5060")))
                .get("data").get("id").asText();
        String pstn = document(201, client.v2Post("/v2/routes", route("desk", "number", "12065551212")))
                .get("data").get("id").asText();

        noContent(204, client.v2Patch("/v2/numbers/" + number + "/relationships/primary_route",
                "{\"data\": {\"type\": \"route\", \"id\": \"" + pbx + "\"}}"));
        // Ids come as strings and as JSON numbers: both are taken.
        noContent(204, client.v2Patch("/v2/numbers/" + number + "/relationships/failover_route",
                "{\"data\": {\"type\": \"route\", \"id\": " + pstn + "}}"));

        JsonNode routed = document(200, client.v2Get("/v2/numbers/" + number));
        JsonNode relationships = routed.get("data").get("relationships");
        assertEquals(pbx, relationships.get("primary_route").get("data").get("id").asText());
        assertEquals(pstn, relationships.get("failover_route").get("data").get("id").asText());
        assertEquals(List.of(pbx, pstn), included(routed), "the routes set, primary first");
        assertEquals("24.239.23.40:5060", routed.get("included").get(0).get("attributes").get("value").asText());

        noContent(204, client.v2Delete("/v2/numbers/" + number + "/relationships/failover_route"));
        JsonNode cleared = document(200, client.v2Get("/v2/numbers/" + number));
        assertTrue(cleared.get("data").get("relationships").get("failover_route").get("data").isNull(), cleared.toString());
        assertEquals(List.of(pbx), included(cleared));

        noContent(204, client.v2Delete("/v2/numbers/" + number + "/relationships/primary_route"));
        noContent(204, client.v2Delete("/v2/numbers/" + number + "/relationships/primary_route"));
        JsonNode unrouted = document(200, client.v2Get("/v2/numbers/" + number));
        assertTrue(unrouted.get("data").get("relationships").get("primary_route").get("data").isNull(), unrouted.toString());
        assertEquals(0, unrouted.get("included").size());
    }

    @Test
    void aReleaseIs204AndPutsTheNumberBackOnSale() {
        String number = bought();
        int forSale = sandbox.availableCount();

        noContent(204, client.v2Delete("/v2/numbers/" + number));

        assertEquals(List.of(), sandbox.accountNumbers());
        assertEquals(forSale + 1, sandbox.availableCount());
        assertEquals(List.of(number), ids(document(200, client.v2Get("/v2/numbers/available", "starts_with", number))));
        refused(404, client.v2Get("/v2/numbers/" + number), "number " + number + " is not on your account");
        refused(404, client.v2Delete("/v2/numbers/" + number), "number " + number + " is not on your account");
        document(201, client.v2Purchase(number));
    }

    private static List<String> included(JsonNode document) {
        List<String> ids = new ArrayList<>();
        document.get("included").forEach(route -> ids.add(route.get("id").asText()));
        return ids;
    }

    static String route(String alias, String type, String value) {
        return "{\"data\": {\"type\": \"route\", \"attributes\": {\"alias\": \"" + alias + "\", \"route_type\": \"" + type
                + "\", \"value\": \"" + value + "\"}}}";
    }
}
