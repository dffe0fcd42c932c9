package com.flowroute.numbers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of the messaging values: each broken one is an {@link IllegalArgumentException}
 * naming the field, the value (a body only by its length) and the rule; message text never
 * appears in an exception message or a {@code toString()}.
 */
class MessagingValidationTest {
    private static final String FROM = "12065550100";
    private static final String TO = "12065550199";
    private static final URI CAT = URI.create("https://example.com/cat.gif");
    /** A body whose text must never show up anywhere but in the value itself. */
    private static final String SECRET = "my PIN is 4921, tell nobody";
    private static final Instant START = Instant.parse("2017-12-01T00:00:00Z");

    private static List<URI> media(int count) {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            urls.add(URI.create("https://example.com/m/" + i + ".png"));
        }
        return urls;
    }

    private static Arguments bad(String name, Executable build, String field, String valueInMessage, String ruleWords) {
        return Arguments.of(name, build, field, valueInMessage, ruleWords);
    }

    static Stream<Arguments> badInputs() {
        String tooLong = "x".repeat(1601);
        // 1,601 emoji: 3,202 UTF-16 units, 1,601 characters.
        String tooManyEmoji = "\uD83D\uDE00".repeat(1601);
        return Stream.of(
                bad("from not a number", () -> OutboundMessage.sms("hello", TO, "hi"), "from", "\"hello\"", "NANP"),
                bad("from with area code 0", () -> OutboundMessage.sms("10065550100", TO, "hi"), "from", "\"10065550100\"", "NANP"),
                bad("to too short", () -> OutboundMessage.sms(FROM, "206555", "hi"), "to", "\"206555\"", "NANP"),
                bad("to of an MMS", () -> OutboundMessage.mms(FROM, "+44 20 7946 0000", "", List.of(CAT)), "to", "+44", "NANP"),
                bad("from null", () -> OutboundMessage.sms((String) null, TO, "hi"), "from", "null", "NANP"),
                bad("from PhoneNumber null", () -> OutboundMessage.sms(null, PhoneNumber.parse(TO), "hi"), "from", "null", "required"),
                bad("to PhoneNumber null", () -> OutboundMessage.mms(PhoneNumber.parse(FROM), null, "", List.of(CAT)), "to", "null", "required"),
                bad("body null", () -> OutboundMessage.sms(FROM, TO, null), "body", "null", "required"),
                bad("MMS body null", () -> OutboundMessage.mms(FROM, TO, null, List.of(CAT)), "body", "null", "required"),
                bad("SMS body empty", () -> OutboundMessage.sms(FROM, TO, ""), "body", "(0 characters, not shown)", "must not be blank"),
                bad("SMS body blank", () -> OutboundMessage.sms(FROM, TO, " \n\t"), "body", "(3 characters, not shown)", "must not be blank"),
                bad("SMS body 1601 characters", () -> OutboundMessage.sms(FROM, TO, tooLong), "body", "(1601 characters, not shown)",
                        "at most 1600 characters (Unicode code points"),
                bad("SMS body 1601 emoji", () -> OutboundMessage.sms(FROM, TO, tooManyEmoji), "body", "(1601 characters, not shown)",
                        "at most 1600 characters"),
                bad("MMS without media", () -> OutboundMessage.mms(FROM, TO, "look", List.of()), "mediaUrls", "[]", "1 to 10 media URLs"),
                bad("MMS with 11 media", () -> OutboundMessage.mms(FROM, TO, "look", media(11)), "mediaUrls",
                        "https://example.com/m/10.png", "1 to 10 media URLs"),
                bad("MMS media null", () -> OutboundMessage.mms(FROM, TO, "look", null), "mediaUrls", "null", "1 to 10 media URLs"),
                bad("MMS media with a null", () -> OutboundMessage.mms(FROM, TO, "look", Arrays.asList(CAT, null)),
                        "mediaUrls[1]", "null", "required"),
                bad("MMS media over http", () -> OutboundMessage.mms(FROM, TO, "look", List.of(CAT, URI.create("http://example.com/a.gif"))),
                        "mediaUrls[1]", "\"http://example.com/a.gif\"", "absolute https URL"),
                bad("MMS media relative", () -> OutboundMessage.mms(FROM, TO, "look", List.of(URI.create("/a.gif"))),
                        "mediaUrls[0]", "\"/a.gif\"", "absolute https URL"),
                bad("MMS media without a host", () -> OutboundMessage.mms(FROM, TO, "look", List.of(URI.create("https:/a.gif"))),
                        "mediaUrls[0]", "\"https:/a.gif\"", "with a host"),
                bad("callback null", () -> OutboundMessage.sms(FROM, TO, "hi").withDeliveryCallback(null),
                        "deliveryCallback", "null", "required"),
                bad("callback ftp", () -> OutboundMessage.sms(FROM, TO, "hi").withDeliveryCallback(URI.create("ftp://example.com/dlr")),
                        "deliveryCallback", "\"ftp://example.com/dlr\"", "http or https"),
                bad("callback relative", () -> OutboundMessage.sms(FROM, TO, "hi").withDeliveryCallback(URI.create("/dlr")),
                        "deliveryCallback", "\"/dlr\"", "absolute http or https"),
                bad("query without start", () -> MessageQuery.builder().end(START).build(), "start", "null", "is required"),
                bad("query end before start", () -> MessageQuery.between(START, START.minusSeconds(1)), "end",
                        "2017-11-30T23:59:59Z", "must be after start 2017-12-01T00:00:00Z"),
                bad("query end equal to start", () -> MessageQuery.between(START, START), "end", "2017-12-01T00:00:00Z", "must be after start"),
                bad("query pageSize 0", () -> MessageQuery.builder().start(START).pageSize(0).build(), "pageSize", "0", "between 1 and 200"),
                bad("query pageSize 201", () -> MessageQuery.builder().start(START).pageSize(201).build(), "pageSize", "201", "between 1 and 200"),
                bad("query page 0", () -> MessageQuery.builder().start(START).page(0).build(), "page", "0", "1 or more"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRefusedNamingFieldValueAndRule(String name, Executable build, String field, String value, String rule) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        String message = e.getMessage();
        assertAll(
                () -> assertTrue(message.startsWith(field + " "), "names the field first: " + message),
                () -> assertTrue(message.contains(value), "shows the value " + value + ": " + message),
                () -> assertTrue(message.contains(rule), "states the rule: " + message));
    }

    @Test
    void bodyTextIsNeverInTheMessageOfARefusal() {
        String tooLong = SECRET + "x".repeat(1600);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutboundMessage.sms(FROM, TO, tooLong));
        assertFalse(e.getMessage().contains("PIN"), e.getMessage());
        assertTrue(e.getMessage().contains("(" + tooLong.length() + " characters, not shown)"), e.getMessage());
    }

    @Test
    void smsBodyLimitCountsCodePointsNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(1600);
        assertEquals(3200, emoji.length());
        assertEquals(emoji, OutboundMessage.sms(FROM, TO, emoji).body());
        assertEquals(1600, OutboundMessage.sms(FROM, TO, "x".repeat(1600)).body().length());
    }

    @Test
    void smsFromAnyNumberFormat() {
        OutboundMessage sms = OutboundMessage.sms("+1 (206) 555-0100", "206.555.0199", "hello there");
        assertEquals(PhoneNumber.parse(FROM), sms.from());
        assertEquals(PhoneNumber.parse(TO), sms.to());
        assertEquals("hello there", sms.body());
        assertFalse(sms.isMms());
        assertEquals(List.of(), sms.mediaUrls());
        assertEquals(Optional.empty(), sms.deliveryCallback());
        assertEquals(sms, OutboundMessage.sms(PhoneNumber.parse(FROM), PhoneNumber.parse(TO), "hello there"));
    }

    @Test
    void mmsMayHaveAnEmptyBodyAndUpToTenMedia() {
        OutboundMessage mms = OutboundMessage.mms(FROM, TO, "", media(10));
        assertTrue(mms.isMms());
        assertEquals("", mms.body());
        assertEquals(media(10), mms.mediaUrls());
        assertEquals(mms, OutboundMessage.mms(PhoneNumber.parse(FROM), PhoneNumber.parse(TO), "", media(10)));
    }

    @Test
    void mmsMediaListIsCopied() {
        List<URI> urls = new ArrayList<>(List.of(CAT));
        OutboundMessage mms = OutboundMessage.mms(FROM, TO, "look", urls);
        urls.clear();
        assertEquals(List.of(CAT), mms.mediaUrls());
        assertThrows(UnsupportedOperationException.class, () -> mms.mediaUrls().add(CAT));
    }

    @Test
    void withDeliveryCallbackReturnsACopyAndKeepsTheOriginal() {
        OutboundMessage mms = OutboundMessage.mms(FROM, TO, "look", List.of(CAT));
        URI callback = URI.create("http://example.com/dlr");
        OutboundMessage withCallback = mms.withDeliveryCallback(callback);

        assertEquals(Optional.of(callback), withCallback.deliveryCallback());
        assertEquals(Optional.empty(), mms.deliveryCallback());
        assertEquals(mms.from(), withCallback.from());
        assertEquals(mms.to(), withCallback.to());
        assertEquals(mms.body(), withCallback.body());
        assertEquals(mms.mediaUrls(), withCallback.mediaUrls());
        assertTrue(withCallback.isMms());
    }

    @Test
    void toStringsShowTheBodyOnlyByItsLength() {
        OutboundMessage sms = OutboundMessage.sms(FROM, TO, SECRET).withDeliveryCallback(URI.create("https://example.com/dlr"));
        InboundMessage inbound = InboundMessage.builder().id("mdr2-1").from(PhoneNumber.parse(TO)).to(PhoneNumber.parse(FROM))
                .body(SECRET).timestamp(START).build();
        MessageRecord record = MessageRecord.builder().id("mdr2-1").from(PhoneNumber.parse(FROM)).to(PhoneNumber.parse(TO))
                .body(SECRET).direction(MessageDirection.OUTBOUND).status(MessageStatus.DELIVERED).timestamp(START)
                .amount(new BigDecimal("0.004")).messageType("longcode").build();

        for (Object value : List.of(sms, inbound, record)) {
            String text = value.toString();
            assertFalse(text.contains("PIN"), text);
            assertTrue(text.contains("body=(" + SECRET.length() + " characters, not shown)"), text);
            assertTrue(text.contains(FROM) && text.contains(TO), text);
        }
        assertTrue(sms.toString().contains("deliveryCallback=https://example.com/dlr"), sms.toString());
        assertTrue(record.toString().contains("amount=0.004"), record.toString());
    }

    @Test
    void messageQueryKeepsItsPeriodAndPaging() {
        Instant end = Instant.parse("2018-01-08T00:00:00Z");
        MessageQuery query = MessageQuery.builder().start(START).end(end).pageSize(50).page(2).build();
        assertEquals(START, query.start());
        assertEquals(Optional.of(end), query.end());
        assertEquals(50, query.pageSize().getAsInt());
        assertEquals(2, query.page().getAsInt());
        assertEquals(MessageQuery.builder().start(START).build(), MessageQuery.since(START));
        assertEquals(Optional.empty(), MessageQuery.since(START).end());
        assertEquals(Optional.of(end), MessageQuery.between(START, end).end());
    }

    @Test
    void directionAndStatusKeepUnknownValuesRaw() {
        assertEquals(MessageDirection.INBOUND, MessageDirection.of("inbound"));
        assertTrue(MessageDirection.of("outbound").isKnown());
        MessageDirection sideways = MessageDirection.of("sideways");
        assertFalse(sideways.isKnown());
        assertEquals("sideways", sideways.value());
        assertEquals(sideways, MessageDirection.of("sideways"));

        assertEquals(MessageStatus.MESSAGE_BUFFERED, MessageStatus.of("message buffered"));
        for (String known : List.of("message buffered", "smsc submit", "smsc reject", "delivered", "failed")) {
            assertTrue(MessageStatus.of(known).isKnown(), known);
            assertEquals(known, MessageStatus.of(known).value());
        }
        MessageStatus expired = MessageStatus.of("expired");
        assertFalse(expired.isKnown());
        assertEquals("expired", expired.toString());
        assertEquals("", MessageStatus.of("").value());
        assertThrows(IllegalArgumentException.class, () -> MessageStatus.of(null));
        assertThrows(IllegalArgumentException.class, () -> MessageDirection.of(null));
    }

    @Test
    void callbackTypesNameTheirPathSegment() {
        assertEquals("sms_callback", CallbackType.SMS.pathSegment());
        assertEquals("mms_callback", CallbackType.MMS.pathSegment());
        assertEquals("sms_dlr_callback", CallbackType.SMS_DLR.pathSegment());
        assertEquals("mms_dlr_callback", CallbackType.MMS_DLR.pathSegment());
        for (CallbackType type : CallbackType.values()) {
            assertEquals(Optional.of(type), CallbackType.ofPathSegment(type.pathSegment()));
        }
        assertEquals(Optional.of(CallbackType.SMS_DLR), CallbackType.ofPathSegment("dlr_callback"));
        assertEquals(Optional.empty(), CallbackType.ofPathSegment("voice_callback"));
        assertEquals(Optional.empty(), CallbackType.ofPathSegment(null));
    }

    @Test
    void recordAndInboundDefaultIsMmsToHavingMedia() {
        InboundMessage withMedia = InboundMessage.builder().id("mdr2-1").from(PhoneNumber.parse(TO)).to(PhoneNumber.parse(FROM))
                .body("").addMediaUrls(CAT).timestamp(START).build();
        assertTrue(withMedia.isMms());
        InboundMessage plain = InboundMessage.builder().id("mdr2-2").from(PhoneNumber.parse(TO)).to(PhoneNumber.parse(FROM))
                .body("hi").timestamp(START).build();
        assertFalse(plain.isMms());
        MessageRecord mmsWithoutMedia = MessageRecord.builder().id("mdr2-3").from(PhoneNumber.parse(TO)).to(PhoneNumber.parse(FROM))
                .body("").direction(MessageDirection.INBOUND).status(MessageStatus.of("")).timestamp(START)
                .amount(BigDecimal.ZERO).mms(true).build();
        assertTrue(mmsWithoutMedia.isMms());
    }
}
