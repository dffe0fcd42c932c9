package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.BasicClient.detail;
import static com.flowroute.numbers.sandbox.MessagingEndpointsTest.OURS;
import static com.flowroute.numbers.sandbox.MessagingEndpointsTest.THEIRS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.MessageRecord;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The message rate limit: a sliding one-second window of accepted sends, judged on a ticker the
 * test moves, so that nothing here depends on how fast the machine is.
 */
class MessageRateLimitTest {
    private final AtomicLong ticker = new AtomicLong(1_000_000_000L);

    private FlowrouteSandbox start(int limit) {
        FlowrouteSandbox sandbox = FlowrouteSandbox.builder().messageRateLimit(limit).ticker(ticker::get).start();
        new BasicClient(sandbox).buy(OURS);
        return sandbox;
    }

    private void advanceMillis(long millis) {
        ticker.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void theSixthSendWithinASecondIsA429UntilTheFirstIsASecondOld() {
        try (FlowrouteSandbox sandbox = start(5)) {
            BasicClient http = new BasicClient(sandbox);
            for (int i = 0; i < 5; i++) {
                assertEquals(202, http.sms(OURS, THEIRS, "m" + i).statusCode());
                advanceMillis(100);
            }
            // 500 ms after the first: the window holds five.
            HttpResponse<String> limited = http.sms(OURS, THEIRS, "m5");
            assertEquals(429, limited.statusCode(), limited.body());
            assertEquals("1", limited.headers().firstValue("Retry-After").orElse(""));
            assertTrue(detail(limited).contains("at most 5 messages per second"), detail(limited));
            assertEquals(5, sandbox.sentMessages().size());

            advanceMillis(499);
            assertEquals(429, http.sms(OURS, THEIRS, "m5").statusCode());
            advanceMillis(1);
            // Exactly a second after the first send: it has left the window.
            assertEquals(202, http.sms(OURS, THEIRS, "m5").statusCode());
            assertEquals(429, http.sms(OURS, THEIRS, "m6").statusCode());
            advanceMillis(100);
            assertEquals(202, http.sms(OURS, THEIRS, "m6").statusCode());

            List<MessageRecord> sent = sandbox.sentMessages();
            assertEquals(7, sent.size());
            assertEquals("m6", sent.get(6).body());
            // The records' timestamps are the instants the window judged.
            assertEquals(Duration.ofSeconds(1), Duration.between(sent.get(0).timestamp(), sent.get(5).timestamp()));
        }
    }

    @Test
    void refusedSendsDoNotFillTheWindow() {
        try (FlowrouteSandbox sandbox = start(2)) {
            BasicClient http = new BasicClient(sandbox);
            assertEquals(202, http.sms(OURS, THEIRS, "a").statusCode());
            for (int i = 0; i < 10; i++) {
                assertEquals(422, http.sms(OURS, THEIRS, " ").statusCode());
                assertEquals(403, http.sms(MessagingEndpointsTest.OTHER, THEIRS, "b").statusCode());
            }
            assertEquals(202, http.sms(OURS, THEIRS, "b").statusCode());
            assertEquals(429, http.sms(OURS, THEIRS, "c").statusCode());
        }
    }

    @Test
    void zeroTurnsTheLimitOff() {
        try (FlowrouteSandbox sandbox = start(0)) {
            BasicClient http = new BasicClient(sandbox);
            for (int i = 0; i < 20; i++) {
                assertEquals(202, http.sms(OURS, THEIRS, "m" + i).statusCode());
            }
            assertEquals(20, sandbox.sentMessages().size());
        }
    }

    @Test
    void aResetEmptiesTheWindow() {
        try (FlowrouteSandbox sandbox = start(1)) {
            BasicClient http = new BasicClient(sandbox);
            assertEquals(202, http.sms(OURS, THEIRS, "a").statusCode());
            assertEquals(429, http.sms(OURS, THEIRS, "b").statusCode());

            sandbox.reset();
            http.buy(OURS);

            assertEquals(202, http.sms(OURS, THEIRS, "b").statusCode());
        }
    }

    @Test
    void theLimitIsFiveByDefaultAndOffInTheExtension() {
        try (FlowrouteSandbox started = FlowrouteSandbox.start()) {
            assertEquals(5, started.messageRateLimit());
        }
        try (FlowrouteSandbox fromTheJar = FlowrouteSandboxMain.options(new String[] {"--port", "0"}).start();
                FlowrouteSandbox unlimited = FlowrouteSandboxMain.options(
                        new String[] {"--port", "0", "--message-rate-limit", "0"}).start()) {
            assertEquals(5, fromTheJar.messageRateLimit());
            assertEquals(0, unlimited.messageRateLimit());
        }
        assertEquals(0, sandboxOf(new FlowrouteSandboxExtension()).messageRateLimit());
        assertEquals(0, sandboxOf(new FlowrouteSandboxExtension(FlowrouteSandbox.builder().seed(7))).messageRateLimit());
        assertEquals(5, sandboxOf(new FlowrouteSandboxExtension(FlowrouteSandbox.builder().messageRateLimit(5)))
                .messageRateLimit());
        assertThrows(IllegalArgumentException.class, () -> FlowrouteSandbox.builder().messageRateLimit(-1));
    }

    @RegisterExtension
    static final FlowrouteSandboxExtension EXTENSION = new FlowrouteSandboxExtension();

    @Test
    void theExtensionsSandboxTakesBurstsOfSends(FlowrouteSandbox sandbox) {
        BasicClient http = new BasicClient(sandbox);
        http.buy(OURS);
        for (int i = 0; i < 12; i++) {
            assertEquals(202, http.sms(OURS, THEIRS, "m" + i).statusCode());
        }
    }

    /** The sandbox an extension starts, closed again at once. */
    private static FlowrouteSandbox sandboxOf(FlowrouteSandboxExtension extension) {
        FlowrouteSandbox sandbox = extension.startSandbox();
        sandbox.close();
        return sandbox;
    }
}
