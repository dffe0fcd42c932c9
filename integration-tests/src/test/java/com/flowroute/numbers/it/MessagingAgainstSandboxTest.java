package com.flowroute.numbers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.AuthenticationException;
import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.DeliveryReceipt;
import com.flowroute.numbers.FlowrouteWebhooks;
import com.flowroute.numbers.MessageDirection;
import com.flowroute.numbers.MessageQuery;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.MessageStatus;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/**
 * Texting end to end: both clients against the sandbox, which records what was sent, so that
 * every result is checked against what the server holds. Whatever the clients' {@code apiVersion},
 * messaging goes over v2.1 with Basic auth.
 */
class MessagingAgainstSandboxTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String OURS = "12066417744";
    private static final String THEIRS = "13125550199";
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
            .minBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).build();

    @RegisterExtension
    static final FlowrouteSandboxExtension SANDBOX = new FlowrouteSandboxExtension(FlowrouteSandbox.builder()
            .messageDeliveryDelay(Duration.ZERO)
            .callbackRetryInterval(Duration.ofMillis(20)));

    private final FlowrouteSandbox sandbox;
    private ReactiveFlowrouteClient rx;
    private FlowrouteClient client;

    MessagingAgainstSandboxTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @BeforeEach
    void buyANumber() {
        rx = ReactiveFlowrouteClient.builder().baseUrl(sandbox.baseUrl()).credentials(sandbox.credentials())
                .retryPolicy(FAST_RETRIES).messageRate(0).build();
        client = FlowrouteClient.builder().baseUrl(sandbox.baseUrl()).credentials(sandbox.credentials())
                .retryPolicy(FAST_RETRIES).messageRate(0).build();
        rx.numbers().purchase(OURS).block(WAIT);
    }

    @AfterEach
    void close() {
        rx.close();
        client.close();
    }

    @Test
    void theReactiveClientSendsLooksUpAndLists() {
        Instant start = Instant.now().minusSeconds(1);
        String id = rx.messages().send(OutboundMessage.sms(OURS, THEIRS, "hello there")).block(WAIT);

        assertEquals(1, sandbox.sentMessages().size());
        assertEquals(id, sandbox.sentMessages().get(0).id());
        MessageRecord record = rx.messages().get(id).block(WAIT);
        assertEquals(sandbox.sentMessages().get(0), record);
        assertEquals("hello there", record.body());
        assertEquals(PhoneNumber.parse(OURS), record.from());
        assertEquals(MessageDirection.OUTBOUND, record.direction());
        assertEquals(MessageStatus.DELIVERED, record.status());
        assertEquals(new BigDecimal("0.004"), record.amount());
        assertEquals(List.of(MessageStatus.MESSAGE_BUFFERED, MessageStatus.DELIVERED),
                record.deliveryReceipts().stream().map(DeliveryReceipt::status).toList());

        String inbound = sandbox.inbound().sms(THEIRS, OURS, "hi back").id();
        StepVerifier.create(rx.messages().list(MessageQuery.builder().start(start).pageSize(1).build()).map(MessageRecord::id))
                .expectNext(id, inbound)
                .expectComplete()
                .verify(WAIT);
        // One page per record, and no request after the last.
        assertEquals(2, sandbox.journal().stream().filter(r -> r.method().equals("GET") && r.path().equals("/v2.1/messages"))
                .count());
    }

    @Test
    void theBlockingClientSendsAnMmsLooksItUpAndListsIt() {
        Instant start = Instant.now().minusSeconds(1);
        List<URI> media = List.of(URI.create("https://example.com/cat.gif"));
        String id = client.messages().send(OutboundMessage.mms(OURS, THEIRS, "look", media));

        MessageRecord record = client.messages().get(id);
        assertEquals(sandbox.sentMessages().get(0), record);
        assertTrue(record.isMms());
        assertEquals(media, record.mediaUrls());
        List<String> listed = new ArrayList<>();
        client.messages().list(MessageQuery.since(start)).forEach(listedRecord -> listed.add(listedRecord.id()));
        assertEquals(List.of(id), listed);
        assertThrows(NotFoundException.class, () -> client.messages().get("mdr2-00000000000000000000000000000000"));
    }

    @Test
    void bothClientsSetTheAccountsCallbacks() {
        rx.messages().setCallback(CallbackType.SMS, URI.create("https://example.com/sms")).block(WAIT);
        client.messages().setCallback(CallbackType.MMS_DLR, URI.create("http://127.0.0.1:9/mms-dlr"));

        assertEquals(Optional.of(URI.create("https://example.com/sms")), sandbox.callback(CallbackType.SMS));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9/mms-dlr")), sandbox.callback(CallbackType.MMS_DLR));
        assertEquals(Optional.empty(), sandbox.callback(CallbackType.MMS));
    }

    @Test
    void receiptsOfASendReachTheDeliveryCallbackItNames() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        DisposableServer receiver = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asString().doOnNext(received::add)
                        .then(response.status(200).send()))
                .bindNow();
        try {
            URI url = URI.create("http://127.0.0.1:" + receiver.port() + "/dlr");
            String id = rx.messages().send(OutboundMessage.sms(OURS, THEIRS, "track me").withDeliveryCallback(url)).block(WAIT);

            List<DeliveryReceipt> receipts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String body = received.poll(10, TimeUnit.SECONDS);
                assertTrue(body != null, "a receipt arrived");
                receipts.add(FlowrouteWebhooks.deliveryReceipt(body));
            }
            assertTrue(receipts.stream().allMatch(receipt -> receipt.id().equals(Optional.of(id))));
            assertEquals(List.of(MessageStatus.MESSAGE_BUFFERED, MessageStatus.DELIVERED),
                    receipts.stream().map(DeliveryReceipt::status).sorted((a, b) -> a.equals(b) ? 0
                            : a.equals(MessageStatus.MESSAGE_BUFFERED) ? -1 : 1).toList());
        } finally {
            receiver.disposeNow(Duration.ofSeconds(5));
        }
    }

    @Test
    void aSendFromANumberNotOnTheAccountIsRefusedAndSendsNothing() {
        StepVerifier.create(rx.messages().send(OutboundMessage.sms("12066417667", THEIRS, "hello")))
                .expectErrorSatisfies(error -> {
                    AuthenticationException refused = assertInstanceOf(AuthenticationException.class, error);
                    assertEquals(403, refused.statusCode());
                    assertTrue(refused.getMessage().contains("not a number on your account"), refused.getMessage());
                })
                .verify(WAIT);
        assertThrows(AuthenticationException.class,
                () -> client.messages().send(OutboundMessage.sms("12066417667", THEIRS, "hello")));
        assertTrue(sandbox.sentMessages().isEmpty());
    }

    @Test
    void aSendWhoseAnswerIsLostIsFoundAndNotSentTwice() {
        sandbox.faults().next(1).matching("POST", "/v2.1/messages").processThenDrop();

        String id = rx.messages().send(OutboundMessage.sms(OURS, THEIRS, "only once")).block(WAIT);

        assertEquals(1, sandbox.sentMessages().size());
        assertEquals(id, sandbox.sentMessages().get(0).id());
        assertEquals(1, sandbox.journal().stream().filter(r -> r.method().equals("POST")).count());
    }

    @Test
    void badInputIsRefusedNamingTheFieldBeforeAnythingIsSent() {
        sandbox.reset();
        String tooLong = "a".repeat(OutboundMessage.MAX_SMS_CHARACTERS + 1);
        List<URI> plain = List.of(URI.create("http://example.com/a.gif"));
        refused("from", () -> OutboundMessage.sms("555-0100", THEIRS, "hello"));
        refused("to", () -> OutboundMessage.sms(OURS, "1206555", "hello"));
        refused("to", () -> OutboundMessage.sms(OURS, "12061115555", "hello"));
        refused("body", () -> OutboundMessage.sms(OURS, THEIRS, ""));
        refused("body", () -> OutboundMessage.sms(OURS, THEIRS, " \n\t"));
        refused("body", () -> OutboundMessage.sms(OURS, THEIRS, tooLong));
        refused("mediaUrls", () -> OutboundMessage.mms(OURS, THEIRS, "look", List.of()));
        refused("mediaUrls[0]", () -> OutboundMessage.mms(OURS, THEIRS, "look", plain));
        refused("deliveryCallback", () -> OutboundMessage.sms(OURS, THEIRS, "x").withDeliveryCallback(URI.create("ftp://x/y")));
        refused("start", () -> MessageQuery.builder().pageSize(5).build());
        refused("pageSize", () -> MessageQuery.builder().start(Instant.now()).pageSize(201).build());

        // Errors of the reactive calls come as signals, from the blocking ones as exceptions.
        refusedSignal("id", rx.messages().get(" "));
        refusedSignal("callbackUrl", rx.messages().setCallback(CallbackType.SMS, URI.create("mailto:me@example.com")));
        refused("id", () -> client.messages().get(""));
        refused("callbackUrl", () -> {
            client.messages().setCallback(CallbackType.SMS, URI.create("/relative"));
            return null;
        });

        IllegalArgumentException body = assertThrows(IllegalArgumentException.class,
                () -> OutboundMessage.sms(OURS, THEIRS, "secret words " + tooLong));
        assertFalse(body.getMessage().contains("secret words"), "the body is not in the message: " + body.getMessage());
        assertEquals(List.of(), sandbox.journal(), "nothing reached the sandbox");
        assertTrue(sandbox.sentMessages().isEmpty());
    }

    private static void refused(String field, Supplier<?> call) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, toExecutable(call));
        assertTrue(refused.getMessage().startsWith(field + " "), "names " + field + ": " + refused.getMessage());
    }

    private static void refusedSignal(String field, Mono<?> call) {
        StepVerifier.create(call)
                .expectErrorSatisfies(error -> {
                    assertInstanceOf(IllegalArgumentException.class, error);
                    assertTrue(error.getMessage().startsWith(field + " "), "names " + field + ": " + error.getMessage());
                })
                .verify(WAIT);
    }

    private static Executable toExecutable(Supplier<?> call) {
        return call::get;
    }

    @Test
    void manySendsThroughOneClientKeepTheirOrderOfIds() {
        List<String> ids = Flux.range(0, 20)
                .concatMap(i -> rx.messages().send(OutboundMessage.sms(OURS, THEIRS, "n" + i)))
                .collectList().block(WAIT);

        assertEquals(sandbox.sentMessages().stream().map(MessageRecord::id).toList(), ids);
    }
}
