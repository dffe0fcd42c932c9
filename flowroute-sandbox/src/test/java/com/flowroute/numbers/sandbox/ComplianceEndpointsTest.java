package com.flowroute.numbers.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.E911Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sandbox's E911 and CNAM endpoints and their rules, over raw HTTP with v2's Basic auth. */
@ExtendWith(FlowrouteSandboxExtension.class)
class ComplianceEndpointsTest {
    private static final String CANNOT_GEOCODE = "Could not geocode this address. Please check the validity of your address.";
    private static final String NUMBER = "12066417744";

    private final FlowrouteSandbox sandbox;
    private final V2 client;

    ComplianceEndpointsTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new V2(sandbox);
    }

    /** Requests as v2 clients send them: Basic auth, JSON:API media type. */
    static final class V2 {
        private static final Duration TIMEOUT = Duration.ofSeconds(10);
        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT).build();

        private final String origin;
        private final String authorization;

        V2(FlowrouteSandbox sandbox) {
            this.origin = sandbox.baseUrl();
            this.authorization = "Basic " + Base64.getEncoder().encodeToString((sandbox.credentials().accessKey() + ":"
                    + sandbox.credentials().secretKey()).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> send(String method, String pathAndQuery, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + pathAndQuery))
                    .timeout(TIMEOUT)
                    .header("Authorization", authorization)
                    .header("Accept", "application/vnd.api+json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (json != null) {
                request.header("Content-Type", "application/vnd.api+json");
            }
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> get(String pathAndQuery) {
            return send("GET", pathAndQuery, null);
        }

        HttpResponse<String> post(String path, String json) {
            return send("POST", path, json);
        }

        HttpResponse<String> patch(String path, String json) {
            return send("PATCH", path, json);
        }

        HttpResponse<String> delete(String path) {
            return send("DELETE", path, null);
        }
    }

    static String e911(String state, String country, String zip) {
        return "{\"data\":{\"type\":\"e911\",\"attributes\":{\"label\":\"Office\",\"first_name\":\"Maria\","
                + "\"last_name\":\"Bermudez\",\"street_number\":\"666\",\"street_name\":\"Main St\","
                + "\"address_type\":\"Suite\",\"address_type_number\":\"333\",\"city\":\"Somewhere\","
                + "\"state\":\"" + state + "\",\"country\":\"" + country + "\",\"zip\":\"" + zip + "\"}}}";
    }

    static String seattle() {
        return e911("WA", "US", "98101");
    }

    private String createE911(String body) {
        HttpResponse<String> created = client.post("/v2/e911s", body);
        assertEquals(201, created.statusCode(), created.body());
        return json(created).path("data").path("id").asText();
    }

    private String createCnam(String value) {
        HttpResponse<String> created = client.post("/v2/cnams", "{\"value\":\"" + value + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return json(created).path("data").path("id").asText();
    }

    private void buy(String number) {
        HttpResponse<String> bought = client.post("/v2/numbers/" + number, null);
        assertEquals(201, bought.statusCode(), bought.body());
    }

    private JsonNode relationships(String number) {
        HttpResponse<String> details = client.get("/v2/numbers/" + number);
        assertEquals(200, details.statusCode(), details.body());
        return json(details).path("data").path("relationships");
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private static String detail(HttpResponse<String> response) {
        return json(response).path("errors").path(0).path("detail").asText();
    }

    private static List<String> ids(HttpResponse<String> listing) {
        List<String> ids = new ArrayList<>();
        json(listing).path("data").forEach(resource -> ids.add(resource.path("id").asText()));
        return ids;
    }

    @Nested
    class E911Records {
        @Test
        void aCreatedRecordHasANumericIdAndIsReadBackListedAndLinked() {
            HttpResponse<String> created = client.post("/v2/e911s", seattle());

            assertEquals(201, created.statusCode(), created.body());
            JsonNode data = json(created).path("data");
            String id = data.path("id").asText();
            assertTrue(id.matches("[0-9]+"), id);
            assertEquals("e911", data.path("type").asText());
            assertEquals("Maria", data.path("attributes").path("first_name").asText());
            assertEquals("98101", data.path("attributes").path("zip").asText());
            assertEquals("Suite", data.path("attributes").path("address_type").asText());
            assertEquals(sandbox.baseUrl() + "/v2/e911s/" + id, data.path("links").path("self").asText());

            HttpResponse<String> read = client.get("/v2/e911s/" + id);
            assertEquals(200, read.statusCode());
            assertEquals(data, json(read).path("data"));
            assertEquals(List.of(id), ids(client.get("/v2/e911s")));
            assertEquals(List.of(id), sandbox.e911Records().stream().map(E911Record::id).toList());
        }

        @Test
        void idsAreDistinctAndCountUp() {
            String first = createE911(seattle());
            String second = createE911(seattle());

            assertEquals(Long.parseLong(first) + 1, Long.parseLong(second));
        }

        @ParameterizedTest(name = "{0} {1} {2}")
        @CsvSource({"WA, US, 98101", "wa, us, 98101-1234", "NY, US, 10001", "DC, US, 20500", "TX, US, 88510",
                "ON, CA, M4C 5K7", "QC, CA, h2x1y4", "NU, CA, X0A 0H0", "BC, CA, V6B 1A1"})
        void anAddressWhoseZipBelongsToItsStateValidates(String state, String country, String zip) {
            HttpResponse<String> validated = client.post("/v2/e911s/validate", e911(state, country, zip));

            assertEquals(204, validated.statusCode(), validated.body());
            assertEquals("", validated.body());
            assertTrue(sandbox.e911Records().isEmpty(), "validation saves nothing");
        }

        @ParameterizedTest(name = "{0} {1} {2}")
        @CsvSource({"WA, US, 10001", "NY, US, 98101", "CA, US, 02134", "ON, US, 98101", "AE, US, 09001",
                "QC, CA, M4C 5K7", "ON, CA, H2X 1Y4", "WA, CA, V6B 1A1", "YT, CA, X0A 0H0"})
        void anAddressWhoseZipIsElsewhereCannotBeGeocodedNorSaved(String state, String country, String zip) {
            HttpResponse<String> validated = client.post("/v2/e911s/validate", e911(state, country, zip));
            HttpResponse<String> created = client.post("/v2/e911s", e911(state, country, zip));

            assertEquals(400, validated.statusCode(), validated.body());
            assertEquals(CANNOT_GEOCODE, detail(validated));
            assertEquals(400, created.statusCode(), created.body());
            assertEquals(CANNOT_GEOCODE, detail(created));
            assertTrue(sandbox.e911Records().isEmpty());
        }

        @Test
        void fieldsThatBreakTheAddressRulesAre422sNamingTheWireField() {
            HttpResponse<String> country = client.post("/v2/e911s", e911("WA", "MX", "98101"));
            HttpResponse<String> zip = client.post("/v2/e911s/validate", e911("WA", "US", "9810"));
            HttpResponse<String> missing = client.post("/v2/e911s", seattle().replace("\"first_name\":\"Maria\",", ""));

            assertEquals(422, country.statusCode());
            assertTrue(detail(country).contains("country"), detail(country));
            assertEquals(422, zip.statusCode());
            assertTrue(detail(zip).contains("zip") && detail(zip).contains("9810"), detail(zip));
            assertEquals(422, missing.statusCode());
            assertTrue(detail(missing).contains("first_name"), detail(missing));
            assertTrue(sandbox.e911Records().isEmpty());
        }

        @Test
        void aBodyThatIsNotAJsonObjectIs400() {
            HttpResponse<String> notJson = client.post("/v2/e911s", "label=Office");
            HttpResponse<String> array = client.post("/v2/e911s/validate", "[]");

            assertEquals(400, notJson.statusCode(), notJson.body());
            assertEquals(400, array.statusCode(), array.body());
            assertTrue(detail(array).contains("\"e911\""), detail(array));
        }

        @Test
        void listingsPageWithLimitAndOffsetAndFilterByState() {
            String first = createE911(seattle());
            String second = createE911(e911("ON", "CA", "M4C 5K7"));
            String third = createE911(e911("wa", "US", "98052"));

            HttpResponse<String> page1 = client.get("/v2/e911s?limit=2");
            assertEquals(List.of(first, second), ids(page1));
            assertEquals(sandbox.baseUrl() + "/v2/e911s?limit=2&offset=2", json(page1).path("links").path("next").asText());
            HttpResponse<String> page2 = client.get("/v2/e911s?limit=2&offset=2");
            assertEquals(List.of(third), ids(page2));
            assertTrue(json(page2).path("links").path("next").isMissingNode(), page2.body());
            assertEquals(List.of(first, third), ids(client.get("/v2/e911s?state=wa")));
            assertEquals(List.of(second), ids(client.get("/v2/e911s?state=ON")));
            assertEquals(List.of(first, second, third), ids(client.get("/v2/e911s?state=")));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"limit=0, 422", "limit=201, 422", "offset=-1, 422", "state=Washington, 422", "limit=ten, 400",
                "sort=id, 400", "limit=2&limit=3, 400"})
        void badPagingAndFiltersAreRefused(String query, int status) {
            HttpResponse<String> listed = client.get("/v2/e911s?" + query);

            assertEquals(status, listed.statusCode(), listed.body());
            String name = query.substring(0, query.indexOf('='));
            assertTrue(detail(listed).contains(name), detail(listed));
        }

        @Test
        void anUpdateReplacesTheAddressOnlyWhenItGeocodes() {
            String id = createE911(seattle());

            HttpResponse<String> updated = client.patch("/v2/e911s/" + id, e911("OR", "US", "97201"));
            HttpResponse<String> refused = client.patch("/v2/e911s/" + id, e911("OR", "US", "98101"));
            HttpResponse<String> unknown = client.patch("/v2/e911s/999", seattle());

            assertEquals(200, updated.statusCode(), updated.body());
            assertEquals("97201", json(updated).path("data").path("attributes").path("zip").asText());
            assertEquals(400, refused.statusCode());
            assertEquals(CANNOT_GEOCODE, detail(refused));
            assertEquals("OR", sandbox.e911Records().get(0).address().state());
            assertEquals("97201", sandbox.e911Records().get(0).address().zip());
            assertEquals(404, unknown.statusCode());
        }

        @Test
        void anUnknownRecordIs404ToEveryOperation() {
            buy(NUMBER);

            assertEquals(404, client.get("/v2/e911s/21845").statusCode());
            assertEquals(404, client.delete("/v2/e911s/21845").statusCode());
            assertEquals(404, client.get("/v2/e911s/21845/relationships/numbers").statusCode());
            HttpResponse<String> assigned = client.patch("/v2/numbers/" + NUMBER + "/relationships/e911s/21845", null);
            assertEquals(404, assigned.statusCode());
            assertTrue(detail(assigned).contains("21845"), detail(assigned));
        }

        @Test
        void theValidationPathTakesOnlyPost() {
            HttpResponse<String> get = client.get("/v2/e911s/validate");
            HttpResponse<String> post = client.post("/v2/e911s/21845", seattle());

            assertEquals(404, get.statusCode(), "GET reads it as the id \"validate\"");
            assertEquals(405, post.statusCode());
            assertTrue(post.headers().firstValue("Allow").orElse("").contains("PATCH"), post.headers().toString());
        }
    }

    @Nested
    class E911Assignments {
        @Test
        void anAssignedRecordShowsOnTheNumberAndListsTheNumberUntilUnassigned() {
            buy(NUMBER);
            String id = createE911(seattle());

            HttpResponse<String> assigned = client.patch("/v2/numbers/" + NUMBER + "/relationships/e911s/" + id, null);

            assertEquals(204, assigned.statusCode(), assigned.body());
            JsonNode reference = relationships(NUMBER).path("e911_address").path("data");
            assertEquals("e911", reference.path("type").asText());
            assertEquals(id, reference.path("id").asText());
            HttpResponse<String> numbers = client.get("/v2/e911s/" + id + "/relationships/numbers");
            assertEquals(200, numbers.statusCode());
            assertEquals(List.of(NUMBER), ids(numbers));
            assertEquals(NUMBER, json(numbers).path("data").path(0).path("attributes").path("value").asText());

            HttpResponse<String> unassigned = client.delete("/v2/numbers/" + NUMBER + "/relationships/e911s");

            assertEquals(204, unassigned.statusCode(), unassigned.body());
            assertTrue(relationships(NUMBER).path("e911_address").path("data").isNull());
            assertEquals(List.of(), ids(client.get("/v2/e911s/" + id + "/relationships/numbers")));
            assertEquals(204, client.delete("/v2/numbers/" + NUMBER + "/relationships/e911s").statusCode(),
                    "unassigning again changes nothing");
        }

        @Test
        void theNumbersOfARecordArePaged() {
            String id = createE911(seattle());
            buy("12066417744");
            buy("12066417667");
            buy("12066417669");
            for (String number : List.of("12066417744", "12066417667", "12066417669")) {
                assertEquals(204, client.patch("/v2/numbers/" + number + "/relationships/e911s/" + id, null).statusCode());
            }

            HttpResponse<String> first = client.get("/v2/e911s/" + id + "/relationships/numbers?limit=2");
            HttpResponse<String> rest = client.get("/v2/e911s/" + id + "/relationships/numbers?limit=2&offset=2");

            assertEquals(List.of("12066417667", "12066417669"), ids(first));
            assertTrue(json(first).path("links").path("next").asText().endsWith("?limit=2&offset=2"), first.body());
            assertEquals(List.of("12066417744"), ids(rest));
            assertEquals(422, client.get("/v2/e911s/" + id + "/relationships/numbers?limit=0").statusCode());
        }

        @Test
        void aRecordInUseCannotBeDeletedUntilNoNumberUsesIt() {
            buy(NUMBER);
            String id = createE911(seattle());
            client.patch("/v2/numbers/" + NUMBER + "/relationships/e911s/" + id, null);

            HttpResponse<String> refused = client.delete("/v2/e911s/" + id);

            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(detail(refused).contains(id) && detail(refused).contains(NUMBER), detail(refused));
            assertEquals(1, sandbox.e911Records().size());

            client.delete("/v2/numbers/" + NUMBER + "/relationships/e911s");
            assertEquals(204, client.delete("/v2/e911s/" + id).statusCode());
            assertEquals(404, client.get("/v2/e911s/" + id).statusCode());
        }

        @Test
        void releasingANumberLetsItsRecordGo() {
            buy(NUMBER);
            String id = createE911(seattle());
            client.patch("/v2/numbers/" + NUMBER + "/relationships/e911s/" + id, null);

            assertEquals(204, client.delete("/v2/numbers/" + NUMBER).statusCode());

            assertEquals(List.of(), ids(client.get("/v2/e911s/" + id + "/relationships/numbers")));
            assertEquals(204, client.delete("/v2/e911s/" + id).statusCode());
        }

        @Test
        void aTollFreeNumberCannotTakeAnE911Address() {
            HttpResponse<String> tollFree = client.get("/v2/numbers/available?number_type=tollfree&limit=1");
            String number = ids(tollFree).get(0);
            assertEquals("tollfree", json(tollFree).path("data").path(0).path("attributes").path("number_type").asText());
            buy(number);
            String id = createE911(seattle());

            HttpResponse<String> refused = client.patch("/v2/numbers/" + number + "/relationships/e911s/" + id, null);

            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(detail(refused).contains("toll-free") && detail(refused).contains(number), detail(refused));
            assertTrue(relationships(number).path("e911_address").path("data").isNull());
        }

        @Test
        void aNumberNotOnTheAccountIs404AndAMalformedOneIs400() {
            String id = createE911(seattle());

            HttpResponse<String> notOurs = client.patch("/v2/numbers/" + NUMBER + "/relationships/e911s/" + id, null);
            HttpResponse<String> notOursToo = client.delete("/v2/numbers/" + NUMBER + "/relationships/e911s");
            HttpResponse<String> malformed = client.patch("/v2/numbers/2066417744/relationships/e911s/" + id, null);

            assertEquals(404, notOurs.statusCode());
            assertTrue(detail(notOurs).contains(NUMBER), detail(notOurs));
            assertEquals(404, notOursToo.statusCode());
            assertEquals(400, malformed.statusCode());
        }
    }

    @Nested
    class CnamRecords {
        @Test
        void aNewRecordIsUnapprovedWithItsValueAsSentAndACreationTime() {
            HttpResponse<String> created = client.post("/v2/cnams", "{\"value\":\"Bob Law\"}");

            assertEquals(201, created.statusCode(), created.body());
            JsonNode data = json(created).path("data");
            String id = data.path("id").asText();
            assertTrue(id.matches("[0-9]+"), id);
            assertEquals("cnam", data.path("type").asText());
            assertEquals("Bob Law", data.path("attributes").path("value").asText());
            assertFalse(data.path("attributes").path("is_approved").asBoolean(true));
            assertTrue(data.path("attributes").path("approval_datetime").isNull());
            assertFalse(data.path("attributes").path("creation_datetime").asText().isEmpty());
            assertEquals(sandbox.baseUrl() + "/v2/cnams/" + id, data.path("links").path("self").asText());
            assertEquals(data, json(client.get("/v2/cnams/" + id)).path("data"));
            assertEquals(List.of(id), sandbox.cnamRecords().stream().map(CnamRecord::id).toList());
        }

        @Test
        void theJsonApiFormOfTheBodyIsAcceptedToo() {
            HttpResponse<String> created = client.post("/v2/cnams",
                    "{\"data\":{\"type\":\"cnam\",\"attributes\":{\"value\":\"ACME INC\"}}}");

            assertEquals(201, created.statusCode(), created.body());
            assertEquals("ACME INC", sandbox.cnamRecords().get(0).value());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "{\"value\":\"5551234\"}|letter",
            "{\"value\":\"ABCDEFGHIJKLMNOP\"}|15",
            "{\"value\":\"\"}|1 to 15",
            "{\"value\":\"Caf\u00e9\"}|A-Z",
            "{\"name\":\"Bob\"}|value",
            "{\"value\":12}|string"})
        void anInvalidValueIs422AndSavesNothing(String body, String rule) {
            HttpResponse<String> created = client.post("/v2/cnams", body);

            assertEquals(422, created.statusCode(), created.body());
            assertTrue(detail(created).contains(rule), detail(created));
            assertTrue(sandbox.cnamRecords().isEmpty());
        }

        @Test
        void aBodyThatIsNotJsonIs400() {
            HttpResponse<String> created = client.post("/v2/cnams", "Bob Law");

            assertEquals(400, created.statusCode(), created.body());
            assertTrue(detail(created).contains("{\"value\":\"Bob Law\"}"), detail(created));
        }

        @Test
        void listingsFilterByApprovalAndValueAndPage() {
            String bob = createCnam("Bob Law");
            String acme = createCnam("ACME INC");
            String lawyers = createCnam("LAW FIRM");
            sandbox.approveCnam(acme);

            assertEquals(List.of(bob, acme, lawyers), ids(client.get("/v2/cnams")));
            assertEquals(List.of(acme), ids(client.get("/v2/cnams?is_approved=true")));
            assertEquals(List.of(bob, lawyers), ids(client.get("/v2/cnams?is_approved=false")));
            assertEquals(List.of(bob, lawyers), ids(client.get("/v2/cnams?value=law")));
            assertEquals(List.of(lawyers), ids(client.get("/v2/cnams?value=law&is_approved=FALSE&offset=1")));
            HttpResponse<String> first = client.get("/v2/cnams?value=a&limit=1");
            assertEquals(List.of(bob), ids(first));
            assertEquals(sandbox.baseUrl() + "/v2/cnams?value=a&limit=1&offset=1",
                    json(first).path("links").path("next").asText());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"is_approved=yes, 422", "limit=300, 422", "offset=x, 400", "approved=true, 400"})
        void badFiltersAndPagingAreRefused(String query, int status) {
            HttpResponse<String> listed = client.get("/v2/cnams?" + query);

            assertEquals(status, listed.statusCode(), listed.body());
            assertTrue(detail(listed).contains(query.substring(0, query.indexOf('='))), detail(listed));
        }

        @Test
        void deletingRemovesTheRecordAndAnUnknownOneIs404() {
            String id = createCnam("Bob Law");

            assertEquals(204, client.delete("/v2/cnams/" + id).statusCode());
            assertEquals(404, client.get("/v2/cnams/" + id).statusCode());
            assertEquals(404, client.delete("/v2/cnams/" + id).statusCode());
            assertTrue(sandbox.cnamRecords().isEmpty());
        }

        @Test
        void approvingAnUnknownRecordIsAnArgumentError() {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> sandbox.approveCnam("404"));

            assertTrue(refused.getMessage().contains("404"), refused.getMessage());
        }
    }

    @Nested
    class CnamAssignments {
        @Test
        void anUnapprovedRecordCannotBeAssignedAndTheRefusalSaysWhy() {
            buy(NUMBER);
            String id = createCnam("Bob Law");

            HttpResponse<String> refused = client.patch("/v2/numbers/" + NUMBER + "/relationships/cnams/" + id, null);

            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(detail(refused).contains("not approved") && detail(refused).contains("approveCnam"), detail(refused));
            assertTrue(relationships(NUMBER).path("cnam_preset").path("data").isNull());
        }

        @ParameterizedTest(name = "relationships/{0}")
        @CsvSource({"cnams", "cnam"})
        void anApprovedRecordIsAssignedAndUnassignedUnderEitherPathForm(String form) {
            buy(NUMBER);
            String id = createCnam("Bob Law");
            sandbox.approveCnam(id);

            HttpResponse<String> assigned = client.patch("/v2/numbers/" + NUMBER + "/relationships/" + form + "/" + id, null);

            assertEquals(202, assigned.statusCode(), assigned.body());
            JsonNode reference = relationships(NUMBER).path("cnam_preset").path("data");
            assertEquals("cnam", reference.path("type").asText());
            assertEquals(id, reference.path("id").asText());

            HttpResponse<String> unassigned = client.delete("/v2/numbers/" + NUMBER + "/relationships/" + form);

            assertEquals(202, unassigned.statusCode(), unassigned.body());
            assertTrue(relationships(NUMBER).path("cnam_preset").path("data").isNull());
        }

        @Test
        void aRecordPresentedOnANumberCannotBeDeleted() {
            buy(NUMBER);
            String id = createCnam("Bob Law");
            sandbox.approveCnam(id);
            client.patch("/v2/numbers/" + NUMBER + "/relationships/cnam/" + id, null);

            HttpResponse<String> refused = client.delete("/v2/cnams/" + id);

            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(detail(refused).contains(NUMBER), detail(refused));
            client.delete("/v2/numbers/" + NUMBER + "/relationships/cnams");
            assertEquals(204, client.delete("/v2/cnams/" + id).statusCode());
        }

        @Test
        void aNumberNotOnTheAccountOrAnUnknownRecordIs404() {
            String id = createCnam("Bob Law");
            sandbox.approveCnam(id);
            buy("12066417667");

            assertEquals(404, client.patch("/v2/numbers/" + NUMBER + "/relationships/cnams/" + id, null).statusCode());
            assertEquals(404, client.delete("/v2/numbers/" + NUMBER + "/relationships/cnam").statusCode());
            assertEquals(404, client.patch("/v2/numbers/12066417667/relationships/cnams/1", null).statusCode());
        }
    }

    @Nested
    class Reset {
        @Test
        void resetForgetsEveryRecordAndAssignmentAndCountsIdsFromTheStartAgain() {
            buy(NUMBER);
            String e911 = createE911(seattle());
            String cnam = createCnam("Bob Law");
            sandbox.approveCnam(cnam);
            client.patch("/v2/numbers/" + NUMBER + "/relationships/e911s/" + e911, null);
            client.patch("/v2/numbers/" + NUMBER + "/relationships/cnams/" + cnam, null);

            sandbox.reset();

            assertTrue(sandbox.e911Records().isEmpty());
            assertTrue(sandbox.cnamRecords().isEmpty());
            assertEquals(List.of(), ids(client.get("/v2/e911s")));
            assertEquals(List.of(), ids(client.get("/v2/cnams")));
            assertEquals(e911, createE911(seattle()));
            assertEquals(cnam, createCnam("Bob Law"));
            buy(NUMBER);
            assertTrue(relationships(NUMBER).path("e911_address").path("data").isNull());
            assertTrue(relationships(NUMBER).path("cnam_preset").path("data").isNull());
        }
    }

    /** A clock a test moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Nested
    class ApprovalDelay {
        @Test
        void byDefaultARecordIsNeverApprovedOnItsOwn() {
            ManualClock clock = new ManualClock(Instant.parse("2024-03-01T10:00:00Z"));
            try (FlowrouteSandbox other = FlowrouteSandbox.builder().clock(clock).inventorySize(10).start()) {
                V2 otherClient = new V2(other);
                String id = json(otherClient.post("/v2/cnams", "{\"value\":\"Bob Law\"}")).path("data").path("id").asText();

                clock.advance(Duration.ofDays(365));

                assertFalse(other.cnamRecords().get(0).approved());
                assertFalse(json(otherClient.get("/v2/cnams/" + id)).path("data").path("attributes").path("is_approved")
                        .asBoolean(true));
            }
        }

        @Test
        void withADelayARecordIsApprovedOnceItHasPassedOnTheSandboxClock() {
            ManualClock clock = new ManualClock(Instant.parse("2024-03-01T10:00:00Z"));
            try (FlowrouteSandbox other = FlowrouteSandbox.builder().clock(clock).cnamApprovalDelay(Duration.ofHours(48))
                    .inventorySize(10).start()) {
                V2 otherClient = new V2(other);
                String id = json(otherClient.post("/v2/cnams", "{\"value\":\"Bob Law\"}")).path("data").path("id").asText();

                clock.advance(Duration.ofHours(47));
                assertEquals(List.of(), ids(otherClient.get("/v2/cnams?is_approved=true")));

                clock.advance(Duration.ofHours(1));
                JsonNode attributes = json(otherClient.get("/v2/cnams/" + id)).path("data").path("attributes");
                assertTrue(attributes.path("is_approved").asBoolean(false), attributes.toString());
                assertEquals(Instant.parse("2024-03-01T10:00:00Z"), other.cnamRecords().get(0).creationTime().orElseThrow());
                assertEquals(Instant.parse("2024-03-03T10:00:00Z"), other.cnamRecords().get(0).approvalTime().orElseThrow());
                assertEquals("2024-03-03 10:00:00.000000+00:00", attributes.path("approval_datetime").asText());
                assertEquals(List.of(id), ids(otherClient.get("/v2/cnams?is_approved=true")));
            }
        }

        @Test
        void approvingByHandBeforeTheDelayKeepsTheEarlierTime() {
            ManualClock clock = new ManualClock(Instant.parse("2024-03-01T10:00:00Z"));
            try (FlowrouteSandbox other = FlowrouteSandbox.builder().clock(clock).cnamApprovalDelay(Duration.ofHours(48))
                    .inventorySize(10).start()) {
                String id = json(new V2(other).post("/v2/cnams", "{\"value\":\"Bob Law\"}")).path("data").path("id").asText();
                clock.advance(Duration.ofHours(2));

                other.approveCnam(id);
                clock.advance(Duration.ofHours(100));
                other.approveCnam(id);

                assertEquals(Instant.parse("2024-03-01T12:00:00Z"), other.cnamRecords().get(0).approvalTime().orElseThrow());
            }
        }

        @Test
        void aZeroDelayApprovesAtOnceAndANegativeOneIsRefused() {
            try (FlowrouteSandbox other = FlowrouteSandbox.builder().cnamApprovalDelay(Duration.ZERO).inventorySize(10).start()) {
                HttpResponse<String> created = new V2(other).post("/v2/cnams", "{\"value\":\"Bob Law\"}");

                assertTrue(json(created).path("data").path("attributes").path("is_approved").asBoolean(false), created.body());
            }
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> FlowrouteSandbox.builder().cnamApprovalDelay(Duration.ofSeconds(-1)));
            assertTrue(refused.getMessage().contains("cnamApprovalDelay"), refused.getMessage());
        }
    }
}
