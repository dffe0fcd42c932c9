package com.flowroute.numbers.it;

import com.flowroute.numbers.testing.LogCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.sandbox.CallbackDelivery;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A message body is personal data: none appears in any log line at INFO or above, whether the
 * SDK or the sandbox writes it, on success or failure, nor in the exceptions an application
 * would log. Bodies here are distinctive words that nothing else prints.
 */
class MessagingLogTest {
    private static final Logger APP = LoggerFactory.getLogger("app");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OURS = "12066417744";
    private static final String THEIRS = "13125550199";

    @Test
    void noBodyAppearsInALogLine() {
        List<String> bodies = new ArrayList<>();
        try (LogCapture log = new LogCapture();
                FlowrouteSandbox sandbox = FlowrouteSandbox.builder().messageRateLimit(0)
                        .callbackRetryInterval(Duration.ofMillis(10)).start();
                ReactiveFlowrouteClient rx = ReactiveFlowrouteClient.builder().baseUrl(sandbox.baseUrl())
                        .credentials(sandbox.credentials()).messageRate(0)
                        .retryPolicy(RetryPolicy.builder().minBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(10))
                                .build())
                        .build();
                FlowrouteClient client = FlowrouteClient.builder().baseUrl(sandbox.baseUrl())
                        .credentials(sandbox.credentials()).messageRate(0)
                        .retryPolicy(RetryPolicy.builder().maxRetries(1).minBackoff(Duration.ofMillis(5)).build())
                        .build()) {
            DisposableServer failing = HttpServer.create().host("127.0.0.1").port(0)
                    .handle((request, response) -> request.receive().then(response.status(500).send()))
                    .bindNow();
            try {
                rx.numbers().purchase(OURS).block(WAIT);
                // Receipts go to a receiver that always fails (the sandbox retries, then warns);
                // inbound texts to a host off this machine (the sandbox warns and skips them).
                rx.messages().setCallback(CallbackType.SMS_DLR, URI.create("http://127.0.0.1:" + failing.port() + "/dlr"))
                        .block(WAIT);
                rx.messages().setCallback(CallbackType.SMS, URI.create("https://example.com/sms")).block(WAIT);

                String delivered = word(bodies, "periwinkle");
                rx.messages().send(OutboundMessage.sms(OURS, THEIRS, delivered)).block(WAIT);
                client.messages().send(OutboundMessage.sms(OURS, THEIRS, word(bodies, "quokka")));
                sandbox.inbound().sms(THEIRS, OURS, word(bodies, "marzipan"));

                // Failures an application logs, with their causes and stack traces.
                logged(() -> rx.messages().send(OutboundMessage.sms("12066417667", THEIRS, word(bodies, "tangerine")))
                        .block(WAIT));
                logged(() -> OutboundMessage.sms(OURS, THEIRS, word(bodies, "xylophone") + " ".repeat(1600)));
                sandbox.faults().next(1).matching("POST", "/v2.1/messages").processThenDrop()
                        .always().matching("GET", "/v2.1/messages").respond(500);
                Throwable unknown = logged(() -> rx.messages().send(OutboundMessage.sms(OURS, THEIRS, word(bodies, "zeppelin")))
                        .block(WAIT));
                assertTrue(unknown instanceof FlowrouteTransportException && unknown.getMessage().contains("outcome of this send is unknown"),
                        String.valueOf(unknown));
                sandbox.faults().clear();
                sandbox.faults().always().matching("POST", "/v2.1/messages").respond(503);
                logged(() -> client.messages().send(OutboundMessage.sms(OURS, THEIRS, word(bodies, "harmonica"))));
                sandbox.faults().clear();

                // The sandbox gives up on the failing receiver after its retries, and says so.
                waitUntil(() -> sandbox.callbackDeliveries().stream()
                        .noneMatch(d -> d.state() == CallbackDelivery.State.PENDING));
                assertTrue(sandbox.callbackDeliveries().stream().anyMatch(d -> d.state() == CallbackDelivery.State.FAILED));
            } finally {
                failing.disposeNow(Duration.ofSeconds(5));
            }

            List<String> lines = log.lines();
            assertTrue(lines.stream().anyMatch(line -> line.contains(" WARN ") && line.contains("gave up posting")),
                    "the sandbox's warnings were captured: " + lines);
            assertTrue(lines.stream().anyMatch(line -> line.contains(" WARN ") && line.contains("only to this machine")),
                    "the sandbox's warnings were captured: " + lines);
            assertTrue(lines.stream().anyMatch(line -> line.contains(" ERROR app")), "the application's errors were captured");
            assertFalse(lines.stream().anyMatch(line -> line.contains(" DEBUG ")), "this module logs at INFO and above");
            for (String body : bodies) {
                String word = body.substring(0, body.indexOf(' '));
                for (String line : lines) {
                    assertFalse(line.contains(word), () -> "a body appears in the log: " + line);
                }
            }
            assertEquals(7, bodies.size());
        }
    }

    /** A body around a distinctive word, remembered for the final check. */
    private static String word(List<String> bodies, String word) {
        String body = word + " is what this text says";
        bodies.add(body);
        return body;
    }

    /** Runs a call expected to fail and logs its exception at ERROR, as an application would. */
    private static Throwable logged(Runnable call) {
        Throwable error = assertThrows(Throwable.class, call::run);
        APP.error("sending a text failed", error);
        return error;
    }

    private static void waitUntil(java.util.function.BooleanSupplier done) {
        Boolean ok = Flux.interval(Duration.ZERO, Duration.ofMillis(10)).map(tick -> done.getAsBoolean())
                .filter(Boolean::booleanValue).next().timeout(Duration.ofSeconds(10), Mono.just(false)).block();
        assertTrue(Boolean.TRUE.equals(ok), "the sandbox's webhooks did not end within 10 s");
    }
}
