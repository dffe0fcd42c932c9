package com.flowroute.numbers.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.InboundMessage;
import com.flowroute.numbers.MessageDirection;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.sandbox.CallbackDelivery;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class TextResponderTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final PhoneNumber OURS = PhoneNumber.parse("12066417744");
    private static final PhoneNumber THEIRS = PhoneNumber.parse("13125550199");

    @RegisterExtension
    static final FlowrouteSandboxExtension SANDBOX =
            new FlowrouteSandboxExtension(FlowrouteSandbox.builder().callbackRetryInterval(Duration.ofMillis(20)));

    private final FlowrouteSandbox sandbox;
    private ReactiveFlowrouteClient flowroute;
    private TextResponder responder;

    TextResponderTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @BeforeEach
    void start() {
        flowroute = Target.sandbox(sandbox).configure(ReactiveFlowrouteClient.builder()).build();
        flowroute.numbers().purchase(OURS).block(WAIT);
        responder = new TextResponder(flowroute, 0);
        flowroute.messages().setCallback(CallbackType.SMS, responder.callbackUrl()).block(WAIT);
    }

    @AfterEach
    void stop() {
        responder.close();
        flowroute.close();
    }

    @Test
    void aTextGetsAReplyFromTheNumberItWasSentTo() {
        InboundMessage text = sandbox.inbound().sms(THEIRS, OURS, "  hours ");

        waitFor(() -> sandbox.sentMessages().size() == 1);
        MessageRecord reply = sandbox.sentMessages().get(0);
        assertEquals(OURS, reply.from());
        assertEquals(THEIRS, reply.to());
        assertEquals(MessageDirection.OUTBOUND, reply.direction());
        assertEquals("We are open Monday to Friday, 9 am to 5 pm.", reply.body());
        // Flowroute got its 200 at the first attempt: nothing is posted again.
        waitFor(() -> sandbox.callbackDeliveries().get(0).state() == CallbackDelivery.State.DELIVERED);
        assertEquals(1, sandbox.callbackDeliveries().get(0).attempts());
        assertEquals(text.id(), sandbox.callbackDeliveries().get(0).messageId());
    }

    @Test
    void eachTextIsAnsweredOnceAndStopIsNot() {
        sandbox.inbound().sms(THEIRS, OURS, "hello");
        sandbox.inbound().sms(PhoneNumber.parse("14155550123"), OURS, "STOP");
        sandbox.inbound().sms(PhoneNumber.parse("16465550123"), OURS, "HOURS");

        waitFor(() -> sandbox.callbackDeliveries().size() == 3 && sandbox.callbackDeliveries().stream()
                .allMatch(delivery -> delivery.state() == CallbackDelivery.State.DELIVERED));
        waitFor(() -> sandbox.sentMessages().size() == 2);
        List<PhoneNumber> answered = sandbox.sentMessages().stream().map(MessageRecord::to).sorted(
                java.util.Comparator.comparing(PhoneNumber::toString)).toList();
        assertEquals(List.of(THEIRS, PhoneNumber.parse("16465550123")), answered);
        assertTrue(sandbox.sentMessages().stream().anyMatch(reply -> reply.body().startsWith("Thanks")));
    }

    @Test
    void aWebhookPostedTwiceIsAnsweredOnce() throws Exception {
        String webhook = "{\"data\":{\"type\":\"message\",\"id\":\"mdr2-ca82be46e6ba11e79d08862d092cf73d\",\"attributes\":"
                + "{\"body\":\"hi\",\"direction\":\"inbound\",\"from\":\"" + THEIRS + "\",\"to\":\"" + OURS + "\","
                + "\"timestamp\":\"2017-12-22T01:52:39.39Z\"}}}";
        assertEquals(200, post(webhook).statusCode());
        assertEquals(200, post(webhook).statusCode());

        waitFor(() -> sandbox.sentMessages().size() == 1);
        // Give a second reply, if one were coming, time to arrive.
        Mono.delay(Duration.ofMillis(300)).block();
        assertEquals(1, sandbox.sentMessages().size());
    }

    @Test
    void aBodyThatIsNotAnInboundMessageIsA400() throws Exception {
        HttpResponse<String> html = post("<html>oops</html>");
        assertEquals(400, html.statusCode());
        assertTrue(html.body().contains("not JSON"), html.body());

        HttpResponse<String> receipt = post("{\"data\":{\"type\":\"delivery_receipt\",\"id\":\"mdr2-1\","
                + "\"attributes\":{\"status\":\"delivered\"}}}");
        assertEquals(400, receipt.statusCode());
        assertTrue(sandbox.sentMessages().isEmpty());
    }

    @Test
    void theRoundTripOfMainRepliesWithoutPrintingTheTexts(FlowrouteSandbox sandbox) {
        sandbox.reset();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        MessageRecord reply = TextResponder.roundTrip(sandbox, flowroute, 0, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String output = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(reply), sandbox.sentMessages());
        assertEquals(THEIRS, reply.to());
        assertTrue(output.contains("Replied from " + reply.from() + " to " + THEIRS + " with " + reply.id()), output);
        assertFalse(output.contains("hours"), output);
        assertFalse(output.contains(reply.body()), output);
    }

    private HttpResponse<String> post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(responder.callbackUrl()).timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void waitFor(BooleanSupplier done) {
        Boolean ok = Flux.interval(Duration.ZERO, Duration.ofMillis(10)).map(tick -> done.getAsBoolean())
                .filter(Boolean::booleanValue).next().timeout(WAIT, Mono.just(false)).block();
        assertTrue(Boolean.TRUE.equals(ok), "did not happen within " + WAIT);
    }
}
