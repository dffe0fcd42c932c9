package com.flowroute.numbers.internal.v2;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.DeliveryReceipt;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.MessageDirection;
import com.flowroute.numbers.MessageQuery;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.MessageStatus;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The v2.1 messaging wire: the exact bodies the client sends, Flowroute's documented answers
 * read into models, both round trips (client encodes, server decodes; server encodes, client
 * decodes), and bad bodies on each side.
 */
class MessagingJsonTest {
    private static final PhoneNumber FROM = PhoneNumber.parse("12065550100");
    private static final PhoneNumber TO = PhoneNumber.parse("12065550199");
    private static final URI GIF = URI.create("https://s3.amazonaws.com/barkpost-assets/50+GIFs/37.gif");
    private static final URI DLR = URI.create("https://example.com/flowroute/dlr");
    private static final String SELF = "https://api.flowroute.com/v2.1/messages/mdr2-39cadeace66e11e7aff806cd7f24ba2d";

    static byte[] fixture(String name) {
        try (InputStream in = MessagingJsonTest.class.getResourceAsStream("/v2/messaging/" + name)) {
            assertNotNull(in, "missing test resource v2/messaging/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] body) {
        return Json.lenient(body).orElseThrow(() -> new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8)));
    }

    private static DeliveryReceipt receipt(String status, Integer code, String description, String time, Integer level) {
        return DeliveryReceipt.builder().status(MessageStatus.of(status)).statusCode(Optional.ofNullable(code))
                .statusCodeDescription(description).timestamp(Instant.parse(time)).level(Optional.ofNullable(level)).build();
    }

    // ---- client requests --------------------------------------------------------------------

    @Test
    void sendBodyOfAnMmsIsTheDocumentedDocument() {
        OutboundMessage mms = OutboundMessage.mms(FROM, TO, "hello there", List.of(GIF)).withDeliveryCallback(DLR);

        assertEquals(tree(fixture("send-request.json")), tree(MessagingJson.sendBody(mms)));
    }

    @Test
    void sendBodyOfAnSmsHasNoMediaAndIsMmsFalse() {
        JsonNode body = tree(MessagingJson.sendBody(OutboundMessage.sms(FROM, TO, "hi \uD83D\uDE00")));

        assertEquals(tree(utf8("{\"data\":{\"type\":\"message\",\"attributes\":{\"to\":\"12065550199\",\"from\":\"12065550100\","
                + "\"body\":\"hi \uD83D\uDE00\",\"is_mms\":\"false\"}}}")), body);
    }

    @Test
    void listFiltersAreUtcDateTimesToTheMillisecond() {
        MessageQuery query = MessageQuery.builder().start(Instant.parse("2017-12-01T00:00:00Z"))
                .end(Instant.parse("2018-01-08T10:15:30.123456Z")).pageSize(2).page(3).build();

        assertEquals(List.of(Map.entry("start_date", "2017-12-01T00:00:00.000Z"), Map.entry("end_date", "2018-01-08T10:15:30.123Z")),
                MessagingJson.listFilters(query));
        assertEquals(List.of(Map.entry("start_date", "2017-12-01T00:00:00.000Z")),
                MessagingJson.listFilters(MessageQuery.since(Instant.parse("2017-12-01T00:00:00Z"))));
    }

    @Test
    void callbackBodyCarriesTheUrlAndRefusesANonHttpOne() {
        assertEquals(tree(utf8("{\"callback_url\":\"https://example.com/flowroute/dlr\"}")), tree(MessagingJson.callbackBody(DLR)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessagingJson.callbackBody(URI.create("mailto:ops@example.com")));
        assertTrue(e.getMessage().startsWith("callbackUrl \"mailto:ops@example.com\" is invalid: must be an absolute http or https URL"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MessagingJson.callbackBody(null));
    }

    // ---- client responses: Flowroute's documented payloads ------------------------------------

    @Test
    void sentIdIsTheMdr2IdOfTheAnswer() {
        assertEquals("mdr2-39cadeace66e11e7aff806cd7f24ba2d", MessagingJson.sentId(fixture("send-response.json")));
    }

    @Test
    void recordIsReadWithExactDollarsAndAllFields() {
        MessageRecord record = MessagingJson.record(fixture("record.json"));

        assertAll(
                () -> assertEquals("mdr2-ca82be46e6ba11e79d08862d092cf73d", record.id()),
                () -> assertEquals(PhoneNumber.parse("12065552634"), record.from()),
                () -> assertEquals(PhoneNumber.parse("12012673227"), record.to()),
                () -> assertEquals("Hello are you there? ", record.body()),
                () -> assertEquals(MessageDirection.INBOUND, record.direction()),
                () -> assertEquals(MessageStatus.DELIVERED, record.status()),
                () -> assertFalse(record.isMms()),
                () -> assertEquals(List.of(), record.mediaUrls()),
                () -> assertEquals(Instant.parse("2017-12-22T01:52:39.390Z"), record.timestamp()),
                () -> assertEquals(new BigDecimal("0.004"), record.amount()),
                () -> assertEquals(List.of(), record.deliveryReceipts()),
                () -> assertEquals(Optional.of("longcode"), record.messageType()));
    }

    @Test
    void recordsAreReadInOrderWithReceiptsAndTheNextLink() {
        Page<MessageRecord> page = MessagingJson.records(fixture("list.json"));

        assertEquals(List.of("mdr2-ca82be46e6ba11e79d08862d092cf73d", "mdr2-39cadeace66e11e7aff806cd7f24ba2d"),
                page.items().stream().map(MessageRecord::id).toList());
        assertEquals(Optional.of("https://api.flowroute.com/v2.1/messages?limit=2&start_date=2017-12-01T00%3A00%3A00%2B00%3A00"
                + "&end_date=2018-01-08T00%3A00%3A00%2B00%3A00&offset=2"), page.nextLink());
        assertEquals(Optional.empty(), page.prevLink());

        MessageRecord sent = page.items().get(1);
        assertEquals(MessageDirection.OUTBOUND, sent.direction());
        assertEquals(MessageStatus.MESSAGE_BUFFERED, sent.status());
        assertEquals(Instant.parse("2017-12-21T16:44:34.930Z"), sent.timestamp());
        assertEquals(List.of(
                receipt("message buffered", 1003, "Message accepted by Carrier", "2017-12-21T16:44:35Z", 2),
                receipt("smsc submit", null, "Message has been sent", "2017-12-21T16:44:35Z", 1)), sent.deliveryReceipts());
        assertEquals(Optional.empty(), sent.deliveryReceipts().get(0).id());
    }

    @Test
    void emptyListHasNoItemsAndNoNextLink() {
        Page<MessageRecord> page = MessagingJson.records(utf8("{\"data\":[],\"links\":{\"self\":\"https://api.flowroute.com/v2.1/messages\"}}"));
        assertEquals(List.of(), page.items());
        assertEquals(Optional.empty(), page.nextLink());
        assertEquals(List.of(), MessagingJson.records(utf8("{}")).items());
    }

    static Stream<Arguments> amounts() {
        return Stream.of(
                Arguments.of("\"amount_nanodollars\":4000000", "0.004"),
                Arguments.of("\"amount_nanodollars\":19500000", "0.0195"),
                Arguments.of("\"amount_nanodollars\":1000000000", "1"),
                Arguments.of("\"amount_nanodollars\":12000000000", "12"),
                Arguments.of("\"amount_nanodollars\":1", "0.000000001"),
                Arguments.of("\"amount_nanodollars\":0", "0"),
                Arguments.of("\"amount_nanodollars\":\"4000000\"", "0.004"),
                Arguments.of("\"amount_display\":\"$0.0040\"", "0.0040"),
                Arguments.of("\"amount_display\":0.0075", "0.0075"),
                Arguments.of("\"other\":1", "0"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("amounts")
    void amountIsExactDollarsFromNanodollars(String field, String dollars) {
        MessageRecord record = MessagingJson.record(utf8("{\"data\":{\"type\":\"message\",\"id\":\"mdr2-1\",\"attributes\":{"
                + "\"from\":\"12065550100\",\"to\":\"12065550199\",\"direction\":\"outbound\",\"timestamp\":\"2017-12-21T16:44:34.93Z\","
                + field + "}}}"));
        assertEquals(new BigDecimal(dollars), record.amount());
    }

    @Test
    void recordToleratesDriftAndUnknownFields() {
        MessageRecord record = MessagingJson.record(utf8("{\"data\":{\"type\":\"message\",\"id\":\"mdr2-1\",\"attributes\":{"
                + "\"from\":\"+12065550100\",\"to\":\"12065550199\",\"direction\":\"outbound\",\"status\":\"expired\","
                + "\"timestamp\":\"2017-12-21 16:44:34\",\"body\":null,\"is_mms\":\"true\",\"media_urls\":[\"https://example.com/a.png\"],"
                + "\"new_field\":{\"x\":[1,2]},\"message_type\":\"toll-free\",\"amount_nanodollars\":4000000}},\"meta\":{}}"));
        assertEquals(FROM, record.from());
        assertEquals("", record.body());
        assertEquals(MessageStatus.of("expired"), record.status());
        assertFalse(record.status().isKnown());
        assertEquals(Instant.parse("2017-12-21T16:44:34Z"), record.timestamp());
        assertTrue(record.isMms());
        assertEquals(List.of(URI.create("https://example.com/a.png")), record.mediaUrls());
        assertEquals(Optional.of("toll-free"), record.messageType());
    }

    static Stream<Arguments> malformedResponses() {
        String attributes = "\"from\":\"12065550100\",\"to\":\"12065550199\",\"direction\":\"outbound\",\"timestamp\":\"2017-12-21T16:44:34.93Z\"";
        return Stream.of(
                Arguments.of("empty", "", "empty"),
                Arguments.of("HTML", "<html><body>502 Bad Gateway</body></html>", "not JSON"),
                Arguments.of("array", "[]", "expected a JSON object"),
                Arguments.of("data an array", "{\"data\":[]}", "\"data\" is ARRAY"),
                Arguments.of("no id", "{\"data\":{\"type\":\"message\",\"attributes\":{" + attributes + "}}}", "\"id\""),
                Arguments.of("no from", "{\"data\":{\"id\":\"m\",\"attributes\":{\"to\":\"12065550199\",\"direction\":\"outbound\","
                        + "\"timestamp\":\"2017-12-21T16:44:34.93Z\"}}}", "\"from\""),
                Arguments.of("from not NANP", "{\"data\":{\"id\":\"m\",\"attributes\":{" + attributes.replace("12065550100", "44207946")
                        + "}}}", "from \"44207946\" is invalid"),
                Arguments.of("bad timestamp", "{\"data\":{\"id\":\"m\",\"attributes\":{" + attributes.replace("2017-12-21T16:44:34.93Z", "yesterday")
                        + "}}}", "timestamp \"yesterday\" is invalid"),
                Arguments.of("bad amount", "{\"data\":{\"id\":\"m\",\"attributes\":{" + attributes + ",\"amount_nanodollars\":\"lots\"}}}",
                        "\"amount_nanodollars\""),
                Arguments.of("receipts not an array", "{\"data\":{\"id\":\"m\",\"attributes\":{" + attributes + ",\"delivery_receipts\":{}}}}",
                        "\"delivery_receipts\" is OBJECT"),
                Arguments.of("receipt without a time", "{\"data\":{\"id\":\"m\",\"attributes\":{" + attributes
                        + ",\"delivery_receipts\":[{\"status\":\"delivered\"}]}}}", "\"timestamp\" is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedResponses")
    void malformedRecordIsATransportFailureSayingWhat(String name, String body, String what) {
        FlowrouteTransportException e = assertThrows(FlowrouteTransportException.class, () -> MessagingJson.record(utf8(body)));
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    @Test
    void malformedListAndSendAnswersAreTransportFailures() {
        assertThrows(FlowrouteTransportException.class, () -> MessagingJson.records(utf8("{\"data\":{}}")));
        assertThrows(FlowrouteTransportException.class, () -> MessagingJson.records(utf8("{\"data\":[{\"id\":\"m\"}]}")));
        assertThrows(FlowrouteTransportException.class, () -> MessagingJson.sentId(utf8("{\"data\":{\"type\":\"message\"}}")));
        assertThrows(FlowrouteTransportException.class, () -> MessagingJson.sentId(utf8("{\"data\":{\"id\":\" \"}}")));
        assertThrows(FlowrouteTransportException.class, () -> MessagingJson.sentId(utf8("accepted")));
    }

    // ---- round trips ------------------------------------------------------------------------

    static Stream<OutboundMessage> outboundMessages() {
        return Stream.of(
                OutboundMessage.sms(FROM, TO, "hello there"),
                OutboundMessage.sms(FROM, TO, "line one\nline two \"quoted\" \uD83D\uDE00").withDeliveryCallback(DLR),
                OutboundMessage.mms(FROM, TO, "", List.of(GIF)),
                OutboundMessage.mms(FROM, TO, "look", List.of(GIF, URI.create("https://example.com/b.png?x=1&y=2")))
                        .withDeliveryCallback(URI.create("http://example.com/dlr")));
    }

    @ParameterizedTest
    @MethodSource("outboundMessages")
    void whatTheClientSendsTheServerDecodesUnchanged(OutboundMessage message) {
        assertEquals(message, MessagingJson.decodeSend(MessagingJson.sendBody(message)));
    }

    @Test
    void serverDecodesTheDocumentedSendRequest() {
        OutboundMessage message = MessagingJson.decodeSend(fixture("send-request.json"));
        assertEquals(OutboundMessage.mms(FROM, TO, "hello there", List.of(GIF)).withDeliveryCallback(DLR), message);
    }

    @Test
    void serverDecodesBooleanIsMmsAndInfersItFromMedia() {
        String attributes = "\"to\":\"12065550199\",\"from\":\"12065550100\",\"body\":\"hi\"";
        assertTrue(MessagingJson.decodeSend(utf8("{\"data\":{\"type\":\"message\",\"attributes\":{" + attributes
                + ",\"is_mms\":true,\"media_urls\":[\"https://example.com/a.png\"]}}}")).isMms());
        assertTrue(MessagingJson.decodeSend(utf8("{\"data\":{\"attributes\":{" + attributes
                + ",\"media_urls\":[\"https://example.com/a.png\"]}}}")).isMms());
        assertFalse(MessagingJson.decodeSend(utf8("{\"data\":{\"attributes\":{" + attributes + ",\"is_mms\":false}}}")).isMms());
        assertFalse(MessagingJson.decodeSend(utf8("{\"data\":{\"attributes\":{" + attributes + ",\"unknown\":1}}}")).isMms());
    }

    static Stream<Arguments> badSendRequests() {
        String to = "\"to\":\"12065550199\"";
        String from = "\"from\":\"12065550100\"";
        return Stream.of(
                Arguments.of("empty", "", "empty"),
                Arguments.of("not JSON", "to=12065550199&body=hi", "not JSON"),
                Arguments.of("array", "[]", "a JSON array"),
                Arguments.of("no data", "{\"attributes\":{}}", "data"),
                Arguments.of("wrong type", "{\"data\":{\"type\":\"route\",\"attributes\":{" + to + "," + from + "}}}", "data.type \"route\""),
                Arguments.of("no to", "{\"data\":{\"attributes\":{" + from + ",\"body\":\"hi\"}}}", "\"to\" is missing"),
                Arguments.of("bad from", "{\"data\":{\"attributes\":{" + to + ",\"from\":\"555\",\"body\":\"hi\"}}}", "from \"555\" is invalid"),
                Arguments.of("no body", "{\"data\":{\"attributes\":{" + to + "," + from + "}}}", "body null is invalid"),
                Arguments.of("bad is_mms", "{\"data\":{\"attributes\":{" + to + "," + from + ",\"body\":\"hi\",\"is_mms\":\"maybe\"}}}", "\"is_mms\""),
                Arguments.of("media not an array", "{\"data\":{\"attributes\":{" + to + "," + from + ",\"is_mms\":true,\"media_urls\":\"https://a/b\"}}}",
                        "media_urls \"STRING\" is invalid"),
                Arguments.of("media item not a string", "{\"data\":{\"attributes\":{" + to + "," + from + ",\"is_mms\":true,\"media_urls\":[7]}}}",
                        "media_urls[0]"),
                Arguments.of("media not a URL", "{\"data\":{\"attributes\":{" + to + "," + from + ",\"is_mms\":true,\"media_urls\":[\"https://a b/\"]}}}",
                        "media_urls[0]"),
                Arguments.of("media on an SMS", "{\"data\":{\"attributes\":{" + to + "," + from + ",\"body\":\"hi\",\"is_mms\":\"false\","
                        + "\"media_urls\":[\"https://example.com/a.png\"]}}}", "media_urls"),
                Arguments.of("MMS without media", "{\"data\":{\"attributes\":{" + to + "," + from + ",\"is_mms\":\"true\"}}}", "mediaUrls [] is invalid"),
                Arguments.of("http media", "{\"data\":{\"attributes\":{" + to + "," + from + ",\"is_mms\":\"true\",\"media_urls\":[\"http://example.com/a\"]}}}",
                        "mediaUrls[0]"),
                Arguments.of("bad callback", "{\"data\":{\"attributes\":{" + to + "," + from + ",\"body\":\"hi\",\"dlr_callback\":\"callme\"}}}",
                        "deliveryCallback \"callme\" is invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSendRequests")
    void badSendRequestIsBadInputNamingTheField(String name, String body, String field) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessagingJson.decodeSend(utf8(body)));
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

    @Test
    void badSendRequestNeverEchoesTheBodyText() {
        String secret = "my PIN is 4921";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessagingJson.decodeSend(utf8(
                "{\"data\":{\"attributes\":{\"to\":\"12065550199\",\"from\":\"12065550100\",\"body\":\"" + secret + "x".repeat(1600) + "\"}}}")));
        assertFalse(e.getMessage().contains("PIN"), e.getMessage());
        assertTrue(e.getMessage().startsWith("the request body is not a message: body (1614 characters, not shown) is invalid"),
                e.getMessage());
    }

    @Test
    void sentAnswerIsTheDocumentedAnswerAndTheClientReadsItsId() {
        byte[] answer = MessagingJson.sentAnswer("mdr2-39cadeace66e11e7aff806cd7f24ba2d", SELF);
        assertEquals(tree(fixture("send-response.json")), tree(answer));
        assertEquals("mdr2-39cadeace66e11e7aff806cd7f24ba2d", MessagingJson.sentId(answer));
    }

    private static MessageRecord sentSms() {
        return MessageRecord.builder().id("mdr2-39cadeace66e11e7aff806cd7f24ba2d").from(FROM).to(TO).body("test sms on v2 \uD83D\uDE00")
                .direction(MessageDirection.OUTBOUND).status(MessageStatus.MESSAGE_BUFFERED)
                .timestamp(Instant.parse("2017-12-21T16:44:34.93Z")).amount(new BigDecimal("0.004"))
                .addDeliveryReceipts(receipt("message buffered", 1003, "Message accepted by Carrier", "2017-12-21T16:44:35Z", 2),
                        receipt("smsc submit", null, "Message has been sent", "2017-12-21T16:44:35Z", 1),
                        DeliveryReceipt.builder().status(MessageStatus.of("odd")).timestamp(Instant.parse("2017-12-21T16:44:36Z")).build())
                .messageType("longcode").build();
    }

    private static MessageRecord receivedMms(String id, String url) {
        return MessageRecord.builder().id(id).from(TO).to(FROM).body("")
                .direction(MessageDirection.INBOUND).status(MessageStatus.of(""))
                .timestamp(Instant.parse("2022-09-03T20:40:11Z")).amount(new BigDecimal("0.0195"))
                .addMediaUrls(URI.create(url), URI.create(url + "-2")).build();
    }

    @Test
    void recordTheServerWritesTheClientReadsUnchanged() {
        for (MessageRecord record : List.of(sentSms(), receivedMms("mdr2-aa", "https://example.com/m/aa"))) {
            assertEquals(record, MessagingJson.record(MessagingJson.recordDocument(record, SELF)));
        }
    }

    @Test
    void recordDocumentLooksLikeFlowroutes() {
        JsonNode document = tree(MessagingJson.recordDocument(sentSms(), SELF));
        JsonNode attributes = document.path("data").path("attributes");
        assertEquals("message", document.path("data").path("type").asText());
        assertEquals(SELF, document.path("data").path("links").path("self").asText());
        assertTrue(attributes.path("amount_nanodollars").isIntegralNumber());
        assertEquals(4000000L, attributes.path("amount_nanodollars").longValue());
        assertEquals("$0.0040", attributes.path("amount_display").asText());
        assertTrue(attributes.path("is_mms").isBoolean());
        assertEquals("2017-12-21T16:44:34.930Z", attributes.path("timestamp").asText());
        assertTrue(attributes.path("delivery_receipts").get(1).path("status_code").isNull());

        JsonNode mms = tree(MessagingJson.recordDocument(receivedMms("mdr2-aa", "https://example.com/m/aa"), SELF));
        assertEquals("mdr2-aa-1", mms.path("data").path("relationships").path("media").path("data").get(0).path("id").asText());
        assertEquals("https://example.com/m/aa", mms.path("included").get(0).path("attributes").path("url").asText());
    }

    @Test
    void recordsTheServerWritesTheClientReadsUnchangedWithEachRecordsOwnMedia() {
        List<MessageRecord> records = List.of(receivedMms("mdr2-aa", "https://example.com/m/aa"), sentSms(),
                receivedMms("mdr2-bb", "https://example.com/m/bb"));
        String next = "https://api.flowroute.com/v2.1/messages?start_date=2017-12-01&limit=3&offset=3";

        Page<MessageRecord> page = MessagingJson.records(MessagingJson.recordsDocument(records, Optional.of(next), SELF));
        assertEquals(records, page.items());
        assertEquals(Optional.of(next), page.nextLink());

        Page<MessageRecord> last = MessagingJson.records(MessagingJson.recordsDocument(records.subList(1, 2), Optional.empty(), SELF));
        assertEquals(records.subList(1, 2), last.items());
        assertEquals(Optional.empty(), last.nextLink());
        assertEquals(SELF, tree(MessagingJson.recordsDocument(List.of(), Optional.empty(), SELF)).path("links").path("self").asText());
    }

    @Test
    void listedMediaNotMatchingAnyRecordAreNotGivenToOne() {
        String record = "{\"type\":\"message\",\"id\":\"%s\",\"attributes\":{\"from\":\"12065550100\",\"to\":\"12065550199\","
                + "\"direction\":\"inbound\",\"timestamp\":\"2022-09-03T20:40:11Z\",\"is_mms\":true},"
                + "\"relationships\":{\"media\":{\"data\":[{\"type\":\"media\",\"id\":\"%s\"}]}}}";
        Page<MessageRecord> page = MessagingJson.records(utf8("{\"data\":[" + String.format(record, "a", "a-1") + ","
                + String.format(record, "b", "b-9") + "],\"included\":[{\"type\":\"media\",\"id\":\"a-1\",\"attributes\":{\"url\":\"https://x/a\"}}]}"));
        assertEquals(List.of(URI.create("https://x/a")), page.items().get(0).mediaUrls());
        assertEquals(List.of(), page.items().get(1).mediaUrls());
        assertTrue(page.items().get(1).isMms());
    }

    // ---- callbacks and list filters on the server side ---------------------------------------

    @Test
    void callbackTheClientSendsTheServerDecodes() {
        assertEquals(DLR, MessagingJson.decodeCallback(MessagingJson.callbackBody(DLR)));
        assertEquals(URI.create("http://example.com/sms"), MessagingJson.decodeCallback(
                utf8("{\"data\":{\"attributes\":{\"callback_url\":\"http://example.com/sms\"}}}")));
    }

    @Test
    void badCallbackBodiesAreBadInputNamingCallbackUrl() {
        for (String body : List.of("{}", "{\"callback_url\":null}", "{\"data\":{\"attributes\":{}}}", "{\"callback_url\":\"ftp://x/y\"}",
                "{\"callback_url\":\"not a url\"}", "{\"callback_url\":{}}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessagingJson.decodeCallback(utf8(body)), body);
            assertTrue(e.getMessage().contains("callback_url"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> MessagingJson.decodeCallback(utf8("")));
        assertThrows(IllegalArgumentException.class, () -> MessagingJson.decodeCallback(null));
    }

    @Test
    void listFiltersTheClientSendsTheServerDecodes() {
        MessageQuery query = MessageQuery.between(Instant.parse("2017-12-01T00:00:00Z"), Instant.parse("2018-01-08T10:15:30.123Z"));
        Map<String, String> sent = Map.ofEntries(MessagingJson.listFilters(query).toArray(Map.Entry[]::new));

        assertEquals(query, MessagingJson.decodeListFilters(name -> Optional.ofNullable(sent.get(name))));
    }

    @Test
    void serverReadsDatesAndTheDateTimesFlowroutesNextLinksCarry() {
        Map<String, String> dates = Map.of("start_date", "2017-12-01", "end_date", "2018-01-08T00:00:00+00:00");
        MessageQuery query = MessagingJson.decodeListFilters(name -> Optional.ofNullable(dates.get(name)));
        assertEquals(Instant.parse("2017-12-01T00:00:00Z"), query.start());
        assertEquals(Optional.of(Instant.parse("2018-01-08T00:00:00Z")), query.end());
        assertEquals(Instant.parse("2017-12-01T00:00:00Z"),
                MessagingJson.decodeListFilters(name -> name.equals("start_date") ? Optional.of("2017-12-01T00:00:00.000Z") : Optional.empty()).start());
    }

    @Test
    void badListFiltersAreBadInputNamingTheParameter() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> MessagingJson.decodeListFilters(name -> Optional.empty()));
        assertTrue(missing.getMessage().startsWith("start_date null is invalid: is required"), missing.getMessage());

        Map<String, String> badEnd = Map.of("start_date", "2017-12-01", "end_date", "2018-13-45");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> MessagingJson.decodeListFilters(name -> Optional.ofNullable(badEnd.get(name))));
        assertTrue(bad.getMessage().startsWith("end_date \"2018-13-45\" is invalid"), bad.getMessage());

        Map<String, String> backwards = Map.of("start_date", "2018-01-08", "end_date", "2017-12-01");
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> MessagingJson.decodeListFilters(name -> Optional.ofNullable(backwards.get(name))));
        assertTrue(order.getMessage().contains("must be after start"), order.getMessage());
    }
}
