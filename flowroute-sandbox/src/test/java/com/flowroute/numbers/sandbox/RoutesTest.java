package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static com.flowroute.numbers.sandbox.RawClient.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteType;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(FlowrouteSandboxExtension.class)
class RoutesTest {
    private final FlowrouteSandbox sandbox;
    private final RawClient client;

    RoutesTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new RawClient(sandbox);
    }

    @Test
    void aFreshAccountHasOnlyTheSipRegRoute() {
        HttpResponse<String> response = client.get("/v1/routes/");

        assertEquals(200, response.statusCode());
        assertEquals(json("{\"routes\": {\"sip-reg\": {\"type\": \"SIP-REG\", \"value\": null}}}"), json(response));
        assertTrue(response.body().contains("\"value\":null"), response.body());
    }

    @Test
    void createdRoutesAreListedInOrderWithTheirValues() {
        assertEquals(201, client.put("/v1/routes/HOSTroute1", "{\"type\": \"HOST\", \"value\": \"24.239.23.40:5060\"}").statusCode());
        assertEquals(201, client.put("/v1/routes/PSTNroute1", "{\"type\": \"PSTN\", \"value\": \"12065551212\"}").statusCode());
        assertEquals(201, client.put("/v1/routes/URIroute1",
                "{\"type\": \"URI\", \"value\": \"sip:16476998778@215.122.69.152:5060\"}").statusCode());

        JsonNode routes = json(client.get("/v1/routes/"));
        assertEquals(json("{\"routes\": {"
                + "\"sip-reg\": {\"type\": \"SIP-REG\", \"value\": null},"
                + "\"HOSTroute1\": {\"type\": \"HOST\", \"value\": \"24.239.23.40:5060\"},"
                + "\"PSTNroute1\": {\"type\": \"PSTN\", \"value\": \"12065551212\"},"
                + "\"URIroute1\": {\"type\": \"URI\", \"value\": \"sip:16476998778@215.122.69.152:5060\"}}}"), routes);
        assertEquals(List.of("sip-reg", "HOSTroute1", "PSTNroute1", "URIroute1"), keys(routes.get("routes")));
    }

    @Test
    void creatingAnExistingNameIsRefusedAndChangesNothing() {
        client.put("/v1/routes/office", "{\"type\": \"HOST\", \"value\": \"24.239.23.40:5060\"}");
        client.put("/v1/routes/home", "{\"type\": \"HOST\", \"value\": \"pbx.example.com\"}");
        client.purchase("12066417744");
        client.patch("/v1/tns/12066417744", "{\"routes\": [{\"name\": \"office\"}, {\"name\": \"home\"}]}");

        HttpResponse<String> again = client.put("/v1/routes/office", "{\"type\": \"URI\", \"value\": \"sip:alice@example.com\"}");

        assertEquals(422, again.statusCode(), again.body());
        assertEquals("route name \"office\" is invalid: a route of that name exists already, and routes are not replaced",
                json(again).get("error").asText());
        assertEquals(List.of(Route.of("0", "sip-reg", RouteType.SIP_REG, null),
                Route.of("83834", "office", RouteType.HOST, "24.239.23.40:5060"),
                Route.of("83835", "home", RouteType.HOST, "pbx.example.com")), sandbox.routes());
        assertEquals("24.239.23.40:5060",
                json(client.get("/v1/tns/12066417744")).get("routes").get(0).get("value").asText());
    }

    @Test
    void aRouteNameIsPercentDecodedFromThePath() {
        HttpResponse<String> created = client.put("/v1/routes/Office%20PBX%2F2",
                "{\"type\": \"URI\", \"value\": \"sip:alice@example.com\"}");

        assertEquals(201, created.statusCode());
        assertEquals("Office PBX/2", sandbox.routes().get(1).name());
        assertTrue(keys(json(client.get("/v1/routes/")).get("routes")).contains("Office PBX/2"));
        assertEquals("/v1/routes/Office%20PBX%2F2", sandbox.journal().get(0).path());

        client.purchase("12066417744");
        assertEquals(204, client.patch("/v1/tns/12066417744",
                "{\"routes\": [{\"name\": \"Office PBX/2\"}, {\"name\": \"sip-reg\"}]}").statusCode());
        assertEquals("Office PBX/2", json(client.get("/v1/tns/12066417744")).get("routes").get(0).get("name").asText());
    }

    @Test
    void aPlusInThePathIsAPlusSign() {
        assertEquals(201, client.put("/v1/routes/a+b", "{\"type\": \"HOST\", \"value\": \"pbx.example.com\"}").statusCode());

        assertEquals("a+b", sandbox.routes().get(1).name());
    }

    @Test
    void theSipRegNameIsReserved() {
        HttpResponse<String> response = client.put("/v1/routes/sip-reg", "{\"type\": \"HOST\", \"value\": \"pbx.example.com\"}");

        assertEquals(422, response.statusCode());
        assertEquals(1, sandbox.routes().size());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "FAX   | 12065551212          | type \"FAX\" is invalid: must be HOST, PSTN or URI",
        "host  | pbx.example.com      | type \"host\" is invalid: must be HOST, PSTN or URI",
        "HOST  | not a host!          | value \"not a host!\" is invalid: a HOST route",
        "HOST  | 24.239.23.40:70000   | value \"24.239.23.40:70000\" is invalid: a HOST route",
        "HOST  | 999.1.1.1            | value \"999.1.1.1\" is invalid: a HOST route",
        "PSTN  | 2065551212           | value \"2065551212\" is invalid: a PSTN route",
        "PSTN  | 10065551212          | value \"10065551212\" is invalid: a PSTN route",
        "URI   | http://example.com   | value \"http://example.com\" is invalid: a URI route",
        "URI   | sip:                 | value \"sip:\" is invalid: a URI route",
    })
    void aRouteValueMustSuitItsType(String type, String value, String message) {
        HttpResponse<String> response = client.put("/v1/routes/bad",
                "{\"type\": \"" + type + "\", \"value\": \"" + value + "\"}");

        assertEquals(422, response.statusCode(), response.body());
        assertTrue(json(response).get("error").asText().startsWith(message), response.body());
        assertEquals(1, sandbox.routes().size());
    }

    @Test
    void aBodyWithoutATypeAndAValueIsMalformed() {
        assertEquals(400, client.put("/v1/routes/bad", "{\"type\": \"HOST\"}").statusCode());
        assertEquals(400, client.put("/v1/routes/bad", "{\"value\": \"pbx.example.com\"}").statusCode());
        assertEquals(400, client.put("/v1/routes/bad", "[]").statusCode());
        assertEquals(400, client.put("/v1/routes/bad", "{\"type\": \"HOST\", \"value\": ").statusCode());
        assertEquals(400, client.put("/v1/routes/bad", null).statusCode());
        assertEquals(1, sandbox.routes().size());
    }

    @Test
    void aBlankNameIsInvalid() {
        HttpResponse<String> response = client.put("/v1/routes/%20", "{\"type\": \"HOST\", \"value\": \"pbx.example.com\"}");

        assertEquals(422, response.statusCode(), response.body());
        assertTrue(json(response).get("error").asText().startsWith("name \" \" is invalid: must not be blank"), response.body());
        assertEquals(1, sandbox.routes().size());
    }

    @Test
    void aNameWithRawNonAsciiBytesIsRefusedWithTheEncodingToUse() {
        // HttpClient percent-encodes what it sends, so the raw UTF-8 bytes of "Café" go by hand.
        byte[] head = ("PUT /v1/routes/Café HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port() + "\r\n")
                .getBytes(StandardCharsets.UTF_8);

        String answer = RawClient.rawExchange(sandbox.port(), head,
                "{\"type\": \"HOST\", \"value\": \"pbx.example.com\"}".getBytes(StandardCharsets.UTF_8));

        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        String error = json(answer.substring(answer.indexOf("\r\n\r\n") + 4)).get("error").asText();
        assertEquals("path \"/v1/routes/Café\" is invalid: non-ASCII characters and control characters must be"
                + " percent-encoded (as UTF-8), such as /v1/routes/Caf%C3%A9", error);
        assertEquals(List.of(Route.of("0", "sip-reg", RouteType.SIP_REG, null)), sandbox.routes());
        assertEquals(400, sandbox.journal().get(0).status());
        assertFalse(sandbox.journal().get(0).signatureValid());

        // The encoding the message suggests is the one that works.
        assertEquals(201, client.put("/v1/routes/Caf%C3%A9", "{\"type\": \"HOST\", \"value\": \"pbx.example.com\"}")
                .statusCode());
        assertEquals("Café", sandbox.routes().get(1).name());
    }

    @Test
    void rawNonAsciiBytesInTheQueryAreRefusedToo() {
        byte[] head = ("GET /v1/available-tns/tns/?state=WA&ratecenter=MONTRÉAL HTTP/1.1\r\nHost: 127.0.0.1:"
                + sandbox.port() + "\r\n").getBytes(StandardCharsets.UTF_8);

        String answer = RawClient.rawExchange(sandbox.port(), head, new byte[0]);

        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("query \\\"state=WA&ratecenter=MONTRÉAL\\\" is invalid: non-ASCII characters"), answer);
        assertTrue(answer.contains("such as state=WA&ratecenter=MONTR%C3%89AL"), answer);
    }

    @Test
    void routesArePagedWithLinks() {
        for (int i = 1; i <= 12; i++) {
            client.put("/v1/routes/r" + i, "{\"type\": \"HOST\", \"value\": \"10.0.0." + i + "\"}");
        }

        JsonNode first = json(client.get("/v1/routes/"));
        assertEquals(10, first.get("routes").size());
        assertEquals(json("{\"next\": \"/v1/routes/?limit=10&page=2\"}"), first.get("links"));

        JsonNode second = json(client.get("/v1/routes/", "page", "2"));
        assertEquals(List.of("r10", "r11", "r12"), keys(second.get("routes")));
        assertEquals(json("{\"prev\": \"/v1/routes/?limit=10&page=1\"}"), second.get("links"));
    }
}
