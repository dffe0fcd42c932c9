package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static com.flowroute.numbers.sandbox.RawClient.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** What every v2 answer of the sandbox is checked for: the JSON:API media type, and refusals as {@code errors[]}. */
final class V2Assertions {
    static final String JSON_API = "application/vnd.api+json";

    private V2Assertions() {}

    /** A 2xx JSON:API document with {@code status}; returns it. */
    static JsonNode document(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(JSON_API, response.headers().firstValue("Content-Type").orElseThrow(), response.body());
        return json(response);
    }

    /** An answer with {@code status} and no body, as Flowroute's 204s are. */
    static void noContent(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("", response.body());
        assertFalse(response.headers().firstValue("Content-Type").isPresent(), response.headers().toString());
    }

    /**
     * A refusal in v2's shape: {@code {"errors": [{"id", "status", "title", "detail"}]}} as
     * {@code application/vnd.api+json}, its {@code detail} starting with {@code detail}; returns that detail.
     */
    static String refused(int status, HttpResponse<String> response, String detail) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(JSON_API, response.headers().firstValue("Content-Type").orElseThrow(), response.body());
        JsonNode body = json(response);
        assertEquals(List.of("errors"), keys(body), response.body());
        assertEquals(1, body.get("errors").size(), response.body());
        JsonNode error = body.get("errors").get(0);
        assertEquals(List.of("id", "status", "title", "detail"), keys(error), response.body());
        assertFalse(error.get("id").asText().isBlank(), response.body());
        assertEquals(status, error.get("status").asInt(), response.body());
        assertFalse(error.get("title").asText().isBlank(), response.body());
        String text = error.get("detail").asText();
        assertTrue(text.startsWith(detail), "detail \"" + text + "\" should start with \"" + detail + "\"");
        return text;
    }

    /** The {@code id}s of a list document's {@code data}, as text. */
    static List<String> ids(JsonNode document) {
        List<String> ids = new ArrayList<>();
        document.get("data").forEach(resource -> ids.add(resource.get("id").asText()));
        return ids;
    }
}
