package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Refusals are {@code {"error": "..."}} naming the wire parameter: a value that breaks a rule is a
 * 422, a malformed request (unknown or repeated parameters, bad encoding) a 400; unknown paths
 * 404, wrong methods 405.
 */
@ExtendWith(FlowrouteSandboxExtension.class)
class ValidationTest {
    private final FlowrouteSandbox sandbox;
    private final RawClient client;

    ValidationTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new RawClient(sandbox);
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @CsvSource(delimiter = '|', value = {
        "/v1/available-tns/npas/    | limit      | 0      | limit 0 is invalid: must be between 1 and 200",
        "/v1/available-tns/npas/    | limit      | 201    | limit 201 is invalid: must be between 1 and 200",
        "/v1/available-tns/npas/    | limit      | -5     | limit -5 is invalid: must be between 1 and 200",
        "/v1/available-tns/npas/    | limit      | ten    | limit \"ten\" is invalid: must be a whole number",
        "/v1/available-tns/npas/    | page       | 0      | page 0 is invalid: must be 1 or more",
        "/v1/available-tns/npanxxs/ | page       | -1     | page -1 is invalid: must be 1 or more",
        "/v1/available-tns/npanxxs/ | npa        | 2061   | npa \"2061\" is invalid: must be 1 to 3 digits",
        "/v1/available-tns/npanxxs/ | npa        | 2o6    | npa \"2o6\" is invalid: must be 1 to 3 digits",
        "/v1/available-tns/tns/     | nxx        | 641    | nxx \"641\" is invalid: needs npa to be set as well",
        "/v1/available-tns/tns/     | ratecenter | SEATTLE| ratecenter \"SEATTLE\" is invalid: needs state to be set as well",
        "/v1/available-tns/tns/     | state      | W      | state \"W\" is invalid: must be a two-letter state",
        "/v1/available-tns/tns/     | state      | WAS    | state \"WAS\" is invalid: must be a two-letter state",
        "/v1/available-tns/tns/     | state      | 12     | state \"12\" is invalid: must be a two-letter state",
        "/v1/available-tns/tns/     | tn         | 1206x  | tn \"1206x\" is invalid: must be 1 to 11 digits",
        "/v1/available-tns/tns/     | tn         | 120664177440 | tn \"120664177440\" is invalid: must be 1 to 11 digits",
        "/v1/tns/                   | pattern    | 206-   | pattern \"206-\" is invalid: must be 1 to 11 digits",
        "/v1/tns/                   | limit      | 201    | limit 201 is invalid: must be between 1 and 200",
        "/v1/routes/                | limit      | 0      | limit 0 is invalid: must be between 1 and 200",
        "/v1/routes/                | page       | 0      | page 0 is invalid: must be 1 or more",
    })
    void badQueryValuesAreUnprocessable(String path, String name, String value, String message) {
        HttpResponse<String> response = client.get(path, name, value);

        assertRefused(422, response, message);
        // Refused input is still authentic: the journal tells bad input from bad signing.
        assertTrue(sandbox.journal().get(0).signatureValid());
    }

    @Test
    void aParameterGivenTwiceIsMalformed() {
        assertRefused(400, client.get("/v1/routes/", "limit", "1", "limit", "2"), "query parameter limit is given twice");
    }

    // The listing's message names the parameter and the ones the listing takes; the path it names
    // is the listing's own (with or without the /v1 root), so only its tail is pinned here.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/v1/available-tns/npas/    | npa     | /available-tns/npas/ takes limit, page",
        "/v1/available-tns/npanxxs/ | nxx     | /available-tns/npanxxs/ takes npa, limit, page",
        "/v1/available-tns/tns/     | pattern | /available-tns/tns/ takes npa, nxx, state, ratecenter, tn, limit, page",
        "/v1/tns/                   | tn      | /tns/ takes pattern, limit, page",
        "/v1/routes/                | Limit   | /routes/ takes limit, page",
    })
    void anUnknownParameterIsMalformed(String path, String name, String takes) {
        HttpResponse<String> response = client.get(path, name, "1");

        assertRefused(400, response, "unknown query parameter " + name + ": ");
        assertTrue(json(response).get("error").asText().endsWith(takes), response.body());
    }

    @Test
    void anEndpointWithAPathParameterTakesNoQueryParameters() {
        HttpResponse<String> response = client.get("/v1/tns/12066417744", "limit", "1");

        assertRefused(400, response, "query parameter limit is unknown: GET /v1/tns/12066417744 takes none");
        assertEquals("{\"error\":\"query parameter limit is unknown: GET /v1/tns/12066417744 takes none\"}", response.body());
    }

    @Test
    void badPercentEncodingInTheQueryIsRefused() {
        // HttpClient refuses to send this, so it goes by hand; it is refused before any signature check.
        String answer = RawClient.rawExchange(sandbox.port(),
                "GET /v1/routes/?limit=%zz HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port() + "\r\n", new byte[0]);

        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("{\"error\":\"the query \\\"limit=%zz\\\" is not valid percent-encoding"), answer);
        assertEquals(400, sandbox.journal().get(0).status());
        assertEquals("limit=%zz", sandbox.journal().get(0).query());
    }

    @ParameterizedTest
    @CsvSource({"123", "2066417744", "02066417744", "12061417744", "1206641774x", "+12066417744"})
    void aNumberInThePathMustBeElevenNanpDigits(String number) {
        String expected = "number \"" + number + "\" is invalid: must be an 11-digit NANP number";
        String encoded = number.replace("+", "%2B");

        assertRefused(400, client.get("/v1/tns/" + encoded), expected);
        assertRefused(400, client.purchase(encoded), expected);
        assertRefused(400, client.patch("/v1/tns/" + encoded, "{\"routes\": [{\"name\": \"sip-reg\"}, {\"name\": \"sip-reg\"}]}"),
                expected);
        assertEquals(List.of(), sandbox.accountNumbers());
    }

    @ParameterizedTest
    @CsvSource({"/v1/", "/v1/numbers/", "/v1/v2/numbers", "/v1/available-tns/", "/v1/available-tns/npas/206", "/v1/tns/12066417744/routes",
        "/", "/v1/routes/a/b"})
    void anUnknownPathIsNotFound(String path) {
        HttpResponse<String> response = client.get(path);

        assertEquals(404, response.statusCode(), response.body());
        assertTrue(json(response).get("error").asText().startsWith("no endpoint at " + path), response.body());
    }

    @ParameterizedTest
    @CsvSource({"DELETE, /v1/tns/12066417744, 'GET, PUT, PATCH'", "POST, /v1/tns/, GET", "PUT, /v1/available-tns/npas/, GET",
        "GET, /v1/routes/office, PUT", "DELETE, /v1/routes/, GET"})
    void aWrongMethodIsNotAllowed(String method, String path, String allowed) {
        HttpResponse<String> response = RawClient.exchange(client.signed(method, path, null));

        assertEquals(405, response.statusCode(), response.body());
        assertEquals(allowed, response.headers().firstValue("Allow").orElseThrow());
        assertEquals("method " + method + " is not allowed here: use " + allowed, json(response).get("error").asText());
    }

    @Test
    void pathsWithoutTheTrailingSlashWorkToo() {
        assertEquals(200, client.get("/v1/routes").statusCode());
        assertEquals(200, client.get("/v1/available-tns/npas", "limit", "1").statusCode());
    }

    @Test
    void emptyParametersCountAsNotGiven() {
        HttpResponse<String> response = client.get("/v1/available-tns/npas/", "limit", "", "page", "");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(10, json(response).get("npas").size());
    }

    private static void assertRefused(int status, HttpResponse<String> response, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(List.of("error"), RawClient.keys(json(response)));
        assertTrue(json(response).get("error").asText().startsWith(message), response.body());
    }
}
