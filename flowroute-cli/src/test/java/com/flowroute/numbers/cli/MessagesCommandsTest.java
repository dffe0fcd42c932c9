package com.flowroute.numbers.cli;

import static com.flowroute.numbers.cli.CliRunner.cli;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The messaging commands against a WireMock stub of {@code /v2.1/messages}, for the exact request
 * bodies and answers the sandbox would not give (Flowroute's own refusal texts, listing shapes);
 * {@link MessagesAgainstSandboxTest} runs them end to end.
 */
class MessagesCommandsTest {
    private static final String ACCESS = "access-key-1";
    private static final String SECRET = "secret-key-1";
    private static final String LISTING = """
            {"data": [
              {"type": "message", "id": "mdr2-aaa", "attributes": {"from": "12066417744", "to": "12065550199",
               "body": "private words", "direction": "outbound", "status": "delivered", "is_mms": false,
               "timestamp": "2026-12-01T10:00:00Z", "amount_nanodollars": 4000000}},
              {"type": "message", "id": "mdr2-bbb", "attributes": {"from": "12065550199", "to": "12066417744",
               "body": "a reply, with a comma", "direction": "inbound", "status": "", "is_mms": false,
               "timestamp": "2026-12-01T10:05:00Z", "amount_nanodollars": 0}}],
             "links": {}}""";

    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static CliRunner stub() {
        return cli().env("FLOWROUTE_BASE_URL", server.baseUrl()).env("FLOWROUTE_ACCESS_KEY", ACCESS)
                .env("FLOWROUTE_SECRET_KEY", SECRET);
    }

    @Test
    void sendsAnSmsAndPrintsItsId() {
        server.stubFor(post(urlPathEqualTo("/v2.1/messages"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/vnd.api+json")
                        .withBody("{\"data\":{\"type\":\"message\",\"id\":\"mdr2-39cadeace66e11e7aff806cd7f24ba2d\"}}")));

        CliRunner.Result run = stub().run("messages", "send", "--from", "12066417744", "--to", "(206) 555-0199",
                "--text", "Hello from the CLI");

        assertEquals(0, run.status(), run::toString);
        JsonNode sent = run.json().get(0);
        assertEquals("mdr2-39cadeace66e11e7aff806cd7f24ba2d", sent.get("id").asText());
        assertEquals("12065550199", sent.get("to").asText());
        server.verify(1, postRequestedFor(urlPathEqualTo("/v2.1/messages"))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder()
                        .encodeToString((ACCESS + ":" + SECRET).getBytes(StandardCharsets.UTF_8))))
                .withRequestBody(equalToJson("{\"data\":{\"type\":\"message\",\"attributes\":{\"from\":\"12066417744\","
                        + "\"to\":\"12065550199\",\"body\":\"Hello from the CLI\",\"is_mms\":\"false\"}}}")));
        assertFalse(run.out().contains("Hello") || run.err().contains("Hello"), "the text is never printed");
    }

    @Test
    void readsTheTextFromStdinAndSendsAnMmsWithMedia() {
        server.stubFor(post(urlPathEqualTo("/v2.1/messages"))
                .willReturn(aResponse().withStatus(202).withBody("{\"data\":{\"type\":\"message\",\"id\":\"mdr2-mms\"}}")));

        CliRunner.Result run = stub().stdin("Look at this\n").run("messages", "send", "--from", "12066417744",
                "--to", "12065550199", "--text", "-", "--media", "https://example.com/cat.jpg", "-o", "csv");

        assertEquals(0, run.status(), run::toString);
        assertEquals(List.of("id,from,to", "mdr2-mms,12066417744,12065550199"), run.lines());
        server.verify(1, postRequestedFor(urlPathEqualTo("/v2.1/messages")).withRequestBody(equalToJson(
                "{\"data\":{\"type\":\"message\",\"attributes\":{\"from\":\"12066417744\",\"to\":\"12065550199\","
                        + "\"body\":\"Look at this\",\"is_mms\":\"true\",\"media_urls\":[\"https://example.com/cat.jpg\"]}}}")));
    }

    @Test
    void flowroutesRefusalOfASendIsItsMessage() {
        server.stubFor(post(urlPathEqualTo("/v2.1/messages")).willReturn(aResponse().withStatus(403)
                .withBody("{\"errors\":[{\"id\":\"1\",\"status\":403,\"title\":\"Forbidden\","
                        + "\"detail\":\"The from number is not enabled for messaging\"}]}")));

        CliRunner.Result run = stub().run("messages", "send", "--from", "12066417744", "--to", "12065550199", "--text", "hi");

        assertEquals(1, run.status(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("The from number is not enabled for messaging"), run::toString);
        server.verify(1, postRequestedFor(urlPathEqualTo("/v2.1/messages")));
    }

    @Test
    void badSendInputIsRefusedBeforeAnythingIsSent() {
        CliRunner.Result from = stub().run("messages", "send", "--from", "555", "--to", "12065550199", "--text", "hi");
        CliRunner.Result tooLong = stub().run("messages", "send", "--from", "12066417744", "--to", "12065550199",
                "--text", "x".repeat(1601));
        CliRunner.Result missing = stub().run("messages", "send", "--from", "12066417744", "--text", "hi");

        assertEquals(2, from.status());
        assertTrue(from.err().contains("\"555\" is invalid"), from::toString);
        assertEquals(2, tooLong.status());
        assertFalse(tooLong.err().contains("xxxxxxxx"), "the text is not repeated in the refusal");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("--to"), missing::toString);
        assertTrue(server.getAllServeEvents().isEmpty(), "nothing was sent");
    }

    @Test
    void listsMessagesSinceADateWithoutTheirTextUnlessAsked() {
        server.stubFor(get(urlPathEqualTo("/v2.1/messages"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json").withBody(LISTING)));

        CliRunner.Result json = stub().run("messages", "list", "--since", "2026-12-01");
        CliRunner.Result csv = stub().run("messages", "list", "--since", "2026-12-01", "--until", "2026-12-02T00:00:00Z",
                "--with-body", "-o", "csv");

        assertEquals(0, json.status(), json::toString);
        assertEquals(2, json.json().size());
        JsonNode first = json.json().get(0);
        assertEquals("mdr2-aaa", first.get("id").asText());
        assertEquals("2026-12-01T10:00:00Z", first.get("timestamp").asText());
        assertEquals("outbound", first.get("direction").asText());
        assertEquals("delivered", first.get("status").asText());
        assertEquals("0.004", first.get("amount").asText());
        assertFalse(first.has("body"));
        assertFalse(json.out().contains("private words"), "no text without --with-body");
        server.verify(getRequestedFor(urlPathEqualTo("/v2.1/messages"))
                .withQueryParam("start_date", equalTo("2026-12-01T00:00:00.000Z")));
        assertEquals(0, csv.status(), csv::toString);
        assertEquals("id,timestamp,direction,from,to,status,mms,amount,body", csv.lines().get(0));
        assertEquals("mdr2-bbb,2026-12-01T10:05:00Z,inbound,12065550199,12066417744,,false,0,\"a reply, with a comma\"",
                csv.lines().get(2));
        server.verify(getRequestedFor(urlPathEqualTo("/v2.1/messages"))
                .withQueryParam("end_date", equalTo("2026-12-02T00:00:00.000Z")));
    }

    @Test
    void aBadDateNamesTheOptionAndTheForms() {
        CliRunner.Result run = stub().run("messages", "list", "--since", "December 1st");
        CliRunner.Result backwards = stub().run("messages", "list", "--since", "2026-12-02", "--until", "2026-12-01");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("--since \"December 1st\" is invalid: must be a date such as 2026-12-01"), run::toString);
        assertEquals(2, backwards.status());
        assertTrue(backwards.err().startsWith("flowroute: --until "), backwards::toString);
        assertTrue(server.getAllServeEvents().isEmpty(), "nothing was sent");
    }
}
