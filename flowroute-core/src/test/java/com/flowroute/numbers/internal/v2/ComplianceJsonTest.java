package com.flowroute.numbers.internal.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.E911Address;
import com.flowroute.numbers.E911Record;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The v2 E911 and CNAM wire: Flowroute's documented responses (src/test/resources/v2/compliance/,
 * taken from the examples of its v3 Python library's README and its API reference; cnam-detail.json
 * is assembled from the reference's field list, with JSON-number ids), the drift the client must
 * tolerate, malformed responses, the sandbox's request decoding, and round trips both ways.
 */
class ComplianceJsonTest {
    private static final E911Address SUITE = E911Address.builder()
            .label("Office Space III").firstName("Albus").lastName("Rasputin, Jr.")
            .streetNumber("666").streetName("Main St").addressType("Suite").addressTypeNumber("333")
            .city("Seattle").state("WA").country("US").zip("98101")
            .build();
    private static final E911Address TORONTO = E911Address.builder()
            .label("Toronto office").firstName("Jean").lastName("Tremblay")
            .streetNumber("100").streetName("Queen St W")
            .city("Toronto").state("ON").country("CA").zip("M5H 2N2")
            .build();

    private static byte[] fixture(String name) {
        try (InputStream in = ComplianceJsonTest.class.getResourceAsStream("/v2/compliance/" + name)) {
            assertNotNull(in, "missing test resource v2/compliance/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** An E911 record document whose attributes are {@code attributes} (a JSON object's members). */
    private static byte[] e911With(String attributes) {
        return utf8("{\"data\":{\"type\":\"e911\",\"id\":\"1\",\"attributes\":{" + attributes + "}}}");
    }

    private static final String SEATTLE = "\"label\":\"L\",\"first_name\":\"F\",\"last_name\":\"N\",\"street_number\":\"1\","
            + "\"street_name\":\"Main St\",\"city\":\"Seattle\",\"state\":\"WA\",\"country\":\"US\"";

    @Nested
    class DocumentedResponses {
        @Test
        void e911ListingReadsEveryRecordAndTheNextLink() {
            Page<E911Record> page = ComplianceJson.e911Records(fixture("e911s.json"));
            assertEquals(List.of("20930", "20707"), page.items().stream().map(E911Record::id).toList());
            E911Address first = page.items().get(0).address();
            assertEquals("Example E911", first.label());
            assertEquals("Maria", first.firstName());
            assertEquals("Bermudez", first.lastName());
            assertEquals("7742", first.streetNumber());
            assertEquals("20th Ave SW", first.streetName());
            assertEquals(Optional.of("Lobby"), first.addressType());
            assertEquals(Optional.of("12"), first.addressTypeNumber());
            assertEquals("Seattle", first.city());
            assertEquals("WA", first.state());
            assertEquals("US", first.country(), "the documented \"USA\" reads as US");
            assertEquals("98106", first.zip());
            assertEquals("US", page.items().get(1).address().country());
            assertEquals(Optional.of("https://api.flowroute.com/v2/e911s?limit=2&offset=2"), page.nextLink());
            assertEquals(Optional.empty(), page.prevLink());
        }

        @Test
        void e911DetailsReadTheWholeAddress() {
            E911Record record = ComplianceJson.e911Record(fixture("e911.json"));
            assertEquals(E911Record.of("21845", SUITE), record);
        }

        @Test
        void aCreatedE911RecordWithoutAddressTypeHasNone() {
            E911Record record = ComplianceJson.e911Record(fixture("e911-created.json"));
            assertEquals("21301", record.id());
            assertEquals(Optional.empty(), record.address().addressType());
            assertEquals(Optional.empty(), record.address().addressTypeNumber());
            assertEquals("1218", record.address().streetNumber());
        }

        @Test
        void numbersOfAnE911RecordAreTheirValuesNotTheRelationshipIds() {
            Page<PhoneNumber> page = ComplianceJson.e911Numbers(fixture("e911-numbers.json"));
            assertEquals(List.of(PhoneNumber.parse("12065014377"), PhoneNumber.parse("12062011682")), page.items());
            assertEquals(Optional.empty(), page.nextLink());
        }

        @Test
        void cnamListingReadsApprovalTimesAndEmptyReasons() {
            Page<CnamRecord> page = ComplianceJson.cnamRecords(fixture("cnams.json"));
            assertEquals(List.of("17604", "22671", "22790"), page.items().stream().map(CnamRecord::id).toList());
            CnamRecord maria = page.items().get(0);
            assertEquals("TEST, MARIA", maria.value());
            assertTrue(maria.approved());
            assertEquals(Optional.empty(), maria.creationTime());
            assertEquals(Optional.empty(), maria.approvalTime());
            assertEquals(Optional.empty(), maria.rejectionReason(), "an empty rejection_reason is no reason");
            CnamRecord regence = page.items().get(1);
            assertEquals(Optional.of(Instant.parse("2018-04-12T19:08:39.062539Z")), regence.creationTime());
            assertEquals(Optional.of(Instant.parse("2018-04-16T16:20:32.939166Z")), regence.approvalTime());
            assertEquals(Optional.empty(), page.nextLink());
        }

        @Test
        void aCreatedCnamRecordIsPending() {
            CnamRecord record = ComplianceJson.cnamRecord(fixture("cnam-created.json"));
            assertEquals(CnamRecord.builder()
                    .id("23454")
                    .value("FR H5K8")
                    .approved(false)
                    .creationTime(Instant.parse("2018-06-01T00:09:52.513092Z"))
                    .build(), record);
        }

        @Test
        void cnamDetailsWithNumericIdsIsoTimesAndIncludedNumbers() {
            CnamRecord record = ComplianceJson.cnamRecord(fixture("cnam-detail.json"));
            assertEquals("22671", record.id());
            assertEquals("REGENCE INC", record.value());
            assertTrue(record.approved());
            assertEquals(Optional.of(Instant.parse("2018-04-16T16:20:32.939166Z")), record.approvalTime());
        }
    }

    @Nested
    class Tolerance {
        @Test
        void numericIdsAreRead() {
            byte[] body = utf8("{\"data\":{\"type\":\"e911\",\"id\":20930,\"attributes\":{" + SEATTLE + ",\"zip\":\"98106\"}}}");
            assertEquals("20930", ComplianceJson.e911Record(body).id());
            byte[] cnams = utf8("{\"data\":[{\"type\":\"cnam\",\"id\":17604,\"attributes\":{\"value\":\"BOB\",\"is_approved\":true}}]}");
            assertEquals("17604", ComplianceJson.cnamRecords(cnams).items().get(0).id());
            byte[] numbers = utf8("{\"data\":[{\"type\":\"number\",\"id\":12062011682}]}");
            assertEquals(List.of(PhoneNumber.parse("12062011682")), ComplianceJson.e911Numbers(numbers).items());
        }

        @Test
        void unknownFieldsAndResourcesOfOtherTypesAreIgnored() {
            byte[] body = utf8("{\"meta\":{\"total\":2},\"data\":["
                    + "{\"type\":\"e911\",\"id\":\"1\",\"attributes\":{" + SEATTLE + ",\"zip\":\"98101\",\"geocode\":{\"lat\":47.6}},"
                    + "\"relationships\":{\"numbers\":{\"data\":[]}}},"
                    + "{\"type\":\"route\",\"id\":\"2\",\"attributes\":{\"alias\":\"x\"}},"
                    + "{\"id\":\"3\",\"attributes\":{" + SEATTLE + ",\"zip\":\"98102\"}}],"
                    + "\"links\":{\"self\":\"s\",\"prev\":\"https://api.flowroute.com/v2/e911s?limit=2&offset=0\",\"first\":\"f\"}}");
            Page<E911Record> page = ComplianceJson.e911Records(body);
            assertEquals(List.of("1", "3"), page.items().stream().map(E911Record::id).toList());
            assertEquals(Optional.of("https://api.flowroute.com/v2/e911s?limit=2&offset=0"), page.prevLink());
            byte[] cnam = utf8("{\"data\":{\"type\":\"cnam\",\"id\":\"9\",\"attributes\":{\"value\":\"BOB\",\"is_approved\":false,"
                    + "\"rejection_reason\":\"Appears to be a phone number\",\"status\":\"rejected\"}}}");
            assertEquals(Optional.of("Appears to be a phone number"), ComplianceJson.cnamRecord(cnam).rejectionReason());
        }

        @Test
        void emptyAddressTypeAndNumberAreAbsent() {
            E911Address address = ComplianceJson.e911Record(
                    e911With(SEATTLE + ",\"zip\":\"98101\",\"address_type\":\"\",\"address_type_number\":null")).address();
            assertEquals(Optional.empty(), address.addressType());
            assertEquals(Optional.empty(), address.addressTypeNumber());
        }

        @Test
        void numbersWhereTheReferenceSaysInteger() {
            E911Address address = ComplianceJson.e911Record(e911With("\"label\":\"L\",\"first_name\":\"F\",\"last_name\":\"N\","
                    + "\"street_number\":666,\"street_name\":\"Main St\",\"address_type\":\"suite\",\"address_type_number\":333,"
                    + "\"city\":\"Boston\",\"state\":\"ma\",\"country\":\"usa\",\"zip\":2134")).address();
            assertEquals("666", address.streetNumber());
            assertEquals(Optional.of("Suite"), address.addressType());
            assertEquals(Optional.of("333"), address.addressTypeNumber());
            assertEquals("MA", address.state());
            assertEquals("02134", address.zip(), "a zip sent as a JSON number gets its leading zero back");
        }

        @Test
        void cnamRecordsWithMissingOptionalFields() {
            CnamRecord record = ComplianceJson.cnamRecord(utf8("{\"data\":{\"id\":\"5\",\"attributes\":{\"value\":\"BOB\"}}}"));
            assertEquals(CnamRecord.builder().id("5").value("BOB").approved(false).build(), record);
            CnamRecord quoted = ComplianceJson.cnamRecord(utf8(
                    "{\"data\":{\"id\":\"5\",\"attributes\":{\"value\":\"BOB\",\"is_approved\":\"true\",\"creation_datetime\":\"\"}}}"));
            assertTrue(quoted.approved());
            assertEquals(Optional.empty(), quoted.creationTime());
        }

        static Stream<Arguments> times() {
            return Stream.of(
                    Arguments.of("2018-06-01 00:09:52.513092+00:00", "2018-06-01T00:09:52.513092Z"),
                    Arguments.of("2018-06-01T00:09:52.513092Z", "2018-06-01T00:09:52.513092Z"),
                    Arguments.of("2018-06-01T02:09:52+02:00", "2018-06-01T00:09:52Z"),
                    Arguments.of("2018-06-01 00:09:52", "2018-06-01T00:09:52Z"),
                    Arguments.of("2018-06-01T00:09:52.5+0000", "2018-06-01T00:09:52.500Z"));
        }

        @ParameterizedTest
        @MethodSource("times")
        void cnamTimesInFlowroutesFormatAndIso8601(String wire, String instant) {
            CnamRecord record = ComplianceJson.cnamRecord(utf8(
                    "{\"data\":{\"id\":\"5\",\"attributes\":{\"value\":\"BOB\",\"creation_datetime\":\"" + wire + "\"}}}"));
            assertEquals(Optional.of(Instant.parse(instant)), record.creationTime());
        }

        @Test
        void emptyListings() {
            assertEquals(List.of(), ComplianceJson.e911Records(utf8("{\"data\":[],\"links\":{\"self\":\"s\"}}")).items());
            assertEquals(List.of(), ComplianceJson.cnamRecords(utf8("{}")).items());
            assertEquals(List.of(), ComplianceJson.e911Numbers(utf8("{\"data\":null}")).items());
        }
    }

    @Nested
    class MalformedResponses {
        static Stream<Arguments> malformed() {
            return Stream.of(
                    Arguments.of("not JSON", utf8("<html>502</html>"), "not JSON"),
                    Arguments.of("data is a list", utf8("{\"data\":[]}"), "\"data\""),
                    Arguments.of("no id", utf8("{\"data\":{\"type\":\"e911\",\"attributes\":{" + SEATTLE + ",\"zip\":\"98101\"}}}"), "\"id\""),
                    Arguments.of("no city", utf8("{\"data\":{\"id\":\"1\",\"attributes\":{\"label\":\"L\",\"first_name\":\"F\","
                            + "\"last_name\":\"N\",\"street_number\":\"1\",\"street_name\":\"S\",\"state\":\"WA\",\"country\":\"US\","
                            + "\"zip\":\"98101\"}}}"), "city null is invalid"),
                    Arguments.of("bad zip", e911With(SEATTLE + ",\"zip\":\"1234\""), "zip \"1234\" is invalid: a US zip code"),
                    Arguments.of("unknown address type", e911With(SEATTLE + ",\"zip\":\"98101\",\"address_type\":\"Hangar\","
                            + "\"address_type_number\":\"3\""), "address_type \"Hangar\""),
                    Arguments.of("first name an object", e911With(SEATTLE.replace("\"first_name\":\"F\"", "\"first_name\":{}")
                            + ",\"zip\":\"98101\""), "first_name is a JSON object"),
                    Arguments.of("attributes a string", utf8("{\"data\":{\"id\":\"1\",\"attributes\":\"x\"}}"), "\"attributes\""));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("malformed")
        void malformedE911ResponsesAreTransportErrorsSayingWhy(String name, byte[] body, String why) {
            FlowrouteTransportException thrown = assertThrows(FlowrouteTransportException.class,
                    () -> ComplianceJson.e911Record(body));
            assertTrue(thrown.getMessage().contains(why), thrown.getMessage());
        }

        static Stream<Arguments> malformedCnams() {
            return Stream.of(
                    Arguments.of("no value", "{\"data\":{\"id\":\"5\",\"attributes\":{\"is_approved\":true}}}", "\"value\""),
                    Arguments.of("approval not a boolean", "{\"data\":{\"id\":\"5\",\"attributes\":{\"value\":\"B\",\"is_approved\":\"maybe\"}}}",
                            "\"is_approved\""),
                    Arguments.of("creation time not a time", "{\"data\":{\"id\":\"5\",\"attributes\":{\"value\":\"B\","
                            + "\"creation_datetime\":\"yesterday\"}}}", "\"creation_datetime\" is not a date-time"),
                    Arguments.of("empty body", "", "empty"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("malformedCnams")
        void malformedCnamResponsesAreTransportErrorsSayingWhy(String name, String body, String why) {
            FlowrouteTransportException thrown = assertThrows(FlowrouteTransportException.class,
                    () -> ComplianceJson.cnamRecord(utf8(body)));
            assertTrue(thrown.getMessage().contains(why), thrown.getMessage());
        }

        @Test
        void aNumberThatIsNotNanpIsATransportError() {
            FlowrouteTransportException thrown = assertThrows(FlowrouteTransportException.class,
                    () -> ComplianceJson.e911Numbers(utf8("{\"data\":[{\"type\":\"number\",\"id\":\"682705\"}]}")));
            assertTrue(thrown.getMessage().contains("value \"682705\""), thrown.getMessage());
        }
    }

    @Nested
    class RequestBodies {
        @Test
        void e911BodyIsTheDocumentedJsonApiDocument() {
            assertEquals("{\"data\":{\"type\":\"e911\",\"attributes\":{\"label\":\"Office Space III\",\"first_name\":\"Albus\","
                    + "\"last_name\":\"Rasputin, Jr.\",\"street_number\":\"666\",\"street_name\":\"Main St\",\"address_type\":\"Suite\","
                    + "\"address_type_number\":\"333\",\"city\":\"Seattle\",\"state\":\"WA\",\"country\":\"US\",\"zip\":\"98101\"}}}",
                    text(ComplianceJson.e911Body(SUITE)));
        }

        @Test
        void e911BodyLeavesOutAnAbsentAddressType() {
            JsonNode attributes = Json.responseObject(ComplianceJson.e911Body(TORONTO)).path("data").path("attributes");
            assertFalse(attributes.has("address_type"));
            assertFalse(attributes.has("address_type_number"));
            assertEquals("M5H 2N2", attributes.path("zip").asText());
            assertEquals("CA", attributes.path("country").asText());
        }

        @Test
        void cnamBodyIsTheUnwrappedValue() {
            assertEquals("{\"value\":\"Bob Law\"}", text(ComplianceJson.cnamBody("Bob Law")));
        }

        @Test
        void cnamBodyRefusesAValueThatBreaksTheRules() {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> ComplianceJson.cnamBody("12065551212"));
            assertTrue(thrown.getMessage().startsWith("value \"12065551212\" is invalid"), thrown.getMessage());
        }
    }

    @Nested
    class SandboxDecoding {
        static Stream<Arguments> badE911Bodies() {
            String full = SEATTLE + ",\"zip\":\"98101\"";
            return Stream.of(
                    Arguments.of("not JSON", utf8("label=secret-sentinel"), "the request body is not JSON"),
                    Arguments.of("an array", utf8("[]"), "the request body is a JSON array"),
                    Arguments.of("no data", utf8("{\"type\":\"e911\"}"), "data is missing"),
                    Arguments.of("no type", utf8("{\"data\":{\"attributes\":{" + full + "}}}"), "data.type null is invalid: must be \"e911\""),
                    Arguments.of("another type", utf8("{\"data\":{\"type\":\"route\",\"attributes\":{" + full + "}}}"),
                            "data.type \"route\" is invalid"),
                    Arguments.of("no attributes", utf8("{\"data\":{\"type\":\"e911\"}}"), "data.attributes is missing"),
                    Arguments.of("no first name", body(SEATTLE.replace("\"first_name\":\"F\",", "") + ",\"zip\":\"98101\""),
                            "first_name null is invalid: is required"),
                    Arguments.of("blank last name", body(SEATTLE.replace("\"last_name\":\"N\"", "\"last_name\":\" \"") + ",\"zip\":\"98101\""),
                            "last_name \" \" is invalid: must not be blank"),
                    Arguments.of("street number an array", body(SEATTLE.replace("\"street_number\":\"1\"", "\"street_number\":[1]")
                            + ",\"zip\":\"98101\""), "street_number is a JSON array"),
                    Arguments.of("US zip of four digits", body(SEATTLE + ",\"zip\":\"1234\""),
                            "zip \"1234\" is invalid: a US zip code is 5 digits or 5+4 digits"),
                    Arguments.of("Canadian code not a code", body(SEATTLE.replace("\"country\":\"US\"", "\"country\":\"CA\"")
                            + ",\"zip\":\"98101\""), "zip \"98101\" is invalid: a Canadian postal code"),
                    Arguments.of("Mexico", body(SEATTLE.replace("\"country\":\"US\"", "\"country\":\"MX\"") + ",\"zip\":\"98101\""),
                            "country \"MX\" is invalid: must be US or CA"),
                    Arguments.of("state of three letters", body(SEATTLE.replace("\"state\":\"WA\"", "\"state\":\"WAS\"")
                            + ",\"zip\":\"98101\""), "state \"WAS\" is invalid"),
                    Arguments.of("address type without number", body(full + ",\"address_type\":\"Suite\""),
                            "address_type_number null is invalid: is required when address_type is set"),
                    Arguments.of("number without address type", body(full + ",\"address_type_number\":\"12\""),
                            "address_type_number \"12\" is invalid: needs address_type as well"),
                    Arguments.of("unknown address type", body(full + ",\"address_type\":\"Hangar\",\"address_type_number\":\"1\""),
                            "address_type \"Hangar\" is invalid: must be one of"));
        }

        private static byte[] body(String attributes) {
            return utf8("{\"data\":{\"type\":\"e911\",\"attributes\":{" + attributes + "}}}");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badE911Bodies")
        void badE911BodiesAreRefusedNamingTheWireField(String name, byte[] body, String message) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> ComplianceJson.decodeE911(body));
            assertTrue(thrown.getMessage().startsWith(message), thrown.getMessage());
            assertFalse(thrown.getMessage().contains("secret-sentinel"), "the body is not repeated: " + thrown.getMessage());
        }

        @Test
        void anE911BodyIsNormalisedLikeTheBuilder() {
            E911Address decoded = ComplianceJson.decodeE911(body("\"label\":\"Toronto office\",\"first_name\":\"Jean\","
                    + "\"last_name\":\"Tremblay\",\"street_number\":100,\"street_name\":\"Queen St W\",\"city\":\"Toronto\","
                    + "\"state\":\"on\",\"country\":\"canada\",\"zip\":\"m5h2n2\",\"extra\":true"));
            assertEquals(TORONTO, decoded);
        }

        @Test
        void cnamBodiesUnwrappedAndWrapped() {
            assertEquals("Bob Law", ComplianceJson.decodeCnam(utf8("{\"value\":\"Bob Law\"}")));
            assertEquals("MY BUSINESS", ComplianceJson.decodeCnam(
                    utf8("{\"data\":{\"type\":\"cnam\",\"attributes\":{\"value\":\"MY BUSINESS\"}}}")));
        }

        static Stream<Arguments> badCnamBodies() {
            return Stream.of(
                    Arguments.of("not JSON", "value=Bob", "the request body is not JSON"),
                    Arguments.of("a string", "\"Bob Law\"", "the request body is a JSON string"),
                    Arguments.of("no value", "{\"name\":\"Bob Law\"}", "value null is invalid: is required"),
                    Arguments.of("value null", "{\"value\":null}", "value null is invalid: is required"),
                    Arguments.of("value a number", "{\"value\":12065551212}", "value is a JSON number"),
                    Arguments.of("too long", "{\"value\":\"ABCDEFGHIJKLMNOP\"}", "value \"ABCDEFGHIJKLMNOP\" is invalid: a CNAM value is 1 to 15"),
                    Arguments.of("no letter", "{\"value\":\"2065551212\"}", "value \"2065551212\" is invalid: a CNAM value needs at least one letter"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badCnamBodies")
        void badCnamBodiesAreRefusedNamingTheField(String name, String body, String message) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> ComplianceJson.decodeCnam(utf8(body)));
            assertTrue(thrown.getMessage().startsWith(message), thrown.getMessage());
        }
    }

    @Nested
    class RoundTrips {
        @Test
        void clientE911BodiesDecodeOnTheServerToTheSameAddress() {
            assertEquals(SUITE, ComplianceJson.decodeE911(ComplianceJson.e911Body(SUITE)));
            assertEquals(TORONTO, ComplianceJson.decodeE911(ComplianceJson.e911Body(TORONTO)));
        }

        @Test
        void clientCnamBodiesDecodeOnTheServerToTheSameValue() {
            assertEquals("O'Brien & Sons", ComplianceJson.decodeCnam(ComplianceJson.cnamBody("O'Brien & Sons")));
        }

        @Test
        void anE911DocumentReadsBackAsTheRecord() {
            E911Record record = E911Record.of("21845", SUITE);
            byte[] document = ComplianceJson.e911Document(record, "http://127.0.0.1:8080/v2/e911s/21845");
            assertEquals(record, ComplianceJson.e911Record(document));
            JsonNode data = Json.responseObject(document).path("data");
            assertEquals("e911", data.path("type").asText());
            assertEquals("http://127.0.0.1:8080/v2/e911s/21845", data.path("links").path("self").asText());
        }

        @Test
        void anE911ListingReadsBackWithItsNextLink() {
            List<E911Record> records = List.of(E911Record.of("1", SUITE), E911Record.of("2", TORONTO));
            String next = "http://127.0.0.1:8080/v2/e911s?limit=2&offset=2";
            byte[] document = ComplianceJson.e911sDocument(records, Optional.of(next),
                    "http://127.0.0.1:8080/v2/e911s?limit=2&offset=0");
            Page<E911Record> page = ComplianceJson.e911Records(document);
            assertEquals(records, page.items());
            assertEquals(Optional.of(next), page.nextLink());
            assertEquals("http://127.0.0.1:8080/v2/e911s/2",
                    Json.responseObject(document).path("data").path(1).path("links").path("self").asText());
            Page<E911Record> last = ComplianceJson.e911Records(ComplianceJson.e911sDocument(List.of(), Optional.empty(), "s"));
            assertEquals(List.of(), last.items());
            assertEquals(Optional.empty(), last.nextLink());
        }

        @Test
        void aNumbersListingReadsBack() {
            List<PhoneNumber> numbers = List.of(PhoneNumber.parse("12065014377"), PhoneNumber.parse("12062011682"));
            Page<PhoneNumber> page = ComplianceJson.e911Numbers(ComplianceJson.numbersDocument(numbers,
                    Optional.of("http://127.0.0.1/next"), "http://127.0.0.1/v2/e911s/1/relationships/numbers"));
            assertEquals(numbers, page.items());
            assertEquals(Optional.of("http://127.0.0.1/next"), page.nextLink());
        }

        @Test
        void aCnamDocumentReadsBackAsTheRecordWithFlowroutesTimeFormat() {
            CnamRecord record = CnamRecord.builder()
                    .id("23454")
                    .value("FR H5K8")
                    .approved(false)
                    .creationTime(Instant.parse("2018-06-01T00:09:52.513092Z"))
                    .rejectionReason("Appears to be a phone number")
                    .build();
            byte[] document = ComplianceJson.cnamDocument(record, "http://127.0.0.1/v2/cnams/23454");
            assertEquals(record, ComplianceJson.cnamRecord(document));
            JsonNode attributes = Json.responseObject(document).path("data").path("attributes");
            assertEquals("2018-06-01 00:09:52.513092+00:00", attributes.path("creation_datetime").asText());
            assertTrue(attributes.path("approval_datetime").isNull(), "unset attributes are written as null, as Flowroute does");
            assertFalse(attributes.path("is_approved").asBoolean(true));
        }

        @Test
        void aCnamListingReadsBack() {
            List<CnamRecord> records = List.of(
                    CnamRecord.builder().id("1").value("BOB LAW").approved(true)
                            .creationTime(Instant.parse("2018-04-12T19:08:39.062539Z"))
                            .approvalTime(Instant.parse("2018-04-16T16:20:32Z")).build(),
                    CnamRecord.builder().id("2").value("FR H5K8").approved(false).build());
            byte[] document = ComplianceJson.cnamsDocument(records, Optional.empty(), "http://127.0.0.1/v2/cnams?limit=10&offset=0");
            Page<CnamRecord> page = ComplianceJson.cnamRecords(document);
            assertEquals(records, page.items());
            assertEquals(Optional.empty(), page.nextLink());
            assertEquals("http://127.0.0.1/v2/cnams/1", Json.responseObject(document).path("data").path(0).path("links").path("self").asText());
        }

        @Test
        void documentedResponsesSurviveAServerRoundTrip() {
            Page<E911Record> e911s = ComplianceJson.e911Records(fixture("e911s.json"));
            assertEquals(e911s.items(), ComplianceJson.e911Records(
                    ComplianceJson.e911sDocument(e911s.items(), e911s.nextLink(), "s")).items());
            Page<CnamRecord> cnams = ComplianceJson.cnamRecords(fixture("cnams.json"));
            assertEquals(cnams.items(), ComplianceJson.cnamRecords(
                    ComplianceJson.cnamsDocument(cnams.items(), Optional.empty(), "s")).items());
        }
    }
}
