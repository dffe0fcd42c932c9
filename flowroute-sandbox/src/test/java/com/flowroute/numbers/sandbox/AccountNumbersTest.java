package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static com.flowroute.numbers.sandbox.RawClient.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.PhoneNumber;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowrouteSandboxExtension.class)
class AccountNumbersTest {
    private static final String SIP_REG_TWICE = "[{\"type\": \"SIP-REG\", \"name\": \"sip-reg\"},"
            + " {\"type\": \"SIP-REG\", \"name\": \"sip-reg\"}]";

    private final FlowrouteSandbox sandbox;
    private final RawClient client;

    AccountNumbersTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new RawClient(sandbox);
    }

    @Test
    void aPurchaseMovesTheNumberToTheAccountRoutedToSipReg() {
        int forSale = sandbox.availableCount();

        HttpResponse<String> purchase = client.purchase("12066417744");

        assertEquals(201, purchase.statusCode());
        assertEquals("", purchase.body());
        assertEquals(List.of(PhoneNumber.parse("12066417744")), sandbox.accountNumbers());
        assertEquals(forSale - 1, sandbox.availableCount());

        HttpResponse<String> details = client.get("/v1/tns/12066417744");
        assertEquals(200, details.statusCode());
        assertEquals(json("{\"billing_method\": \"METERED\", \"routes\": " + SIP_REG_TWICE + "}"), json(details));
        assertEquals(List.of("billing_method", "routes"), keys(json(details)));

        JsonNode account = json(client.get("/v1/tns/"));
        assertEquals(json("{\"tns\": {\"12066417744\": {\"billing_method\": \"METERED\", \"routes\": " + SIP_REG_TWICE
                + ", \"detail\": \"/v1/tns/12066417744\"}}}"), account);
        assertEquals(List.of("billing_method", "routes", "detail"), keys(account.get("tns").get("12066417744")));

        assertEquals("{}", client.get("/v1/available-tns/tns/", "tn", "12066417744").body());
    }

    @Test
    void buyingANumberTwiceIsABusinessLogicError() {
        assertEquals(201, client.purchase("12066417744").statusCode());

        HttpResponse<String> again = client.purchase("12066417744");

        // What Flowroute's v1 SDK documents for a number that is not available.
        assertEquals(422, again.statusCode());
        assertEquals("Business Logic Error: The TN is not available for purchase.", json(again).get("error").asText());
        assertEquals(1, sandbox.accountNumbers().size());
    }

    @Test
    void aNumberNeverForSaleIsABusinessLogicError() {
        int forSale = sandbox.availableCount();

        // 555 exchanges are never in the inventory.
        HttpResponse<String> response = client.purchase("12065550100");

        assertEquals(422, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("Business Logic Error: The TN is not available for purchase.", json(response).get("error").asText());
        assertEquals(List.of(), sandbox.accountNumbers());
        assertEquals(forSale, sandbox.availableCount());
    }

    @Test
    void aPurchaseTakesNoQueryParameters() {
        HttpResponse<String> response = RawClient.exchange(
                client.signed("PUT", "/v1/tns/12066417744", "{\"billing_method\":\"METERED\"}", "limit", "1"));

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("query parameter limit is unknown: PUT /v1/tns/12066417744 takes none",
                json(response).get("error").asText());
        assertEquals(List.of(), sandbox.accountNumbers());
    }

    @Test
    void anUnknownBillingMethodIsRefused() {
        HttpResponse<String> response = client.put("/v1/tns/12066417744", "{\"billing_method\": \"FLAT\"}");

        assertEquals(422, response.statusCode());
        assertEquals("billing_method \"FLAT\" is invalid: must be METERED", json(response).get("error").asText());
        assertEquals(List.of(), sandbox.accountNumbers());
    }

    @Test
    void aPurchaseNeedsABillingMethodInAJsonBodyOrIsMalformed() {
        assertEquals(400, client.put("/v1/tns/12066417744", null).statusCode());
        assertEquals(400, client.put("/v1/tns/12066417744", "billing_method=METERED").statusCode());
        assertEquals(400, client.put("/v1/tns/12066417744", "{}").statusCode());
        assertEquals(400, client.put("/v1/tns/12066417744", "{\"billing_method\": 1}").statusCode());
        assertEquals(List.of(), sandbox.accountNumbers());
    }

    @Test
    void detailsOfANumberNotOnTheAccountAreNotFound() {
        HttpResponse<String> response = client.get("/v1/tns/12066417744");

        assertEquals(404, response.statusCode());
        assertEquals("number 12066417744 is not on your account", json(response).get("error").asText());
    }

    @Test
    void updatingRoutesPointsTheNumberAtThem() {
        client.put("/v1/routes/HOSTroute1", "{\"type\": \"HOST\", \"value\": \"24.239.23.40:5060\"}");
        client.purchase("12066417744");

        HttpResponse<String> update = client.patch("/v1/tns/12066417744",
                "{\"routes\": [{\"name\": \"HOSTroute1\"}, {\"name\": \"sip-reg\"}]}");

        assertEquals(204, update.statusCode());
        assertEquals("", update.body());
        String routes = "[{\"type\": \"HOST\", \"name\": \"HOSTroute1\", \"value\": \"24.239.23.40:5060\"},"
                + " {\"type\": \"SIP-REG\", \"name\": \"sip-reg\"}]";
        assertEquals(json("{\"billing_method\": \"METERED\", \"routes\": " + routes + "}"),
                json(client.get("/v1/tns/12066417744")));
        assertEquals(json(routes), json(client.get("/v1/tns/")).get("tns").get("12066417744").get("routes"));
    }

    @Test
    void updatingToAnUnknownRouteIsNotFoundAndChangesNothing() {
        client.purchase("12066417744");

        HttpResponse<String> update = client.patch("/v1/tns/12066417744",
                "{\"routes\": [{\"name\": \"primary\"}, {\"name\": \"sip-reg\"}]}");
        HttpResponse<String> failover = client.patch("/v1/tns/12066417744",
                "{\"routes\": [{\"name\": \"sip-reg\"}, {\"name\": \"failover\"}]}");

        assertEquals(404, update.statusCode());
        assertEquals(404, failover.statusCode());
        assertTrue(json(failover).get("error").asText().startsWith("route \"failover\" does not exist"), failover.body());
        assertTrue(json(update).get("error").asText().startsWith("route \"primary\" does not exist"), update.body());
        assertEquals(json(SIP_REG_TWICE), json(client.get("/v1/tns/12066417744")).get("routes"));
    }

    @Test
    void updatingANumberNotOnTheAccountIsNotFound() {
        HttpResponse<String> update = client.patch("/v1/tns/12066417744",
                "{\"routes\": [{\"name\": \"sip-reg\"}, {\"name\": \"sip-reg\"}]}");

        assertEquals(404, update.statusCode());
        assertEquals("number 12066417744 is not on your account", json(update).get("error").asText());
    }

    @Test
    void anUpdateNeedsBothRoutes() {
        client.purchase("12066417744");

        assertEquals(400, client.patch("/v1/tns/12066417744", "{\"routes\": [{\"name\": \"sip-reg\"}]}").statusCode());
        assertEquals(400, client.patch("/v1/tns/12066417744", "{\"routes\": [{\"name\": \"sip-reg\"}, {}]}").statusCode());
        assertEquals(400, client.patch("/v1/tns/12066417744", "{\"routes\": \"sip-reg\"}").statusCode());
        assertEquals(400, client.patch("/v1/tns/12066417744", null).statusCode());
    }

    @Test
    void theAccountListMatchesPatternsAndLinksAsDocumented() {
        for (String number : List.of("12066417744", "12066417667", "12066417669")) {
            assertEquals(201, client.purchase(number).statusCode());
        }
        String other = keys(json(client.get("/v1/available-tns/tns/", "npa", "416", "limit", "1")).get("tns")).get(0);
        assertEquals(201, client.purchase(other).statusCode());

        JsonNode first = json(client.get("/v1/tns/", "limit", "1", "pattern", "206"));
        assertEquals(List.of("12066417667"), keys(first.get("tns")));
        assertEquals(json("{\"next\": \"/v1/tns/?pattern=206&limit=1&page=2\"}"), first.get("links"));

        JsonNode second = json(client.get("/v1/tns/", "limit", "1", "page", "2", "pattern", "206"));
        assertEquals(List.of("12066417669"), keys(second.get("tns")));
        assertEquals(json("{\"prev\": \"/v1/tns/?pattern=206&limit=1&page=1\", \"next\": \"/v1/tns/?pattern=206&limit=1&page=3\"}"),
                second.get("links"));

        JsonNode last = json(client.get("/v1/tns/", "limit", "1", "page", "3", "pattern", "206"));
        assertEquals(List.of("12066417744"), keys(last.get("tns")));
        assertEquals(json("{\"prev\": \"/v1/tns/?pattern=206&limit=1&page=2\"}"), last.get("links"));

        assertEquals(List.of("12066417744"), keys(json(client.get("/v1/tns/", "pattern", "7744")).get("tns")));
        assertEquals(List.of(other, "12066417667", "12066417669", "12066417744").stream().sorted().toList(),
                keys(json(client.get("/v1/tns/")).get("tns")));
    }

    @Test
    void anEmptyAccountListsAsAnEmptyObject() {
        HttpResponse<String> response = client.get("/v1/tns/");

        assertEquals(200, response.statusCode());
        assertEquals("{}", response.body());
    }
}
