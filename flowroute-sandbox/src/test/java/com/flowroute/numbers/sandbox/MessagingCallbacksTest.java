package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.BasicClient.json;
import static com.flowroute.numbers.sandbox.MessagingEndpointsTest.OURS;
import static com.flowroute.numbers.sandbox.MessagingEndpointsTest.THEIRS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.DeliveryReceipt;
import com.flowroute.numbers.FlowrouteWebhooks;
import com.flowroute.numbers.InboundMessage;
import com.flowroute.numbers.MessageStatus;
import com.flowroute.numbers.PhoneNumber;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/**
 * What the sandbox posts to messaging callbacks: delivery receipts and simulated inbound
 * messages, in the shapes {@link FlowrouteWebhooks} reads, retried while the receiver does not
 * answer 200, and never off this machine.
 */
class MessagingCallbacksTest {
    private static final Duration RETRY = Duration.ofMillis(20);

    @RegisterExtension
    static final FlowrouteSandboxExtension SANDBOX = new FlowrouteSandboxExtension(FlowrouteSandbox.builder()
            .messageDeliveryDelay(Duration.ofMillis(50))
            .callbackRetryInterval(RETRY));

    private final FlowrouteSandbox sandbox;
    private final BasicClient http;
    private WebhookReceiver receiver;

    MessagingCallbacksTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.http = new BasicClient(sandbox);
    }

    @BeforeEach
    void start() {
        http.buy(OURS);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private void setCallback(String name, URI url) {
        assertEquals(204, http.put("/v2.1/messages/" + name, "{\"callback_url\":\"" + url + "\"}").statusCode());
    }

    private String send(String json) {
        HttpResponse<String> sent = http.post("/v2.1/messages", json);
        assertEquals(202, sent.statusCode(), sent.body());
        return json(sent).path("data").path("id").asText();
    }

    @Test
    void aSentSmsIsDeliveredAfterTheDelayAndBothReceiptsArePosted() {
        setCallback("sms_dlr_callback", receiver.url("/dlr"));
        String id = json(http.sms(OURS, THEIRS, "hello")).path("data").path("id").asText();

        WebhookReceiver.Received first = receiver.next();
        WebhookReceiver.Received second = receiver.next();

        assertEquals("/dlr", first.path());
        assertEquals("application/json", first.contentType());
        DeliveryReceipt buffered = FlowrouteWebhooks.deliveryReceipt(first.body());
        DeliveryReceipt delivered = FlowrouteWebhooks.deliveryReceipt(second.body());
        assertEquals(Optional.of(id), buffered.id());
        assertEquals(MessageStatus.MESSAGE_BUFFERED, buffered.status());
        assertEquals(Optional.of(1), buffered.level());
        assertEquals(MessageStatus.DELIVERED, delivered.status());
        assertEquals(Optional.of(2), delivered.level());
        assertEquals(Optional.of(id), delivered.id());

        JsonNode record = json(http.get("/v2.1/messages/" + id)).path("data").path("attributes");
        assertEquals("delivered", record.path("status").asText());
        assertEquals(2, record.path("delivery_receipts").size());
        assertEquals(MessageStatus.DELIVERED, sandbox.sentMessages().get(0).status());
        waitFor(() -> sandbox.callbackDeliveries().stream().allMatch(d -> d.state() == CallbackDelivery.State.DELIVERED));
        assertEquals(List.of(CallbackDelivery.Kind.DELIVERY_RECEIPT, CallbackDelivery.Kind.DELIVERY_RECEIPT),
                sandbox.callbackDeliveries().stream().map(CallbackDelivery::kind).toList());
    }

    @Test
    void aMessagesOwnDlrCallbackWinsOverTheAccounts() {
        setCallback("sms_dlr_callback", receiver.url("/account"));
        String id = send("{\"data\":{\"type\":\"message\",\"attributes\":{\"from\":\"" + OURS + "\",\"to\":\"" + THEIRS
                + "\",\"body\":\"hi\",\"dlr_callback\":\"" + receiver.url("/own") + "\"}}}");

        assertEquals("/own", receiver.next().path());
        assertEquals("/own", receiver.next().path());
        assertTrue(sandbox.callbackDeliveries().stream().allMatch(d -> d.messageId().equals(id)
                && d.url().equals(receiver.url("/own"))));
    }

    @Test
    void mmsReceiptsGoToTheMmsDlrCallback() {
        setCallback("sms_dlr_callback", receiver.url("/sms"));
        setCallback("mms_dlr_callback", receiver.url("/mms"));
        send("{\"data\":{\"type\":\"message\",\"attributes\":{\"from\":\"" + OURS + "\",\"to\":\"" + THEIRS
                + "\",\"body\":\"\",\"is_mms\":\"true\",\"media_urls\":[\"https://example.com/a.gif\"]}}}");

        assertEquals("/mms", receiver.next().path());
        assertEquals("/mms", receiver.next().path());
    }

    @Test
    void anInboundSmsIsRecordedAndPostedToTheSmsCallback() {
        setCallback("sms_callback", receiver.url("/sms"));
        setCallback("mms_callback", receiver.url("/mms"));

        InboundMessage sent = sandbox.inbound().sms(THEIRS, OURS, "are you there?");

        WebhookReceiver.Received posted = receiver.next();
        assertEquals("/sms", posted.path());
        assertEquals(sent, FlowrouteWebhooks.inboundMessage(posted.body()));
        assertEquals(PhoneNumber.parse(THEIRS), sent.from());
        assertEquals("are you there?", sent.body());
        JsonNode record = json(http.get("/v2.1/messages/" + sent.id())).path("data").path("attributes");
        assertEquals("inbound", record.path("direction").asText());
        assertEquals("delivered", record.path("status").asText());
        assertEquals("are you there?", record.path("body").asText());
        assertTrue(sandbox.sentMessages().isEmpty(), "an inbound message is not a sent one");
    }

    @Test
    void anInboundMmsIsPostedToTheMmsCallbackWithItsMedia() {
        setCallback("mms_callback", receiver.url("/mms"));
        List<URI> media = List.of(URI.create("https://example.com/cat.gif"));

        InboundMessage sent = sandbox.inbound().mms(THEIRS, OURS, "", media);

        InboundMessage posted = FlowrouteWebhooks.inboundMessage(receiver.next().body());
        assertEquals(sent, posted);
        assertEquals(media, posted.mediaUrls());
        assertTrue(posted.isMms());
    }

    @Test
    void withoutACallbackNothingIsPosted() {
        sandbox.inbound().sms(THEIRS, OURS, "hello");
        http.sms(OURS, THEIRS, "hello");

        assertEquals(List.of(), receiver.during(Duration.ofMillis(200)));
        assertEquals(List.of(), sandbox.callbackDeliveries());
    }

    @Test
    void aReceiverThatFailsIsRetriedUntilItAnswers200() {
        setCallback("sms_callback", receiver.url("/sms"));
        receiver.answering(500, 503);

        InboundMessage sent = sandbox.inbound().sms(THEIRS, OURS, "hello");

        for (int i = 0; i < 3; i++) {
            assertEquals(sent.id(), FlowrouteWebhooks.inboundMessage(receiver.next().body()).id());
        }
        waitFor(() -> sandbox.callbackDeliveries().get(0).state() == CallbackDelivery.State.DELIVERED);
        CallbackDelivery delivery = sandbox.callbackDeliveries().get(0);
        assertEquals(3, delivery.attempts());
        assertEquals(200, delivery.lastStatus());
        assertEquals(List.of(), receiver.during(RETRY.multipliedBy(5)));
    }

    @Test
    void theSandboxGivesUpAfterFourRetries() {
        setCallback("sms_callback", receiver.url("/sms"));
        receiver.answering(500, 500, 500, 500, 500, 500, 500);

        sandbox.inbound().sms(THEIRS, OURS, "hello");

        for (int i = 0; i < 5; i++) {
            receiver.next();
        }
        waitFor(() -> sandbox.callbackDeliveries().get(0).state() == CallbackDelivery.State.FAILED);
        assertEquals(new CallbackDelivery(CallbackDelivery.Kind.INBOUND_MESSAGE, sandbox.callbackDeliveries().get(0).messageId(),
                receiver.url("/sms"), CallbackDelivery.State.FAILED, 5, 500), sandbox.callbackDeliveries().get(0));
        assertEquals(List.of(), receiver.during(RETRY.multipliedBy(5)));
    }

    @Test
    void aReceiverThatIsNotListeningCountsAsNoAnswer() {
        URI closed = receiver.url("/sms");
        receiver.close();
        setCallback("sms_callback", closed);

        sandbox.inbound().sms(THEIRS, OURS, "hello");

        waitFor(() -> sandbox.callbackDeliveries().get(0).state() == CallbackDelivery.State.FAILED);
        assertEquals(5, sandbox.callbackDeliveries().get(0).attempts());
        assertEquals(0, sandbox.callbackDeliveries().get(0).lastStatus());
        receiver = new WebhookReceiver();
    }

    @Test
    void aCallbackOffThisMachineIsKeptButNeverPosted() {
        setCallback("sms_callback", URI.create("https://example.com/flowroute/sms"));

        InboundMessage sent = sandbox.inbound().sms(THEIRS, OURS, "hello");

        assertEquals(Optional.of(URI.create("https://example.com/flowroute/sms")),
                sandbox.callback(com.flowroute.numbers.CallbackType.SMS));
        assertEquals(List.of(new CallbackDelivery(CallbackDelivery.Kind.INBOUND_MESSAGE, sent.id(),
                URI.create("https://example.com/flowroute/sms"), CallbackDelivery.State.SKIPPED, 0, 0)),
                sandbox.callbackDeliveries());
    }

    @Test
    void onlyLoopbackHostsCount() {
        assertTrue(CallbackSender.isLoopback(URI.create("http://127.0.0.1:8080/x")));
        assertTrue(CallbackSender.isLoopback(URI.create("http://127.1.2.3/x")));
        assertTrue(CallbackSender.isLoopback(URI.create("http://[::1]:8080/x")));
        assertTrue(CallbackSender.isLoopback(URI.create("http://LOCALHOST:8080/x")));
        assertTrue(!CallbackSender.isLoopback(URI.create("http://10.0.0.1/x")));
        assertTrue(!CallbackSender.isLoopback(URI.create("http://127.0.0.1.example.com/x")));
        assertTrue(!CallbackSender.isLoopback(URI.create("http://localhost.example.com/x")));
        assertTrue(!CallbackSender.isLoopback(URI.create("https://example.com/x")));
        assertEquals("https://example.com:8443/hook", CallbackSender.printable(URI.create("https://user:pw@example.com:8443/hook?token=s")));
    }

    @Test
    void aResetCancelsPendingRetries() {
        try (FlowrouteSandbox slow = FlowrouteSandbox.builder().callbackRetryInterval(Duration.ofMillis(300)).start()) {
            BasicClient client = new BasicClient(slow);
            client.buy(OURS);
            assertEquals(204, client.put("/v2.1/messages/sms_callback", "{\"callback_url\":\"" + receiver.url("/sms") + "\"}")
                    .statusCode());
            receiver.answering(500, 500, 500);
            slow.inbound().sms(THEIRS, OURS, "hello");
            receiver.next();

            slow.reset();

            assertEquals(List.of(), slow.callbackDeliveries());
            assertEquals(List.of(), receiver.during(Duration.ofMillis(900)));
        }
    }

    @Test
    void inboundMessagesNeedANumberOnTheAccountAndValidParts() {
        IllegalArgumentException notOurs = assertThrows(IllegalArgumentException.class,
                () -> sandbox.inbound().sms(THEIRS, MessagingEndpointsTest.OTHER, "hello"));
        assertTrue(notOurs.getMessage().startsWith("to "), notOurs.getMessage());

        IllegalArgumentException badFrom = assertThrows(IllegalArgumentException.class,
                () -> sandbox.inbound().sms("555", OURS, "hello"));
        assertTrue(badFrom.getMessage().startsWith("from "), badFrom.getMessage());

        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> sandbox.inbound().sms(THEIRS, OURS, " "));
        assertTrue(blank.getMessage().startsWith("body "), blank.getMessage());

        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> sandbox.inbound().mms(THEIRS, OURS, "", List.of(URI.create("http://example.com/a.gif"))));
        assertTrue(plain.getMessage().startsWith("mediaUrls[0] "), plain.getMessage());

        assertEquals(0, json(http.get("/v2.1/messages?start_date=2000-01-01")).path("data").size());
    }

    /** Waits, without a fixed sleep, for the background work {@code done} describes; fails after 10 s. */
    private static void waitFor(BooleanSupplier done) {
        Boolean ok = reactor.core.publisher.Flux.interval(Duration.ZERO, Duration.ofMillis(10))
                .map(tick -> done.getAsBoolean())
                .filter(Boolean::booleanValue)
                .next()
                .timeout(Duration.ofSeconds(10), Mono.just(false))
                .block();
        assertTrue(Boolean.TRUE.equals(ok), "the sandbox's background work did not finish within 10 s");
    }
}
