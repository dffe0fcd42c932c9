package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static com.flowroute.numbers.sandbox.V2Assertions.document;
import static com.flowroute.numbers.sandbox.V2Assertions.ids;
import static com.flowroute.numbers.sandbox.V2Assertions.refused;
import static com.flowroute.numbers.sandbox.V2NumbersTest.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteType;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the v2 endpoints refuse, each with its status and always in v2's {@code errors[]} shape:
 * 404 for unknown numbers, routes and paths; 422 for values out of range; 400 for malformed
 * requests; 415 for a body of another media type; 401 for missing or wrong Basic credentials.
 */
@ExtendWith(FlowrouteSandboxExtension.class)
class V2RefusalsTest {
    private static final String UNKNOWN = "12125550000";

    private final FlowrouteSandbox sandbox;
    private final RawClient client;

    V2RefusalsTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new RawClient(sandbox);
    }

    private String bought() {
        String number = ids(document(200, client.v2Get("/v2/numbers/available", "limit", "1"))).get(0);
        document(201, client.v2Purchase(number));
        return number;
    }

    @Test
    void aNumberNotOnTheAccountIsNotFoundWhateverIsAsked() {
        String detail = "number " + UNKNOWN + " is not on your account";

        refused(404, client.v2Get("/v2/numbers/" + UNKNOWN), detail);
        refused(404, client.v2Delete("/v2/numbers/" + UNKNOWN), detail);
        refused(404, client.v2Patch("/v2/numbers/" + UNKNOWN, "{\"type\": \"number\", \"alias\": \"x\"}"), detail);
        refused(404, client.v2Patch("/v2/numbers/" + UNKNOWN + "/relationships/primary_route",
                "{\"data\": {\"type\": \"route\", \"id\": \"0\"}}"), detail);
        refused(404, client.v2Delete("/v2/numbers/" + UNKNOWN + "/relationships/failover_route"), detail);
    }

    @Test
    void anUnknownRouteIsNotFoundAndChangesNothing() {
        String number = bought();

        refused(404, client.v2Patch("/v2/numbers/" + number + "/relationships/primary_route",
                "{\"data\": {\"type\": \"route\", \"id\": \"99999\"}}"), "route 99999 is not on your account");
        refused(404, client.v2Patch("/v2/routes/99999", route("x", "host", "10.0.0.1")), "route 99999 is not on your account");
        refused(404, client.v2Delete("/v2/routes/99999"), "route 99999 is not on your account");
        assertEquals("0", document(200, client.v2Get("/v2/numbers/" + number)).get("data").get("relationships")
                .get("primary_route").get("data").get("id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/nope", "/v2/numbers/available/nxxs", "/v2/routes/1/2", "/v2/numbers/12066417744/relationships/carrier"})
    void anUnknownPathIsNotFound(String path) {
        refused(404, client.v2Get(path), "no endpoint at " + path);
    }

    @Test
    void aWrongMethodIsNotAllowedAndSaysWhichAre() {
        HttpResponse<String> response = RawClient.exchange(client.basic("PUT", "/v2/numbers/" + UNKNOWN, "{}"));

        refused(405, response, "method PUT is not allowed here: use GET, POST, DELETE, PATCH");
        assertEquals("GET, POST, DELETE, PATCH", response.headers().firstValue("Allow").orElseThrow());
        assertEquals("GET, POST", RawClient.exchange(client.basic("DELETE", "/v2/routes", null)).headers()
                .firstValue("Allow").orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({
        "/v2/numbers/available/areacodes, 0,   400",
        "/v2/numbers/available/areacodes, 401, 400",
        "/v2/numbers/available/exchanges, 0,   200",
        "/v2/numbers/available/exchanges, 201, 200",
        "/v2/numbers/available,           201, 200",
        "/v2/numbers,                     0,   200",
        "/v2/numbers,                     201, 200",
        "/v2/routes,                      201, 200",
        "/v2/routes/edge_strategies,      201, 200",
    })
    void aLimitOutOfRangeIsUnprocessable(String path, String limit, int max) {
        refused(422, client.v2Get(path, "limit", limit), "limit \"" + limit + "\" is invalid: must be between 1 and " + max);
        document(200, client.v2Get(path, "limit", Integer.toString(max)));
        document(200, client.v2Get(path, "limit", "1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/numbers/available/areacodes", "/v2/numbers/available", "/v2/numbers", "/v2/routes"})
    void aNegativeOffsetIsUnprocessable(String path) {
        refused(422, client.v2Get(path, "offset", "-1"), "offset \"-1\" is invalid: must be 0 or more");
        document(200, client.v2Get(path, "offset", "0"));
    }

    @Test
    void aFilterValueTheSdkRefusesIsUnprocessableNamedAsTheWireNamesIt() {
        refused(422, client.v2Get("/v2/numbers/available", "starts_with", "12x"), "starts_with \"12x\" is invalid");
        refused(422, client.v2Get("/v2/numbers/available/areacodes", "max_setup_cost", "cheap"), "max_setup_cost \"cheap\" is invalid");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/v2/numbers/available/areacodes | areacode | areacode: /v2/numbers/available/areacodes takes max_setup_cost, limit, offset",
        "/v2/numbers/available           | npa      | npa: /v2/numbers/available takes starts_with, contains, ends_with, rate_center, state, number_type, limit, offset",
        "/v2/numbers                     | pattern  | pattern: /v2/numbers takes starts_with, contains, ends_with, alias, limit, offset",
        "/v2/routes                      | page     | page: /v2/routes takes route_type, limit, offset",
    })
    void anUnknownParameterIsMalformed(String path, String name, String takes) {
        refused(400, client.v2Get(path, name, "1"), "unknown query parameter " + takes);
    }

    @Test
    void aRepeatedOrNonNumericPagingParameterIsMalformed() {
        refused(400, client.v2Get("/v2/routes", "limit", "1", "limit", "2"), "query parameter limit is given twice");
        refused(400, client.v2Get("/v2/routes", "offset", "ten"), "offset \"ten\" is invalid: must be a whole number");
    }

    @Test
    void anEndpointWithABodyOrANumberTakesNoParameters() {
        refused(400, RawClient.exchange(client.basic("POST", "/v2/routes", route("a", "host", "10.0.0.1"), "limit", "1")),
                "query parameter limit is unknown: POST /v2/routes takes none");
        refused(400, RawClient.exchange(client.basic("POST", "/v2/numbers/" + UNKNOWN, null, "billing", "METERED")),
                "query parameter billing is unknown: POST /v2/numbers/" + UNKNOWN + " takes none");
        assertEquals(1, sandbox.routes().size());
        assertEquals(List.of(), sandbox.accountNumbers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "2066417744", "12061417744", "1206641774x"})
    void aNumberInThePathMustBeElevenNanpDigits(String number) {
        String detail = "number \"" + number + "\" is invalid: must be an 11-digit NANP number";

        refused(400, client.v2Purchase(number), detail);
        refused(400, client.v2Get("/v2/numbers/" + number), detail);
        refused(400, client.v2Delete("/v2/numbers/" + number + "/relationships/primary_route"), detail);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                                                            | the body is not JSON",
        "[]                                                                  | the body is not a JSON object",
        "{\"data\": {\"type\": \"number\", \"attributes\": {}}}              | data must be an object of type \"route\"",
        "{\"data\": {\"type\": \"route\", \"attributes\": {\"alias\": \"a\"}}} | data.attributes.route_type is required and must be a string",
        "{\"data\": {\"type\": \"route\", \"attributes\": {\"alias\": 5, \"route_type\": \"host\", \"value\": \"10.0.0.1\"}}} | data.attributes.alias is required",
    })
    void aMalformedRouteBodyIsABadRequestAndCreatesNothing(String body, String detail) {
        refused(400, client.v2Post("/v2/routes", body), detail);
        assertEquals(1, sandbox.routes().size());
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        String number = bought();

        refused(400, RawClient.exchange(client.basic("POST", "/v2/routes", null)), "the body is empty");
        refused(400, RawClient.exchange(client.basic("PATCH", "/v2/numbers/" + number + "/relationships/primary_route", null)),
                "the body is empty");
    }

    @Test
    void aRouteValueTheSdkRefusesIsUnprocessable() {
        refused(422, client.v2Post("/v2/routes", route("pbx", "host", "not a host")), "value \"not a host\" is invalid");
        refused(422, client.v2Post("/v2/routes", route("desk", "number", "555")), "value \"555\" is invalid");
        refused(422, client.v2Post("/v2/routes", route(" ", "host", "10.0.0.1")), "name");
        assertEquals(1, sandbox.routes().size());
    }

    @Test
    void malformedRelationshipAndNumberBodiesAreBadRequests() {
        String number = bought();

        refused(400, client.v2Patch("/v2/numbers/" + number + "/relationships/primary_route",
                "{\"data\": {\"type\": \"route\", \"id\": {\"x\": 1}}}"), "data must be {\"type\": \"route\", \"id\": ...}");
        refused(400, client.v2Patch("/v2/numbers/" + number + "/relationships/primary_route",
                "{\"data\": {\"type\": \"number\", \"id\": \"0\"}}"), "data must be {\"type\": \"route\", \"id\": ...}");
        refused(400, client.v2Patch("/v2/numbers/" + number, "{\"type\": \"number\", \"alias\": 7}"), "alias must be a string");
        refused(400, client.v2Patch("/v2/numbers/" + number, "{\"type\": \"number\", \"cnam_lookups_enabled\": \"yes\"}"),
                "cnam_lookups_enabled must be true or false");
        assertTrue(document(200, client.v2Get("/v2/numbers/" + number)).get("data").get("attributes").get("alias").isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void aBodyOfAnotherMediaTypeIsUnsupportedAndCreatesNothing(String contentType) {
        HttpResponse<String> response = RawClient.exchange(client.basic("POST", "/v2/routes", route("pbx", "host", "10.0.0.1"))
                .setHeader("Content-Type", contentType));

        refused(415, response, "Content-Type " + contentType + " is not supported: send application/vnd.api+json");
        assertEquals(1, sandbox.routes().size());
    }

    @Test
    void plainJsonAndAMediaTypeWithParametersAreTakenToo() {
        document(201, RawClient.exchange(client.basic("POST", "/v2/routes", route("a", "host", "10.0.0.1"))
                .setHeader("Content-Type", "application/json")));
        document(201, RawClient.exchange(client.basic("POST", "/v2/routes", route("b", "host", "10.0.0.2"))
                .setHeader("Content-Type", "application/vnd.api+json; charset=utf-8")));
        assertEquals(3, sandbox.routes().size());
    }

    @Test
    void missingCredentialsAreUnauthorized() {
        HttpRequest.Builder request = client.basic("POST", "/v2/numbers/12066417744", null);
        HttpResponse<String> response = RawClient.exchange(HttpRequest.newBuilder(request.build().uri())
                .timeout(RawClient.TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()));

        refused(401, response, "Authentication failed: missing Authorization header; send Authorization: Basic base64(accessKey:secretKey)");
        assertEquals(List.of(), sandbox.accountNumbers());
        RecordedRequest recorded = sandbox.journal().get(sandbox.journal().size() - 1);
        assertFalse(recorded.signatureValid());
        assertEquals(401, recorded.status());
    }

    @Test
    void wrongKeysAreUnauthorizedAndTheAnswerNeverShowsASecret() {
        FlowrouteCredentials real = sandbox.credentials();
        String wrongSecret = "wrong-secret-" + real.secretKey().substring(0, 6);
        RawClient impostor = new RawClient(sandbox, FlowrouteCredentials.of(real.accessKey(), wrongSecret), Clock.systemUTC());
        RawClient stranger = new RawClient(sandbox, FlowrouteCredentials.of("someone-else", real.secretKey()), Clock.systemUTC());

        for (HttpResponse<String> response : List.of(impostor.v2Get("/v2/routes"), stranger.v2Get("/v2/routes"),
                impostor.v2Purchase("12066417744"))) {
            refused(401, response, "Authentication failed: unknown access key or wrong secret key");
            assertFalse(response.body().contains(real.secretKey()), response.body());
            assertFalse(response.body().contains(wrongSecret), response.body());
            assertFalse(response.body().contains(real.accessKey()), response.body());
        }
        assertEquals(List.of(), sandbox.accountNumbers());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Bearer abc            | the Authorization scheme is not Basic",
        "Basic %%%             | the Authorization value is not valid base64",
        "Basic OmFiYw==        | unknown access key or wrong secret key",
    })
    void aMalformedAuthorizationIsUnauthorized(String authorization, String why) {
        HttpResponse<String> response = RawClient.exchange(client.basic("GET", "/v2/routes", null)
                .setHeader("Authorization", authorization));

        refused(401, response, "Authentication failed: " + why);
    }

    @Test
    void aV1SignatureIsNoV2CredentialAndV2CredentialsAreNoV1Signature() {
        // The v1 Authorization carries the access key and an HMAC, not the secret.
        HttpResponse<String> signedToV2 = RawClient.exchange(client.signed("GET", "/v2/routes", null));
        refused(401, signedToV2, "Authentication failed: unknown access key or wrong secret key");

        HttpResponse<String> basicToV1 = RawClient.exchange(client.basic("GET", "/v1/routes/", null));
        assertEquals(401, basicToV1.statusCode(), basicToV1.body());
        assertEquals("application/json", basicToV1.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(json(basicToV1).has("error"), "a v1 path answers in v1's shape: " + basicToV1.body());
        assertFalse(basicToV1.body().contains(sandbox.credentials().secretKey()), basicToV1.body());
    }

    @Test
    void anUnauthorizedRequestIsRefusedBeforeItsPathOrBodyIsRead() {
        RawClient impostor = new RawClient(sandbox, FlowrouteCredentials.of("someone", "else"), Clock.systemUTC());

        refused(401, impostor.v2Get("/v2/nope"), "Authentication failed");
        refused(401, impostor.v2Post("/v2/routes", "not json"), "Authentication failed");
        assertEquals(List.of(Route.of("0", "sip-reg", RouteType.SIP_REG, null)), sandbox.routes());
    }

    @Test
    void injectedFaultsAnswerInV2sShapeOnV2Paths() {
        sandbox.faults().next(1).matching("GET", "/v2/routes").respond(503);

        refused(503, client.v2Get("/v2/routes"), "injected fault: the sandbox was told to answer 503");
        document(200, client.v2Get("/v2/routes"));
    }

    @Test
    void aRefusedPurchaseLeavesTheAccountAsItWas() {
        String number = bought();

        refused(422, client.v2Purchase(number), "Business Logic Error");
        assertEquals(List.of(PhoneNumber.parse(number)), sandbox.accountNumbers());
        RecordedRequest refusal = sandbox.journal().get(sandbox.journal().size() - 1);
        assertEquals("POST /v2/numbers/" + number + " 422", refusal.method() + " " + refusal.path() + " " + refusal.status());
        assertTrue(refusal.signatureValid(), "refused by the state, not for its credentials");
    }
}
