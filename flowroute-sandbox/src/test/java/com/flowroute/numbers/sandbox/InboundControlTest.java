package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.BasicClient.json;
import static com.flowroute.numbers.sandbox.MessagingEndpointsTest.OURS;
import static com.flowroute.numbers.sandbox.MessagingEndpointsTest.THEIRS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.FlowrouteWebhooks;
import com.flowroute.numbers.InboundMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /_sandbox/inbound}: simulated texts for tests written in other languages. */
class InboundControlTest {
    @RegisterExtension
    static final FlowrouteSandboxExtension SANDBOX =
            new FlowrouteSandboxExtension(FlowrouteSandbox.builder().controlInterface(true));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> inbound(FlowrouteSandbox sandbox, String method, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/inbound"))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
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

    private static String error(HttpResponse<String> response) {
        return json(response).path("error").asText();
    }

    @Test
    void anInboundSmsIsRecordedAndPosted(FlowrouteSandbox sandbox) {
        BasicClient http = new BasicClient(sandbox);
        http.buy(OURS);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            http.put("/v2.1/messages/sms_callback", "{\"callback_url\":\"" + receiver.url("/sms") + "\"}");

            HttpResponse<String> created = inbound(sandbox, "POST",
                    "{\"from\": \"" + THEIRS + "\", \"to\": \"" + OURS + "\", \"body\": \"hello\"}");

            assertEquals(201, created.statusCode(), created.body());
            String id = json(created).path("id").asText();
            assertTrue(id.startsWith("mdr2-"), id);
            assertTrue(json(created).path("timestamp").isTextual());
            InboundMessage posted = FlowrouteWebhooks.inboundMessage(receiver.next().body());
            assertEquals(id, posted.id());
            assertEquals("hello", posted.body());
            JsonNode record = json(http.get("/v2.1/messages/" + id)).path("data").path("attributes");
            assertEquals("inbound", record.path("direction").asText());
        }
    }

    @Test
    void mediaMakeAnMms(FlowrouteSandbox sandbox) {
        BasicClient http = new BasicClient(sandbox);
        http.buy(OURS);

        HttpResponse<String> created = inbound(sandbox, "POST", "{\"from\": \"" + THEIRS + "\", \"to\": \"" + OURS
                + "\", \"media_urls\": [\"https://example.com/cat.gif\"]}");

        assertEquals(201, created.statusCode(), created.body());
        JsonNode read = json(http.get("/v2.1/messages/" + json(created).path("id").asText()));
        assertTrue(read.path("data").path("attributes").path("is_mms").asBoolean());
        assertEquals(List.of("https://example.com/cat.gif"),
                List.of(read.path("included").path(0).path("attributes").path("url").asText()));
    }

    @Test
    void badRequestsAreRefusedAndRecordNothing(FlowrouteSandbox sandbox) {
        new BasicClient(sandbox).buy(OURS);
        String ok = "\"from\": \"" + THEIRS + "\", \"to\": \"" + OURS + "\"";

        HttpResponse<String> notJson = inbound(sandbox, "POST", "hello");
        assertEquals(400, notJson.statusCode(), notJson.body());
        HttpResponse<String> unknown = inbound(sandbox, "POST", "{" + ok + ", \"body\": \"x\", \"sender\": \"me\"}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(error(unknown).contains("sender"), error(unknown));
        HttpResponse<String> noTo = inbound(sandbox, "POST", "{\"from\": \"" + THEIRS + "\", \"body\": \"x\"}");
        assertEquals(400, noTo.statusCode(), noTo.body());
        assertTrue(error(noTo).contains("to"), error(noTo));
        HttpResponse<String> notAString = inbound(sandbox, "POST", "{" + ok + ", \"body\": 5}");
        assertEquals(400, notAString.statusCode(), notAString.body());
        HttpResponse<String> notOurs = inbound(sandbox, "POST",
                "{\"from\": \"" + THEIRS + "\", \"to\": \"" + MessagingEndpointsTest.OTHER + "\", \"body\": \"x\"}");
        assertEquals(422, notOurs.statusCode(), notOurs.body());
        assertTrue(error(notOurs).startsWith("to "), error(notOurs));
        HttpResponse<String> blank = inbound(sandbox, "POST", "{" + ok + "}");
        assertEquals(422, blank.statusCode(), blank.body());
        assertTrue(error(blank).startsWith("body "), error(blank));
        HttpResponse<String> plainMedia = inbound(sandbox, "POST", "{" + ok + ", \"media_urls\": [\"http://example.com/a\"]}");
        assertEquals(422, plainMedia.statusCode(), plainMedia.body());
        HttpResponse<String> wrongMethod = inbound(sandbox, "GET", null);
        assertEquals(405, wrongMethod.statusCode(), wrongMethod.body());

        assertEquals(0, json(new BasicClient(sandbox).get("/v2.1/messages?start_date=2000-01-01")).path("data").size());
    }
}
