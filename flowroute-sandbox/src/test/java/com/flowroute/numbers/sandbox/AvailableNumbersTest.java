package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static com.flowroute.numbers.sandbox.RawClient.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowrouteSandboxExtension.class)
class AvailableNumbersTest {
    private final RawClient client;

    AvailableNumbersTest(FlowrouteSandbox sandbox) {
        this.client = new RawClient(sandbox);
    }

    @Test
    void areaCodesHaveTheDocumentedShapeAndANextLink() {
        HttpResponse<String> response = client.get("/v1/available-tns/npas/", "limit", "3");

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(json("{\"npas\": {"
                + "\"202\": {\"nxxs\": \"/v1/available-tns/npanxxs/?npa=202\", \"tns\": \"/v1/available-tns/tns/?npa=202\"},"
                + "\"204\": {\"nxxs\": \"/v1/available-tns/npanxxs/?npa=204\", \"tns\": \"/v1/available-tns/tns/?npa=204\"},"
                + "\"206\": {\"nxxs\": \"/v1/available-tns/npanxxs/?npa=206\", \"tns\": \"/v1/available-tns/tns/?npa=206\"}},"
                + "\"links\": {\"next\": \"/v1/available-tns/npas/?limit=3&page=2\"}}"), json(response));
        assertEquals(List.of("202", "204", "206"), keys(json(response).get("npas")));
    }

    @Test
    void theDefaultPageIsTenAndLinksAlwaysNameTheLimit() {
        JsonNode page = json(client.get("/v1/available-tns/npas/"));

        assertEquals(10, page.get("npas").size());
        assertEquals(json("{\"next\": \"/v1/available-tns/npas/?limit=10&page=2\"}"), page.get("links"));
    }

    @Test
    void aMiddlePageLinksBothWaysAndTheLastOnlyBack() {
        JsonNode all = json(client.get("/v1/available-tns/npas/", "limit", "200")).get("npas");
        int total = all.size();
        int limit = 20;
        int lastPage = (total + limit - 1) / limit;

        JsonNode middle = json(client.get("/v1/available-tns/npas/", "limit", "20", "page", "2"));
        assertEquals(json("{\"prev\": \"/v1/available-tns/npas/?limit=20&page=1\","
                + " \"next\": \"/v1/available-tns/npas/?limit=20&page=3\"}"), middle.get("links"));
        assertEquals(keys(all).subList(20, 40), keys(middle.get("npas")));

        JsonNode last = json(client.get("/v1/available-tns/npas/", "limit", "20", "page", Integer.toString(lastPage)));
        assertEquals(json("{\"prev\": \"/v1/available-tns/npas/?limit=20&page=" + (lastPage - 1) + "\"}"),
                last.get("links"));
        assertEquals(total - (lastPage - 1) * limit, last.get("npas").size());
    }

    @Test
    void aSinglePageHasNoLinksAtAll() {
        JsonNode page = json(client.get("/v1/available-tns/npas/", "limit", "200"));

        assertEquals(List.of("npas"), keys(page));
    }

    @Test
    void exchangesMatchAreaCodesContainingTheDigits() {
        JsonNode page = json(client.get("/v1/available-tns/npanxxs/", "npa", "20", "limit", "200"));

        Set<String> npas = new TreeSet<>();
        for (String npaNxx : keys(page.get("npanxxs"))) {
            assertEquals(6, npaNxx.length(), npaNxx);
            assertTrue(npaNxx.substring(0, 3).contains("20"), npaNxx);
            npas.add(npaNxx.substring(0, 3));
        }
        // 520 (Tucson) contains 20 without starting with it: the match is "contains".
        assertEquals(Set.of("202", "204", "206", "520"), npas);
        assertEquals(json("{\"tns\": \"/v1/available-tns/tns/?npa=206&nxx=641\"}"), page.get("npanxxs").get("206641"));
    }

    @Test
    void exchangeLinksKeepTheGivenAreaCode() {
        JsonNode page = json(client.get("/v1/available-tns/npanxxs/", "page", "2", "npa", "206", "limit", "1"));

        assertEquals(1, page.get("npanxxs").size());
        assertEquals("/v1/available-tns/npanxxs/?npa=206&limit=1&page=1", page.get("links").get("prev").asText());
        assertEquals("/v1/available-tns/npanxxs/?npa=206&limit=1&page=3", page.get("links").get("next").asText());
    }

    @Test
    void searchHasTheDocumentedShapeAndLinks() {
        HttpResponse<String> response = client.get("/v1/available-tns/tns/",
                "limit", "3", "npa", "206", "nxx", "641", "page", "2", "ratecenter", "SEATTLE", "state", "WA");

        JsonNode page = json(response);
        assertEquals(List.of("tns", "links"), keys(page));
        assertEquals(3, page.get("tns").size());
        for (String number : keys(page.get("tns"))) {
            assertTrue(number.startsWith("1206641"), number);
            assertEquals(json("{\"initial_cost\": \"1.00\", \"monthly_cost\": \"1.25\", \"billing_methods\": [\"METERED\"],"
                    + " \"ratecenter\": \"SEATTLE\", \"state\": \"WA\"}"), page.get("tns").get(number));
            assertEquals(List.of("initial_cost", "monthly_cost", "billing_methods", "ratecenter", "state"),
                    keys(page.get("tns").get(number)));
        }
        assertEquals(json("{"
                + "\"prev\": \"/v1/available-tns/tns/?npa=206&nxx=641&state=WA&ratecenter=SEATTLE&limit=3&page=1\","
                + "\"next\": \"/v1/available-tns/tns/?npa=206&nxx=641&state=WA&ratecenter=SEATTLE&limit=3&page=3\"}"),
                page.get("links"));
    }

    @Test
    void theDocumentedNumbersAreForSaleInOrder() {
        JsonNode page = json(client.get("/v1/available-tns/tns/", "npa", "206", "nxx", "641", "tn", "76", "limit", "200"));

        List<String> numbers = keys(page.get("tns"));
        assertTrue(numbers.containsAll(List.of("12066417667", "12066417669")), numbers.toString());
        assertEquals(numbers.stream().sorted().toList(), numbers);
    }

    @Test
    void nxxMatchesExchangesContainingTheDigits() {
        JsonNode page = json(client.get("/v1/available-tns/tns/", "npa", "206", "nxx", "4", "limit", "200"));

        assertFalse(keys(page.get("tns")).isEmpty());
        for (String number : keys(page.get("tns"))) {
            assertTrue(number.substring(4, 7).contains("4"), number);
            assertTrue(number.substring(1, 4).contains("206"), number);
        }
    }

    @Test
    void tnMatchesNumbersContainingTheDigits() {
        JsonNode page = json(client.get("/v1/available-tns/tns/", "tn", "7744", "limit", "200"));

        List<String> numbers = keys(page.get("tns"));
        assertTrue(numbers.contains("12066417744"), numbers.toString());
        numbers.forEach(number -> assertTrue(number.contains("7744"), number));
    }

    @Test
    void rateCenterAndStateMatchWholeNamesInAnyCase() {
        JsonNode upper = json(client.get("/v1/available-tns/tns/", "ratecenter", "SALT LAKE CITY", "state", "UT",
                "limit", "200"));
        JsonNode lower = json(client.get("/v1/available-tns/tns/", "ratecenter", "salt lake city", "state", "ut",
                "limit", "200"));

        assertFalse(keys(upper.get("tns")).isEmpty());
        assertEquals(upper.get("tns"), lower.get("tns"));
        upper.get("tns").forEach(number -> {
            assertEquals("SALT LAKE CITY", number.get("ratecenter").asText());
            assertEquals("UT", number.get("state").asText());
        });
        assertEquals("{}", client.get("/v1/available-tns/tns/", "ratecenter", "SALT LAKE", "state", "UT").body());
    }

    @Test
    void linksFormEncodeTheGivenValues() {
        JsonNode page = json(client.get("/v1/available-tns/tns/", "ratecenter", "salt lake city", "state", "ut",
                "limit", "1"));

        assertEquals("/v1/available-tns/tns/?state=ut&ratecenter=salt+lake+city&limit=1&page=2",
                page.get("links").get("next").asText());
    }

    @Test
    void stateAloneListsThatProvince() {
        JsonNode page = json(client.get("/v1/available-tns/tns/", "state", "on", "limit", "200"));

        Set<String> rateCenters = new TreeSet<>();
        page.get("tns").forEach(number -> {
            assertEquals("ON", number.get("state").asText());
            rateCenters.add(number.get("ratecenter").asText());
        });
        assertEquals(Set.of("OTTAWA", "TORONTO"), rateCenters);
    }

    @Test
    void noResultIsAnEmptyObject() {
        assertEquals("{}", client.get("/v1/available-tns/tns/", "npa", "999").body());
        assertEquals("{}", client.get("/v1/available-tns/npanxxs/", "npa", "999").body());
        assertEquals("{}", client.get("/v1/available-tns/tns/", "npa", "206", "nxx", "641", "tn", "12066417744",
                "page", "2").body());
    }

    @Test
    void aPagePastTheEndIsAnEmptyObject() {
        HttpResponse<String> response = client.get("/v1/available-tns/npas/", "limit", "200", "page", "2");

        assertEquals(200, response.statusCode());
        assertEquals("{}", response.body());
    }
}
