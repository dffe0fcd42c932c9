package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.PhoneNumber;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowrouteSandboxExtension.class)
class FaultsTest {
    private final FlowrouteSandbox sandbox;
    private final RawClient client;

    FaultsTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new RawClient(sandbox);
    }

    @Test
    void anInjectedStatusHitsOnlyMatchingRequestsAndOnlyAsOftenAsAsked() {
        sandbox.faults().next(2).matching("PUT", "/v1/tns/").respond(503);

        assertEquals(200, client.get("/v1/tns/").statusCode());
        HttpResponse<String> first = client.purchase("12066417744");
        HttpResponse<String> second = client.purchase("12066417744");
        assertEquals(List.of(), sandbox.accountNumbers(), "an injected status has no effect");
        HttpResponse<String> third = client.purchase("12066417744");

        assertEquals(503, first.statusCode());
        assertEquals(503, second.statusCode());
        assertEquals("application/json", first.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(json(first).get("error").asText().startsWith("injected fault"), first.body());
        assertFalse(first.headers().firstValue("Retry-After").isPresent());
        assertEquals(201, third.statusCode());
        assertEquals(List.of(PhoneNumber.parse("12066417744")), sandbox.accountNumbers());
        assertEquals(0, sandbox.faults().pending());
        assertEquals(List.of(200, 503, 503, 201), sandbox.journal().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void aRateLimitCarriesRetryAfterInWholeSecondsRoundedUp() {
        sandbox.faults().next(1).respond(429, Duration.ofSeconds(3)).next(1).respond(503, Duration.ofMillis(1500));

        HttpResponse<String> limited = client.get("/v1/routes/");
        HttpResponse<String> unavailable = client.get("/v1/routes/");

        assertEquals(429, limited.statusCode());
        assertEquals("3", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(503, unavailable.statusCode());
        assertEquals("2", unavailable.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, client.get("/v1/routes/").statusCode());
    }

    @Test
    void aDelayAnswersLate() {
        sandbox.faults().next(1).matching("GET", "/v1/routes/").delay(Duration.ofMillis(400));

        long start = System.nanoTime();
        HttpResponse<String> response = client.get("/v1/routes/");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(200, response.statusCode());
        assertTrue(took.compareTo(Duration.ofMillis(400)) >= 0, "answered after " + took);
        long startUndelayed = System.nanoTime();
        client.get("/v1/routes/");
        assertTrue(Duration.ofNanos(System.nanoTime() - startUndelayed).compareTo(Duration.ofMillis(400)) < 0);
    }

    @Test
    void aDelayLongerThanTheClientWaitsIsATimeout() {
        sandbox.faults().next(1).delay(Duration.ofSeconds(3));

        assertThrows(HttpTimeoutException.class, () -> RawClient.exchangeOrFail(
                client.signed("GET", "/v1/routes/", null).timeout(Duration.ofMillis(200)).build()));

        // The client closes the connection it gave up on; the sandbox then journals the request
        // unanswered. Waiting for that keeps the entry from landing in the next test's journal.
        assertEquals(List.of(RecordedRequest.NO_ANSWER), awaitJournal(1).stream().map(RecordedRequest::status).toList());
    }

    /** The journal once it has {@code size} entries, waiting up to five seconds for requests still being handled. */
    private List<RecordedRequest> awaitJournal(int size) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sandbox.journal().size() < size && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return sandbox.journal();
    }

    @Test
    void aDelayedPurchaseWhoseClientHungUpHasNoEffect() throws IOException {
        sandbox.faults().next(1).matching("PUT", "/v1/tns/").delay(Duration.ofMillis(300))
                .next(1).matching("GET", "/v1/routes/").delay(Duration.ofMillis(600));
        byte[] body = "{\"billing_method\":\"METERED\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest signed = client.signed("PUT", "/v1/tns/12066417744", new String(body,
                java.nio.charset.StandardCharsets.UTF_8)).build();

        // A client that gives up after 100 ms and hangs up, while the sandbox is still waiting.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", sandbox.port())) {
            socket.setSoTimeout(100);
            String head = "PUT /v1/tns/12066417744 HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                    + "X-Timestamp: " + signed.headers().firstValue("X-Timestamp").orElseThrow() + "\r\n"
                    + "Authorization: " + signed.headers().firstValue("Authorization").orElseThrow() + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            assertThrows(java.net.SocketTimeoutException.class, () -> socket.getInputStream().read());
        }
        // Answered only after the sandbox's own 600 ms wait, which began after the purchase's 300 ms one.
        assertEquals(200, client.get("/v1/routes/").statusCode());

        assertEquals(List.of(), sandbox.accountNumbers(), "the purchase was cancelled with its connection");
        assertEquals(List.of("PUT 0", "GET 200"), sandbox.journal().stream().map(r -> r.method() + " " + r.status()).toList(),
                "the abandoned purchase was received, never handled nor answered: " + sandbox.journal());
    }

    @Test
    void aDroppedConnectionGetsNoAnswerAndHasNoEffect() {
        sandbox.faults().next(1).matching("PUT", "/v1/tns/").dropConnection();

        assertThrows(IOException.class, () -> RawClient.exchangeOrFail(
                client.signed("PUT", "/v1/tns/12066417744", "{\"billing_method\":\"METERED\"}").build()));

        assertEquals(List.of(), sandbox.accountNumbers());
        RecordedRequest recorded = sandbox.journal().get(0);
        assertEquals(RecordedRequest.NO_ANSWER, recorded.status());
        assertFalse(recorded.answered());
        assertTrue(recorded.signatureValid());
        assertEquals(1, sandbox.journal().size(), "the client did not retry behind our back");
        assertEquals(201, client.purchase("12066417744").statusCode(), "the next request is served");
    }

    @Test
    void processThenDropBuysTheNumberButNeverAnswers() {
        sandbox.faults().next(1).matching("PUT", "/v1/tns/").processThenDrop();

        assertThrows(IOException.class, () -> RawClient.exchangeOrFail(
                client.signed("PUT", "/v1/tns/12066417744", "{\"billing_method\":\"METERED\"}").build()));

        // The client never learned the outcome; reconciling finds the number on the account.
        assertEquals(List.of(PhoneNumber.parse("12066417744")), sandbox.accountNumbers());
        assertEquals(200, client.get("/v1/tns/12066417744").statusCode());
        assertEquals(422, client.purchase("12066417744").statusCode(), "bought already");
        assertEquals(RecordedRequest.NO_ANSWER, sandbox.journal().get(0).status());
    }

    @Test
    void aDroppedConnectionSendsNotASingleByte() {
        sandbox.faults().next(1).matching("GET", "/v1/available-tns/").dropConnection();

        // A raw socket, because HttpClient quietly retries a GET whose pooled connection closed.
        String answer = RawClient.rawExchange(sandbox.port(),
                "GET /v1/available-tns/npas/ HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port() + "\r\n", new byte[0]);

        assertEquals("", answer);
        assertEquals(1, sandbox.journal().size());
        assertEquals(RecordedRequest.NO_ANSWER, sandbox.journal().get(0).status());
    }

    @Test
    void alwaysHitsUntilCleared() {
        sandbox.faults().always().matching("*", "/v1/available-tns/").respond(500);

        for (int i = 0; i < 3; i++) {
            assertEquals(500, client.get("/v1/available-tns/npas/").statusCode());
        }
        assertEquals(200, client.get("/v1/routes/").statusCode());
        assertEquals(1, sandbox.faults().pending());

        sandbox.faults().clear();

        assertEquals(200, client.get("/v1/available-tns/npas/").statusCode());
    }

    @Test
    void faultsAreUsedInTheOrderTheyWereDefined() {
        sandbox.faults().next(1).respond(502).next(1).respond(504);

        assertEquals(502, client.get("/v1/routes/").statusCode());
        assertEquals(504, client.get("/v1/routes/").statusCode());
        assertEquals(200, client.get("/v1/routes/").statusCode());
    }

    @Test
    void anInjectedStatusStillRecordsWhetherTheRequestWasAuthentic() {
        sandbox.faults().next(1).respond(500);

        RawClient.exchange(client.signed("GET", "/v1/routes/", null).setHeader("Authorization", "Basic Zm9vOmJhcg=="));

        assertEquals(500, sandbox.journal().get(0).status());
        assertFalse(sandbox.journal().get(0).signatureValid());
    }

    @Test
    void aRandomFaultHitsTheRequestsItsSeededDrawsPick() {
        sandbox.faults().randomly(0.3, 42).matching("GET", "/v1/routes/").respond(503);
        java.util.Random draws = new java.util.Random(42);

        List<Integer> expected = new java.util.ArrayList<>();
        List<Integer> got = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            expected.add(draws.nextDouble() < 0.3 ? 503 : 200);
            got.add(client.get("/v1/routes/").statusCode());
            assertEquals(200, client.get("/v1/tns/").statusCode(), "a request it does not match takes no draw");
        }

        assertEquals(expected, got);
        assertTrue(got.contains(503) && got.contains(200), got.toString());
        assertEquals(1, sandbox.faults().pending(), "a random fault lasts until cleared");
    }

    @Test
    void aRandomFaultThatMissesLeavesTheRequestToTheNextFault() {
        sandbox.faults().randomly(0.0, 1).respond(500).next(1).respond(502).randomly(1.0, 1).respond(504);

        assertEquals(502, client.get("/v1/routes/").statusCode());
        assertEquals(504, client.get("/v1/routes/").statusCode());
        assertEquals(504, client.get("/v1/routes/").statusCode());
        assertEquals(List.of(502, 504, 504), sandbox.journal().stream().map(RecordedRequest::status).toList());

        sandbox.reset();
        assertEquals(0, sandbox.faults().pending());
        assertEquals(200, client.get("/v1/routes/").statusCode());
    }

    @Test
    void aRandomProcessThenDropBuysTheNumbersItHits() {
        sandbox.faults().randomly(0.5, 7).matching("PUT", "/v1/tns/").processThenDrop();
        java.util.Random draws = new java.util.Random(7);
        List<String> numbers = new java.util.ArrayList<>();
        json(client.get("/v1/available-tns/tns/", "limit", "8")).get("tns").fieldNames().forEachRemaining(numbers::add);
        assertEquals(8, numbers.size());

        int hits = 0;
        for (String number : numbers) {
            boolean hit = draws.nextDouble() < 0.5;
            if (hit) {
                hits++;
                assertThrows(IOException.class, () -> RawClient.exchangeOrFail(
                        client.signed("PUT", "/v1/tns/" + number, "{\"billing_method\":\"METERED\"}").build()));
            } else {
                assertEquals(201, client.purchase(number).statusCode());
            }
        }

        assertTrue(hits > 0 && hits < numbers.size(), "seed 7 both hits and misses: " + hits);
        assertEquals(hits, sandbox.journal().stream().filter(r -> !r.answered()).count());
        assertEquals(numbers.stream().map(PhoneNumber::parse).sorted().toList(), sandbox.accountNumbers(),
                "hit or not, every purchase took effect");
    }

    @Test
    void aRandomFaultNeedsAProbabilityBetweenZeroAndOne() {
        for (double bad : new double[] {-0.1, 1.01, Double.NaN}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> sandbox.faults().randomly(bad, 1));
            assertTrue(refused.getMessage().startsWith("probability"), refused.getMessage());
        }
        assertEquals(0, sandbox.faults().pending());
    }

    @Test
    void aFaultIsDefinedOnceWithSensibleValues() {
        Faults.FaultDefinition rule = sandbox.faults().next(1);
        rule.respond(500);

        assertThrows(IllegalStateException.class, () -> rule.respond(503));
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().next(0));
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().next(1).respond(200));
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().next(1).respond(600));
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().next(1).delay(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().next(1).respond(429, Duration.ofSeconds(-1)));
        assertEquals(1, sandbox.faults().pending(), "refused definitions arm nothing");
    }
}
