package com.flowroute.numbers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JacksonException;
import com.flowroute.numbers.internal.v2.MessagingJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Flowroute posts to messaging callbacks, read with {@link FlowrouteWebhooks}: both shapes,
 * drift and missing fields tolerated, anything else refused with an
 * {@link IllegalArgumentException} that says why and never holds the body.
 */
class FlowrouteWebhooksTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Text that must never appear in an exception message. */
    private static final String SECRET = "my PIN is 4921";

    private static byte[] fixture(String name) {
        try (InputStream in = FlowrouteWebhooksTest.class.getResourceAsStream("/v2/messaging/" + name)) {
            assertNotNull(in, "missing test resource v2/messaging/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- inbound messages -------------------------------------------------------------------

    @Test
    void inboundSmsOfTheJsonApiShape() {
        InboundMessage sms = FlowrouteWebhooks.inboundMessage(fixture("webhook-sms.json"), CLOCK);

        assertAll(
                () -> assertEquals("mdr2-ca82be46e6ba11e79d08862d092cf73d", sms.id()),
                () -> assertEquals(PhoneNumber.parse("12065551234"), sms.from()),
                () -> assertEquals(PhoneNumber.parse("12012673227"), sms.to()),
                () -> assertEquals("Hello are you there? ", sms.body()),
                () -> assertEquals(List.of(), sms.mediaUrls()),
                () -> assertFalse(sms.isMms()),
                () -> assertEquals(Instant.parse("2017-12-22T01:52:39.39Z"), sms.timestamp()));
    }

    @Test
    void inboundMmsOfTheJsonApiShapeWithIncludedMedia() {
        InboundMessage mms = FlowrouteWebhooks.inboundMessage(fixture("webhook-mms.json"), CLOCK);

        assertAll(
                () -> assertEquals("mdr2-5c4a8a1e2b7c11edb7aa0242ac110003", mms.id()),
                () -> assertEquals("", mms.body(), "a null body is empty"),
                () -> assertTrue(mms.isMms()),
                () -> assertEquals(List.of(URI.create(
                        "https://s3.us-west-2.amazonaws.com/flowroute-messaging-media/5c4a8a1e-2b7c-11ed-b7aa-0242ac110003-1")), mms.mediaUrls()),
                () -> assertEquals(Instant.parse("2022-09-03T20:40:11Z"), mms.timestamp()));
    }

    @Test
    void inboundMmsMediaWhoseIdsDoNotMatchAreStillItsOwn() {
        // Seen in a published real payload: the relationship's id and the included media's id differ.
        String body = new String(fixture("webhook-mms.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"id\": \"5c4a8a1e-2b7c-11ed-b7aa-0242ac110003-1\"", "\"id\": \"5c4a8a1e-1\"");
        InboundMessage mms = FlowrouteWebhooks.inboundMessage(body);
        assertEquals(1, mms.mediaUrls().size());
    }

    @Test
    void inboundSmsOfTheOlderFlatShapeIsDatedByTheClock() {
        InboundMessage sms = FlowrouteWebhooks.inboundMessage(fixture("webhook-sms-flat.json"), CLOCK);

        assertAll(
                () -> assertEquals("mdr1-febb118b9b034338adfc662a8c02fd88", sms.id()),
                () -> assertEquals(PhoneNumber.parse("18553569768"), sms.from()),
                () -> assertEquals(PhoneNumber.parse("12066418000"), sms.to()),
                () -> assertEquals("Hello there from Flowroute!", sms.body()),
                () -> assertFalse(sms.isMms()),
                () -> assertEquals(NOW, sms.timestamp()));
    }

    @Test
    void stringOverloadsReadTheSameAsBytes() {
        String flat = new String(fixture("webhook-sms-flat.json"), StandardCharsets.UTF_8);
        InboundMessage fromString = FlowrouteWebhooks.inboundMessage(flat);
        InboundMessage fromBytes = FlowrouteWebhooks.inboundMessage(utf8(flat), Clock.fixed(fromString.timestamp(), ZoneOffset.UTC));
        assertEquals(fromBytes, fromString);

        String dlr = new String(fixture("webhook-dlr.json"), StandardCharsets.UTF_8);
        assertEquals(FlowrouteWebhooks.deliveryReceipt(utf8(dlr)), FlowrouteWebhooks.deliveryReceipt(dlr));
    }

    @Test
    void unknownExtraFieldsAreIgnored() {
        String jsonApi = "{\"data\":{\"type\":\"message\",\"id\":\"mdr2-1\",\"attributes\":{\"to\":\"12012673227\",\"from\":\"12065551234\","
                + "\"body\":\"hi\",\"is_mms\":false,\"carrier\":{\"name\":\"x\",\"codes\":[1,2]},\"message_encoding\":8,\"future\":null},"
                + "\"links\":{\"self\":\"https://api.flowroute.com/v2.1/messages/mdr2-1\"},\"meta\":{\"retry\":2}},\"jsonapi\":{\"version\":\"1.0\"}}";
        InboundMessage message = FlowrouteWebhooks.inboundMessage(jsonApi);
        assertEquals("hi", message.body());
        assertEquals("mdr2-1", message.id());

        String flat = "{\"to\":\"12012673227\",\"from\":\"12065551234\",\"body\":\"hi\",\"id\":\"mdr1-1\",\"extra\":[true],\"cost\":0.004}";
        assertEquals("mdr1-1", FlowrouteWebhooks.inboundMessage(flat).id());
    }

    @Test
    void missingOptionalFieldsAreFine() {
        InboundMessage jsonApi = FlowrouteWebhooks.inboundMessage(
                utf8("{\"data\":{\"id\":\"mdr2-1\",\"attributes\":{\"to\":\"12012673227\",\"from\":\"+1 206 555 1234\"}}}"), CLOCK);
        assertEquals("", jsonApi.body());
        assertEquals(List.of(), jsonApi.mediaUrls());
        assertFalse(jsonApi.isMms());
        assertEquals(NOW, jsonApi.timestamp());
        assertEquals(PhoneNumber.parse("12065551234"), jsonApi.from());

        InboundMessage flat = FlowrouteWebhooks.inboundMessage(utf8("{\"to\":\"12012673227\",\"from\":\"12065551234\",\"id\":\"mdr1-1\"}"), CLOCK);
        assertEquals("", flat.body());

        InboundMessage mediaAttribute = FlowrouteWebhooks.inboundMessage(utf8("{\"data\":{\"id\":\"mdr2-1\",\"attributes\":{"
                + "\"to\":\"12012673227\",\"from\":\"12065551234\",\"media_urls\":[\"https://example.com/a.png\"]}}}"), CLOCK);
        assertTrue(mediaAttribute.isMms());
        assertEquals(List.of(URI.create("https://example.com/a.png")), mediaAttribute.mediaUrls());
    }

    // ---- delivery receipts ------------------------------------------------------------------

    @Test
    void deliveryReceiptOfTheJsonApiShapeWithAStringStatusCode() {
        DeliveryReceipt receipt = FlowrouteWebhooks.deliveryReceipt(fixture("webhook-dlr.json"), CLOCK);

        assertAll(
                () -> assertEquals(MessageStatus.MESSAGE_BUFFERED, receipt.status()),
                () -> assertEquals(Optional.of(1003), receipt.statusCode()),
                () -> assertEquals("Message accepted by Carrier", receipt.statusCodeDescription()),
                () -> assertEquals(Instant.parse("2017-12-21T16:44:35Z"), receipt.timestamp()),
                () -> assertEquals(Optional.of(2), receipt.level()),
                () -> assertEquals(Optional.of("mdr2-39cadeace66e11e7aff806cd7f24ba2d"), receipt.id()));
    }

    @Test
    void deliveryReceiptOfTheFlatShape() {
        DeliveryReceipt receipt = FlowrouteWebhooks.deliveryReceipt(fixture("webhook-dlr-flat.json"), CLOCK);

        assertEquals(DeliveryReceipt.builder().status(MessageStatus.SMSC_SUBMIT).statusCodeDescription("Message has been sent")
                .timestamp(Instant.parse("2017-12-21T16:44:35Z")).level(1).id("mdr2-39cadeace66e11e7aff806cd7f24ba2d").build(), receipt);
    }

    @Test
    void deliveryReceiptToleratesMissingAndOddOptionalFields() {
        DeliveryReceipt bare = FlowrouteWebhooks.deliveryReceipt(utf8("{\"data\":{\"type\":\"delivery_receipt\",\"attributes\":{\"status\":\"delivered\"}}}"), CLOCK);
        assertEquals(MessageStatus.DELIVERED, bare.status());
        assertEquals(Optional.empty(), bare.statusCode());
        assertEquals("", bare.statusCodeDescription());
        assertEquals(NOW, bare.timestamp());
        assertEquals(Optional.empty(), bare.level());
        assertEquals(Optional.empty(), bare.id());

        DeliveryReceipt odd = FlowrouteWebhooks.deliveryReceipt(utf8("{\"status\":\"expired\",\"status_code\":\"\",\"level\":\"two\","
                + "\"id\":7,\"carrier\":\"x\"}"), CLOCK);
        assertEquals(MessageStatus.of("expired"), odd.status());
        assertEquals(Optional.empty(), odd.statusCode());
        assertEquals(Optional.empty(), odd.level());
        assertEquals(Optional.of("7"), odd.id());
    }

    // ---- refused bodies ---------------------------------------------------------------------

    private static final String HTML = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><p>" + SECRET + "</p></body></html>";

    static Stream<Arguments> refusedBodies() {
        byte[] big = new byte[MessagingJson.MAX_WEBHOOK_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        byte[] prefix = utf8("{\"to\":\"12012673227\",\"from\":\"12065551234\",\"id\":\"m\",\"body\":\"" + SECRET);
        System.arraycopy(prefix, 0, big, 0, prefix.length);
        big[big.length - 2] = '"';
        big[big.length - 1] = '}';
        return Stream.of(
                Arguments.of("null", null, "it is null"),
                Arguments.of("empty", new byte[0], "it is empty"),
                Arguments.of("blank", utf8(" \r\n\t "), "it is empty"),
                Arguments.of("HTML", utf8(HTML), "it is not JSON (it starts with '<': an HTML or XML page?)"),
                Arguments.of("form data", utf8("to=12012673227&body=" + SECRET), "it is not JSON"),
                Arguments.of("truncated JSON", utf8("{\"to\":\"12012673227\",\"body\":\"" + SECRET), "it is not JSON"),
                Arguments.of("two documents", utf8("{\"id\":\"a\"} {\"id\":\"b\"}"), "it is not JSON"),
                Arguments.of("an array", utf8("[{\"to\":\"12012673227\"}]"), "it is a JSON array, expected a JSON object"),
                Arguments.of("a string", utf8("\"" + SECRET + "\""), "it is a JSON string, expected a JSON object"),
                Arguments.of("a number", utf8("42"), "it is a JSON number"),
                Arguments.of("null JSON", utf8("null"), "it is JSON null"),
                Arguments.of("over 1 MiB", big, "it has 1048577 bytes, over the limit of 1048576 (1 MiB)"),
                Arguments.of("neither shape", utf8("{\"message\":\"" + SECRET + "\",\"sender\":\"12065551234\"}"),
                        "it is neither the JSON:API shape"),
                Arguments.of("data an array", utf8("{\"data\":[{\"type\":\"message\"}]}"), "\"data\" is ARRAY, expected one resource object"),
                Arguments.of("wrong type", utf8("{\"data\":{\"type\":\"route\",\"id\":\"1\",\"attributes\":{}}}"), "data.type is route"));
    }

    @ParameterizedTest(name = "inbound message: {0}")
    @MethodSource("refusedBodies")
    void refusedAsAnInboundMessageSayingWhy(String name, byte[] body, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlowrouteWebhooks.inboundMessage(body));
        assertRefusal(e, "the webhook body is not an inbound message: ", why);
    }

    @ParameterizedTest(name = "delivery receipt: {0}")
    @MethodSource("refusedBodies")
    void refusedAsADeliveryReceiptSayingWhy(String name, byte[] body, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlowrouteWebhooks.deliveryReceipt(body));
        assertRefusal(e, "the webhook body is not a delivery receipt: ", why);
    }

    private static void assertRefusal(IllegalArgumentException e, String start, String why) {
        String message = e.getMessage();
        assertAll(
                () -> assertTrue(message.startsWith(start), message),
                () -> assertTrue(message.contains(why), message),
                () -> assertFalse(message.contains("PIN"), "no body text: " + message),
                () -> assertFalse(message.contains("<html"), "no body text: " + message));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            assertFalse(cause instanceof JacksonException, "no raw Jackson exception: " + cause);
        }
    }

    @Test
    void stringOverOneMebibyteIsRefusedWithoutReadingIt() {
        String big = "{\"body\":\"" + "x".repeat(MessagingJson.MAX_WEBHOOK_BYTES) + "\"}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlowrouteWebhooks.inboundMessage(big));
        assertTrue(e.getMessage().contains("over the limit of 1048576 bytes (1 MiB)"), e.getMessage());
        // Under 1 MiB in characters but over it in UTF-8 bytes (each é is two).
        String wide = "{\"to\":\"12012673227\",\"from\":\"12065551234\",\"id\":\"m\",\"body\":\"" + "\u00e9".repeat(600_000) + "\"}";
        IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class, () -> FlowrouteWebhooks.deliveryReceipt(wide));
        assertTrue(bytes.getMessage().contains("over the limit of 1048576 (1 MiB)"), bytes.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FlowrouteWebhooks.inboundMessage((String) null));
    }

    @Test
    void bodyJustUnderTheLimitIsRead() {
        String head = "{\"to\":\"12012673227\",\"from\":\"12065551234\",\"id\":\"m\",\"body\":\"";
        String text = "x".repeat(MessagingJson.MAX_WEBHOOK_BYTES - head.length() - 2);
        InboundMessage message = FlowrouteWebhooks.inboundMessage(head + text + "\"}");
        assertEquals(text.length(), message.body().length());
    }

    static Stream<Arguments> badFields() {
        Function<String, String> jsonApi = attributes -> "{\"data\":{\"type\":\"message\",\"id\":\"mdr2-1\",\"attributes\":{" + attributes + "}}}";
        return Stream.of(
                Arguments.of("no from", jsonApi.apply("\"to\":\"12012673227\",\"body\":\"" + SECRET + "\""), "\"from\" is missing"),
                Arguments.of("bad to", jsonApi.apply("\"to\":\"911\",\"from\":\"12065551234\""), "to \"911\" is invalid"),
                Arguments.of("body an object", jsonApi.apply("\"to\":\"12012673227\",\"from\":\"12065551234\",\"body\":{\"t\":\"" + SECRET + "\"}"),
                        "\"body\" is OBJECT, expected a string"),
                Arguments.of("bad timestamp", jsonApi.apply("\"to\":\"12012673227\",\"from\":\"12065551234\",\"timestamp\":\"noon\""),
                        "timestamp \"noon\" is invalid"),
                Arguments.of("bad is_mms", jsonApi.apply("\"to\":\"12012673227\",\"from\":\"12065551234\",\"is_mms\":\"sometimes\""), "\"is_mms\""),
                Arguments.of("bad media", jsonApi.apply("\"to\":\"12012673227\",\"from\":\"12065551234\",\"media_urls\":[\"a b\"]"), "media_urls[0]"),
                Arguments.of("no id", "{\"data\":{\"type\":\"message\",\"attributes\":{\"to\":\"12012673227\",\"from\":\"12065551234\"}}}", "\"id\" is missing"),
                Arguments.of("flat without id", "{\"to\":\"12012673227\",\"from\":\"12065551234\",\"body\":\"" + SECRET + "\"}", "\"id\" is missing"),
                Arguments.of("a delivery receipt", new String(fixture("webhook-dlr.json"), StandardCharsets.UTF_8),
                        "is a delivery receipt, not an inbound message: read it with FlowrouteWebhooks.deliveryReceipt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void inboundMessageWithABadFieldIsRefusedNamingIt(String name, String body, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlowrouteWebhooks.inboundMessage(body));
        assertTrue(e.getMessage().startsWith("the webhook body is not an inbound message: "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertFalse(e.getMessage().contains("PIN"), e.getMessage());
    }

    @Test
    void receiptHandlerRefusesAnInboundMessageAndAReceiptWithoutStatus() {
        IllegalArgumentException message = assertThrows(IllegalArgumentException.class,
                () -> FlowrouteWebhooks.deliveryReceipt(fixture("webhook-sms.json")));
        assertTrue(message.getMessage().startsWith("the webhook body is not a delivery receipt: it is a message (it has a direction)"),
                message.getMessage());
        assertFalse(message.getMessage().contains("Hello"), message.getMessage());

        IllegalArgumentException noStatus = assertThrows(IllegalArgumentException.class,
                () -> FlowrouteWebhooks.deliveryReceipt(utf8("{\"data\":{\"type\":\"delivery_receipt\",\"id\":\"m\",\"attributes\":{\"level\":1}}}")));
        assertTrue(noStatus.getMessage().contains("data.attributes.status is missing"), noStatus.getMessage());

        IllegalArgumentException badTime = assertThrows(IllegalArgumentException.class,
                () -> FlowrouteWebhooks.deliveryReceipt(utf8("{\"status\":\"delivered\",\"timestamp\":\"soon\"}")));
        assertTrue(badTime.getMessage().startsWith("the webhook body is not a delivery receipt: timestamp \"soon\" is invalid"),
                badTime.getMessage());
    }

    // ---- what the sandbox posts, read back ----------------------------------------------------

    @Test
    void inboundWebhookTheServerWritesIsReadUnchanged() {
        InboundMessage sms = InboundMessage.builder().id("mdr2-1").from(PhoneNumber.parse("12065551234")).to(PhoneNumber.parse("12012673227"))
                .body("hi \"there\" \uD83D\uDE00\n").timestamp(Instant.parse("2017-12-22T01:52:39.39Z")).build();
        InboundMessage mms = InboundMessage.builder().id("mdr2-2").from(PhoneNumber.parse("12065551234")).to(PhoneNumber.parse("12012673227"))
                .body("").addMediaUrls(URI.create("https://example.com/a.png"), URI.create("https://example.com/b.jpg"))
                .timestamp(Instant.parse("2022-09-03T20:40:11Z")).build();

        for (InboundMessage message : List.of(sms, mms)) {
            assertEquals(message, FlowrouteWebhooks.inboundMessage(MessagingJson.inboundWebhook(message), CLOCK));
        }
    }

    @Test
    void receiptWebhookTheServerWritesIsReadWithTheMessageId() {
        DeliveryReceipt receipt = DeliveryReceipt.builder().status(MessageStatus.SMSC_REJECT).statusCode(1005)
                .statusCodeDescription("Rejected by carrier").timestamp(Instant.parse("2017-12-21T16:44:35Z")).level(2).build();
        DeliveryReceipt read = FlowrouteWebhooks.deliveryReceipt(MessagingJson.receiptWebhook("mdr2-39", receipt), CLOCK);

        assertEquals(DeliveryReceipt.builder().from(receipt).id("mdr2-39").build(), read);

        DeliveryReceipt bare = DeliveryReceipt.builder().status(MessageStatus.DELIVERED).timestamp(NOW.minusSeconds(5)).build();
        assertEquals(DeliveryReceipt.builder().from(bare).id("mdr2-40").build(),
                FlowrouteWebhooks.deliveryReceipt(MessagingJson.receiptWebhook("mdr2-40", bare), CLOCK));
    }
}
