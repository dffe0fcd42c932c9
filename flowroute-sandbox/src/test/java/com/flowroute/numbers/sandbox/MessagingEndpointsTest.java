package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.BasicClient.detail;
import static com.flowroute.numbers.sandbox.BasicClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.MessageDirection;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.MessageStatus;
import com.flowroute.numbers.PhoneNumber;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /v2.1/messages} over raw HTTP with Basic auth: send, look up, list, callbacks. */
class MessagingEndpointsTest {
    static final String OURS = "12066417744";
    static final String OTHER = "12066417667";
    static final String THEIRS = "13125550199";
    private static final Pattern MDR_ID = Pattern.compile("mdr2-[0-9a-f]{32}");

    // Messages stay "message buffered" here: delivery is a separate, timed step tested below.
    @RegisterExtension
    static final FlowrouteSandboxExtension SANDBOX =
            new FlowrouteSandboxExtension(FlowrouteSandbox.builder().messageDeliveryDelay(Duration.ofHours(1)));

    private final FlowrouteSandbox sandbox;
    private final BasicClient http;

    MessagingEndpointsTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.http = new BasicClient(sandbox);
    }

    @BeforeEach
    void buyANumber() {
        http.buy(OURS);
    }

    @Test
    void aSendIsAcceptedWithAnMdrIdAndRecordedAsBuffered() {
        HttpResponse<String> sent = http.sms(OURS, THEIRS, "hello there");

        assertEquals(202, sent.statusCode(), sent.body());
        assertEquals("application/vnd.api+json", sent.headers().firstValue("Content-Type").orElse(""));
        JsonNode data = json(sent).path("data");
        String id = data.path("id").asText();
        assertTrue(MDR_ID.matcher(id).matches(), id);
        assertEquals("message", data.path("type").asText());
        assertEquals(sandbox.baseUrl() + "/v2.1/messages/" + id, data.path("links").path("self").asText());

        List<MessageRecord> sentMessages = sandbox.sentMessages();
        assertEquals(1, sentMessages.size());
        MessageRecord record = sentMessages.get(0);
        assertEquals(id, record.id());
        assertEquals(PhoneNumber.parse(OURS), record.from());
        assertEquals(PhoneNumber.parse(THEIRS), record.to());
        assertEquals("hello there", record.body());
        assertEquals(MessageDirection.OUTBOUND, record.direction());
        assertEquals(MessageStatus.MESSAGE_BUFFERED, record.status());
        assertEquals(new BigDecimal("0.004"), record.amount());
        assertEquals(Optional.of("longcode"), record.messageType());
        assertEquals(1, record.deliveryReceipts().size());
        assertEquals(Optional.of(1003), record.deliveryReceipts().get(0).statusCode());

        JsonNode attributes = json(http.get("/v2.1/messages/" + id)).path("data").path("attributes");
        assertEquals("hello there", attributes.path("body").asText());
        assertEquals("outbound", attributes.path("direction").asText());
        assertEquals("message buffered", attributes.path("status").asText());
        assertEquals(4000000, attributes.path("amount_nanodollars").asLong());
        assertEquals("$0.0040", attributes.path("amount_display").asText());
        assertEquals(OURS, attributes.path("from").asText());
        assertEquals(THEIRS, attributes.path("to").asText());
        assertEquals("Message accepted by Carrier",
                attributes.path("delivery_receipts").path(0).path("status_code_description").asText());
    }

    @Test
    void anMmsIsRecordedWithItsMediaAndPricedAsOne() {
        HttpResponse<String> sent = http.post("/v2.1/messages", "{\"data\":{\"type\":\"message\",\"attributes\":{\"from\":\""
                + OURS + "\",\"to\":\"" + THEIRS + "\",\"body\":\"\",\"is_mms\":\"true\","
                + "\"media_urls\":[\"https://example.com/a.gif\",\"https://example.com/b.png\"]}}}");

        assertEquals(202, sent.statusCode(), sent.body());
        MessageRecord record = sandbox.sentMessages().get(0);
        assertTrue(record.isMms());
        assertEquals(List.of(URI.create("https://example.com/a.gif"), URI.create("https://example.com/b.png")),
                record.mediaUrls());
        assertEquals(new BigDecimal("0.02"), record.amount());
        JsonNode read = json(http.get("/v2.1/messages/" + record.id()));
        assertEquals(2, read.path("included").size());
        assertEquals("https://example.com/b.png", read.path("included").path(1).path("attributes").path("url").asText());
    }

    @Test
    void aLongTextIsPricedBySegment() {
        // 161 GSM characters take two segments of 153; one non-GSM character makes it UCS-2 (67 a segment).
        assertEquals(1, MessageStore.segments("a".repeat(160)));
        assertEquals(2, MessageStore.segments("a".repeat(161)));
        assertEquals(1, MessageStore.segments("[".repeat(80)));
        assertEquals(2, MessageStore.segments("[".repeat(81)));
        assertEquals(1, MessageStore.segments("ж".repeat(70)));
        assertEquals(2, MessageStore.segments("ж".repeat(71)));
        assertEquals(3, MessageStore.segments("a".repeat(140) + "ж" + "a".repeat(60)));

        assertEquals(202, http.sms(OURS, THEIRS, "a".repeat(400)).statusCode());
        assertEquals(new BigDecimal("0.012"), sandbox.sentMessages().get(0).amount());
    }

    @Test
    void aSendFromANumberNotOnTheAccountIsForbiddenAndSendsNothing() {
        HttpResponse<String> refused = http.sms(OTHER, THEIRS, "hello");

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(403, json(refused).path("errors").path(0).path("status").asInt());
        assertTrue(detail(refused).contains("from " + OTHER + " is not a number on your account"), detail(refused));
        assertTrue(sandbox.sentMessages().isEmpty());
    }

    @Test
    void aMalformedSendIsA400AndABadValueA422NamingTheField() {
        HttpResponse<String> notJson = http.post("/v2.1/messages", "hello");
        assertEquals(400, notJson.statusCode(), notJson.body());

        HttpResponse<String> badNumber = http.sms("1206", THEIRS, "hello");
        assertEquals(422, badNumber.statusCode(), badNumber.body());
        assertTrue(detail(badNumber).contains("from"), detail(badNumber));

        HttpResponse<String> blank = http.sms(OURS, THEIRS, "   ");
        assertEquals(422, blank.statusCode(), blank.body());
        assertTrue(detail(blank).contains("body"), detail(blank));
        assertFalse(detail(blank).contains("   \""), "the body is not repeated: " + detail(blank));

        HttpResponse<String> tooLong = http.sms(OURS, THEIRS, "a".repeat(1601));
        assertEquals(422, tooLong.statusCode(), tooLong.body());
        assertTrue(detail(tooLong).contains("1600"), detail(tooLong));

        HttpResponse<String> plainMedia = http.post("/v2.1/messages", "{\"data\":{\"type\":\"message\",\"attributes\":{"
                + "\"from\":\"" + OURS + "\",\"to\":\"" + THEIRS + "\",\"body\":\"x\",\"is_mms\":true,"
                + "\"media_urls\":[\"http://example.com/a.gif\"]}}}");
        assertEquals(422, plainMedia.statusCode(), plainMedia.body());
        assertTrue(detail(plainMedia).contains("mediaUrls[0]"), detail(plainMedia));

        HttpResponse<String> noMedia = http.post("/v2.1/messages", "{\"data\":{\"type\":\"message\",\"attributes\":{"
                + "\"from\":\"" + OURS + "\",\"to\":\"" + THEIRS + "\",\"body\":\"x\",\"is_mms\":true}}}");
        assertEquals(422, noMedia.statusCode(), noMedia.body());
        assertTrue(detail(noMedia).contains("mediaUrls"), detail(noMedia));

        assertTrue(sandbox.sentMessages().isEmpty());
    }

    @Test
    void anUnknownIdIsA404() {
        HttpResponse<String> missing = http.get("/v2.1/messages/mdr2-00000000000000000000000000000000");

        assertEquals(404, missing.statusCode());
        assertEquals("Could not find that resource on your account.", detail(missing));
    }

    @Test
    void theListHoldsBothDirectionsInPagesWithANextLinkOnlyWhileMoreRemain() {
        Instant before = Instant.now().minusSeconds(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(json(http.sms(OURS, THEIRS, "out " + i)).path("data").path("id").asText());
        }
        ids.add(sandbox.inbound().sms(THEIRS, OURS, "in").id());
        ids.add(json(http.sms(OURS, THEIRS, "out 3")).path("data").path("id").asText());

        List<String> listed = new ArrayList<>();
        List<String> directions = new ArrayList<>();
        String query = "/v2.1/messages?start_date=" + before + "&limit=2";
        int pages = 0;
        while (query != null) {
            HttpResponse<String> page = http.get(query);
            assertEquals(200, page.statusCode(), page.body());
            JsonNode document = json(page);
            document.path("data").forEach(item -> {
                listed.add(item.path("id").asText());
                directions.add(item.path("attributes").path("direction").asText());
            });
            JsonNode next = document.path("links").path("next");
            query = next.isMissingNode() ? null : next.asText().substring(sandbox.baseUrl().length());
            pages++;
        }

        assertEquals(3, pages);
        assertEquals(ids, listed);
        assertEquals(List.of("outbound", "outbound", "outbound", "inbound", "outbound"), directions);
        assertEquals(4, sandbox.sentMessages().size());
    }

    @Test
    void theListKeepsToItsPeriod() {
        http.sms(OURS, THEIRS, "now");
        Instant sent = sandbox.sentMessages().get(0).timestamp();

        assertEquals(1, json(http.get("/v2.1/messages?start_date=" + sent)).path("data").size());
        assertEquals(0, json(http.get("/v2.1/messages?start_date=" + sent.plusMillis(1))).path("data").size());
        assertEquals(0, json(http.get("/v2.1/messages?start_date=" + sent.minusSeconds(60) + "&end_date=" + sent))
                .path("data").size());
        assertEquals(1, json(http.get("/v2.1/messages?start_date=2000-01-01&end_date=2999-01-01")).path("data").size());
    }

    @Test
    void theListNeedsAStartDateAndKnownParametersInRange() {
        HttpResponse<String> noStart = http.get("/v2.1/messages?limit=2");
        assertEquals(422, noStart.statusCode(), noStart.body());
        assertTrue(detail(noStart).contains("start_date"), detail(noStart));

        HttpResponse<String> badDate = http.get("/v2.1/messages?start_date=yesterday");
        assertEquals(422, badDate.statusCode(), badDate.body());
        assertTrue(detail(badDate).contains("start_date"), detail(badDate));

        HttpResponse<String> backwards = http.get("/v2.1/messages?start_date=2020-02-01&end_date=2020-01-01");
        assertEquals(422, backwards.statusCode(), backwards.body());

        HttpResponse<String> unknown = http.get("/v2.1/messages?start_date=2020-01-01&direction=inbound");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(detail(unknown).contains("direction"), detail(unknown));

        HttpResponse<String> twice = http.get("/v2.1/messages?start_date=2020-01-01&limit=2&limit=3");
        assertEquals(400, twice.statusCode(), twice.body());

        HttpResponse<String> notANumber = http.get("/v2.1/messages?start_date=2020-01-01&limit=ten");
        assertEquals(400, notANumber.statusCode(), notANumber.body());

        HttpResponse<String> tooMany = http.get("/v2.1/messages?start_date=2020-01-01&limit=201");
        assertEquals(422, tooMany.statusCode(), tooMany.body());
        assertTrue(detail(tooMany).contains("limit"), detail(tooMany));

        HttpResponse<String> negative = http.get("/v2.1/messages?start_date=2020-01-01&offset=-1");
        assertEquals(422, negative.statusCode(), negative.body());
    }

    @Test
    void everyCallbackNameSetsItsCallback() {
        String[][] names = {{"sms_callback", "SMS"}, {"mms_callback", "MMS"}, {"sms_dlr_callback", "SMS_DLR"},
                {"mms_dlr_callback", "MMS_DLR"}};
        for (String[] name : names) {
            URI url = URI.create("https://example.com/" + name[0]);
            HttpResponse<String> set = http.put("/v2.1/messages/" + name[0], "{\"callback_url\":\"" + url + "\"}");
            assertEquals(204, set.statusCode(), set.body());
            assertEquals(Optional.of(url), sandbox.callback(CallbackType.valueOf(name[1])));
        }
        // The older name of the SMS receipts' callback, and the JSON:API-wrapped body of Flowroute's Python library.
        HttpResponse<String> legacy = http.put("/v2.1/messages/dlr_callback",
                "{\"data\":{\"attributes\":{\"callback_url\":\"http://127.0.0.1:9/dlr\"}}}");
        assertEquals(204, legacy.statusCode(), legacy.body());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9/dlr")), sandbox.callback(CallbackType.SMS_DLR));
    }

    @Test
    void aBadCallbackIsRefused() {
        HttpResponse<String> unknown = http.put("/v2.1/messages/voice_callback", "{\"callback_url\":\"https://example.com\"}");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(detail(unknown).contains("sms_callback"), detail(unknown));

        HttpResponse<String> notJson = http.put("/v2.1/messages/sms_callback", "https://example.com");
        assertEquals(400, notJson.statusCode(), notJson.body());

        HttpResponse<String> notHttp = http.put("/v2.1/messages/sms_callback", "{\"callback_url\":\"ftp://example.com/x\"}");
        assertEquals(422, notHttp.statusCode(), notHttp.body());
        assertTrue(detail(notHttp).contains("callback_url"), detail(notHttp));

        HttpResponse<String> missing = http.put("/v2.1/messages/sms_callback", "{}");
        assertEquals(422, missing.statusCode(), missing.body());

        assertEquals(Optional.empty(), sandbox.callback(CallbackType.SMS));
    }

    @Test
    void theMessagesPathsTakeOnlyTheirMethodsAndBasicAuth() {
        HttpResponse<String> wrongMethod = http.send("DELETE", "/v2.1/messages", null);
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("POST, GET", wrongMethod.headers().firstValue("Allow").orElse(""));

        HttpResponse<String> unsigned = new BasicClient(sandbox.baseUrl(),
                com.flowroute.numbers.FlowrouteCredentials.of(sandbox.credentials().accessKey(), "wrong"))
                .sms(OURS, THEIRS, "hello");
        assertEquals(401, unsigned.statusCode());
        assertTrue(sandbox.sentMessages().isEmpty());
    }

    @Test
    void aResetForgetsMessagesAndCallbacks() {
        http.sms(OURS, THEIRS, "hello");
        http.put("/v2.1/messages/sms_callback", "{\"callback_url\":\"https://example.com/sms\"}");

        sandbox.reset();

        assertTrue(sandbox.sentMessages().isEmpty());
        assertEquals(Optional.empty(), sandbox.callback(CallbackType.SMS));
        assertEquals(0, json(http.get("/v2.1/messages?start_date=2000-01-01")).path("data").size());
    }
}
