package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.PhoneNumber;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The control interface over plain, unsigned HTTP, on a sandbox started from the same options
 * {@code java -jar ... --control} parses.
 */
class ControlEndpointsTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static FlowrouteSandbox sandbox;
    private static RawClient client;
    private static String control;

    @BeforeAll
    static void start() {
        sandbox = FlowrouteSandboxMain.options(new String[] {"--port", "0", "--control"}).start();
        client = new RawClient(sandbox);
        control = "http://127.0.0.1:" + sandbox.port() + "/_sandbox/";
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void theMainPrintsWhereTheControlInterfaceIs() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FlowrouteSandboxMain.print(sandbox, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(control, sandbox.controlUrl());
        assertTrue(printed.toString(StandardCharsets.UTF_8).endsWith("Control interface on " + control
                + " (unsigned, loopback clients only)" + System.lineSeparator()), printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void resetGoesBackToTheSeededState() {
        int forSale = sandbox.availableCount();
        assertEquals(201, client.purchase("12066417744").statusCode());
        sandbox.faults().always().matching("GET", "/v1/routes/").respond(500);

        HttpResponse<String> reset = send("POST", "reset", null);

        assertEquals(204, reset.statusCode(), reset.body());
        assertEquals("", reset.body());
        assertEquals(List.of(), sandbox.accountNumbers());
        assertEquals(forSale, sandbox.availableCount());
        assertEquals(0, sandbox.faults().pending());
        assertEquals(List.of(), sandbox.journal(), "control requests are not journaled either");
    }

    @Test
    void theJournalIsJsonWithoutTheControlRequests() {
        client.get("/v1/routes/", "limit", "2");
        client.purchase("12066417744");
        RawClient.exchange(client.signed("GET", "/v1/routes/", null).setHeader("Authorization", "Basic Zm9vOmJhcg=="));

        HttpResponse<String> journal = send("GET", "journal", null);
        HttpResponse<String> again = send("GET", "journal", null);

        assertEquals(200, journal.statusCode(), journal.body());
        assertEquals("application/json", journal.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(json("{\"requests\": ["
                + "{\"method\": \"GET\", \"path\": \"/v1/routes/\", \"query\": \"limit=2\", \"body\": \"\","
                + " \"signature_valid\": true, \"status\": 200},"
                + "{\"method\": \"PUT\", \"path\": \"/v1/tns/12066417744\", \"query\": \"\","
                + " \"body\": \"{\\\"billing_method\\\":\\\"METERED\\\"}\", \"signature_valid\": true, \"status\": 201},"
                + "{\"method\": \"GET\", \"path\": \"/v1/routes/\", \"query\": \"\", \"body\": \"\","
                + " \"signature_valid\": false, \"status\": 401}]}"), json(journal));
        assertEquals(journal.body(), again.body());
    }

    @Test
    void aFaultInTheBriefsShapeHitsTheNextMatchingRequest() {
        HttpResponse<String> added = send("POST", "faults", "{\"method\":\"PUT\",\"path\":\"/v1/tns/*\",\"status\":503,\"times\":1}");

        assertEquals(201, added.statusCode(), added.body());
        assertEquals(json("{\"pending\": 1}"), json(added));
        assertEquals(200, client.get("/v1/routes/").statusCode(), "another method and path");
        assertEquals(503, client.purchase("12066417744").statusCode());
        assertEquals(201, client.purchase("12066417744").statusCode(), "used once, then normal");
        assertEquals(0, sandbox.faults().pending());
    }

    @Test
    void aRateLimitCarriesItsRetryAfter() {
        send("POST", "faults", "{\"status\": 429, \"retry_after\": 1.5, \"times\": 2}");

        HttpResponse<String> first = client.get("/v1/routes/");
        HttpResponse<String> second = client.get("/v1/routes/");

        assertEquals(429, first.statusCode());
        assertEquals("2", first.headers().firstValue("Retry-After").orElseThrow(), "whole seconds, rounded up");
        assertEquals(429, second.statusCode());
        assertEquals(200, client.get("/v1/routes/").statusCode());
    }

    @Test
    void anAlwaysFaultHitsUntilTheFaultsAreDeleted() {
        send("POST", "faults", "{\"always\": true, \"method\": \"GET\", \"path\": \"/v1/available-tns/\", \"status\": 500}");

        for (int i = 0; i < 3; i++) {
            assertEquals(500, client.get("/v1/available-tns/npas/").statusCode());
        }
        HttpResponse<String> cleared = send("DELETE", "faults", null);

        assertEquals(204, cleared.statusCode(), cleared.body());
        assertEquals(0, sandbox.faults().pending());
        assertEquals(200, client.get("/v1/available-tns/npas/").statusCode());
    }

    @Test
    void aRandomFaultDrawsFromItsSeed() {
        send("POST", "faults", "{\"probability\": 0.5, \"seed\": 42, \"path\": \"/v1/routes/\", \"status\": 502}");
        java.util.Random draws = new java.util.Random(42);

        for (int i = 0; i < 20; i++) {
            assertEquals(draws.nextDouble() < 0.5 ? 502 : 200, client.get("/v1/routes/").statusCode(), "request " + i);
        }
        assertEquals(1, sandbox.faults().pending());
    }

    @Test
    void aDropClosesTheConnectionUnanswered() {
        send("POST", "faults", "{\"drop\": true}");

        String answer = RawClient.rawExchange(sandbox.port(),
                "GET /v1/available-tns/npas/ HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port() + "\r\n", new byte[0]);

        assertEquals("", answer);
        assertEquals(List.of(RecordedRequest.NO_ANSWER), sandbox.journal().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void aProcessThenDropBuysButNeverAnswers() {
        send("POST", "faults", "{\"method\": \"put\", \"path\": \"/v1/tns/\", \"process_then_drop\": true}");

        assertThrows(IOException.class, () -> RawClient.exchangeOrFail(
                client.signed("PUT", "/v1/tns/12066417744", "{\"billing_method\":\"METERED\"}").build()));

        assertEquals(List.of(PhoneNumber.parse("12066417744")), sandbox.accountNumbers());
    }

    @Test
    void aDelayIsArmedAndUsedOnce() {
        HttpResponse<String> added = send("POST", "faults", "{\"delay_ms\": 1, \"path\": \"/v1/routes/\"}");

        assertEquals(json("{\"pending\": 1}"), json(added));
        assertEquals(200, client.get("/v1/routes/").statusCode(), "a delayed request is still handled");
        assertEquals(0, sandbox.faults().pending());
    }

    @Test
    void controlRequestsAreNeverFaulted() {
        send("POST", "faults", "{\"always\": true, \"status\": 500}");

        assertEquals(200, send("GET", "journal", null).statusCode());
        assertEquals(204, send("DELETE", "faults", null).statusCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"status\": 503, \"colour\": \"red\"}            | 400 | field colour is unknown: a fault takes times, always, probability",
        "{\"times\": 2}                                    | 400 | a fault needs exactly one action, status, delay_ms, \"drop\": true or \"process_then_drop\": true, not none",
        "{\"status\": 503, \"drop\": true}                 | 400 | a fault needs exactly one action, status, delay_ms, \"drop\": true or \"process_then_drop\": true, not status and drop",
        "{\"drop\": false}                                 | 400 | a fault needs exactly one action",
        "{\"times\": 2, \"always\": true, \"status\": 503} | 400 | fields times and always exclude each other",
        "{\"seed\": 1, \"status\": 503}                    | 400 | field seed needs probability",
        "{\"drop\": true, \"retry_after\": 3}              | 400 | field retry_after needs status",
        "{\"times\": \"2\", \"status\": 503}               | 400 | times \"2\" is invalid: must be a whole number",
        "{\"status\": 503.5}                               | 400 | status 503.5 is invalid: must be a whole number",
        "{\"drop\": \"yes\"}                               | 400 | drop \"yes\" is invalid: must be true or false",
        "{\"path\": 7, \"status\": 503}                    | 400 | path 7 is invalid: must be a string",
        "[{\"status\": 503}]                               | 400 | the body is not a JSON object",
        "status=503                                        | 400 | the body is not JSON",
        "{\"times\": 0, \"status\": 503}                   | 422 | times 0 is invalid: must be 1 to 2147483647",
        "{\"status\": 200}                                 | 422 | status 200 is invalid: must be an error status, 400 to 599",
        "{\"probability\": 1.5, \"status\": 503}           | 422 | probability 1.5 is invalid: must be between 0.0 and 1.0",
        "{\"delay_ms\": -1}                                | 422 | delay_ms -1 is invalid: must be 0 or more milliseconds",
        "{\"status\": 429, \"retry_after\": -1}            | 422 | retry_after -1 is invalid: must be 0 or more seconds",
        "{\"path\": \"v1/tns/\", \"status\": 503}          | 422 | path \"v1/tns/\" is invalid: must be the start of a path, such as /v1/tns/",
    })
    void aBadFaultIsRefusedAndArmsNothing(String body, int status, String message) {
        HttpResponse<String> response = send("POST", "faults", body);

        assertEquals(status, response.statusCode(), response.body());
        assertTrue(json(response).get("error").asText().startsWith(message), response.body());
        assertEquals(0, sandbox.faults().pending());
    }

    @Test
    void anEmptyFaultBodyIsRefused() {
        HttpResponse<String> response = send("POST", "faults", null);

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(json(response).get("error").asText().startsWith("the body is empty"), response.body());
    }

    @ParameterizedTest
    @CsvSource({"GET, reset, POST", "POST, journal, GET", "PUT, faults, 'POST, DELETE'"})
    void aWrongMethodIsNotAllowed(String method, String path, String allowed) {
        HttpResponse<String> response = send(method, path, null);

        assertEquals(405, response.statusCode(), response.body());
        assertEquals(allowed, response.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void anUnknownControlPathOrAQueryIsRefused() {
        HttpResponse<String> unknown = send("GET", "state", null);
        HttpResponse<String> query = send("GET", "journal?since=3", null);

        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(json(unknown).get("error").asText().startsWith("no control endpoint at /_sandbox/state"), unknown.body());
        assertEquals(400, query.statusCode(), query.body());
        assertEquals("query parameter since is unknown: /_sandbox/journal takes no query parameters",
                json(query).get("error").asText());
    }

    @Test
    void aClientOffLoopbackIsForbidden() throws IOException {
        ControlEndpoints endpoints = new ControlEndpoints(sandbox::reset, new Journal(), new Faults(), sandbox.inbound());
        IncomingRequest reset = IncomingRequest.of("POST", "/_sandbox/reset", "127.0.0.1", null, null, null, new byte[0]);
        // A literal address: nothing is looked up, nothing is sent.
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName("192.0.2.10"), 40000);
        client.purchase("12066417744");

        Answer answer = endpoints.answer(reset, remote);

        assertEquals(403, answer.status());
        assertEquals("the control interface answers only clients on a loopback address, not " + remote,
                json(new String(answer.body(), StandardCharsets.UTF_8)).get("error").asText());
        assertEquals(List.of(PhoneNumber.parse("12066417744")), sandbox.accountNumbers(), "nothing was reset");
        assertEquals(204, endpoints.answer(reset, new InetSocketAddress(InetAddress.getByName("::1"), 40000)).status());
        assertEquals(List.of(), sandbox.accountNumbers());
        assertFalse(ControlEndpoints.isLoopback(new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 1)));
        assertTrue(ControlEndpoints.isLoopback(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 1)));
    }

    @Test
    void withoutTheOptionTheControlPathsAreUnknownPaths() {
        try (FlowrouteSandbox plain = FlowrouteSandboxMain.options(new String[] {"--port", "0", "--inventory-size", "10"})
                .start()) {
            RawClient signed = new RawClient(plain);
            plain.faults().next(5).matching("GET", "/v1/").respond(500);

            HttpResponse<String> journal = signed.get("/_sandbox/journal");
            HttpResponse<String> reset = RawClient.exchange(signed.signed("POST", "/_sandbox/reset", null));
            HttpResponse<String> unsigned = send(URI.create("http://127.0.0.1:" + plain.port() + "/_sandbox/journal"),
                    "GET", null);

            assertEquals(null, plain.controlUrl());
            assertEquals(404, journal.statusCode(), journal.body());
            assertTrue(json(journal).get("error").asText().startsWith("no endpoint at /_sandbox/journal"), journal.body());
            assertEquals(404, reset.statusCode(), reset.body());
            assertEquals(1, plain.faults().pending(), "not reset");
            assertEquals(401, unsigned.statusCode(), "unsigned, like any request to the API");
            assertEquals(3, plain.journal().size(), "and journaled like any request");
        }
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        return send(URI.create(control + path), method, body);
    }

    private static HttpResponse<String> send(URI uri, String method, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(RawClient.TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
