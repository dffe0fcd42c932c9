package com.flowroute.numbers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A plain {@link HttpClient} that talks to a sandbox's v2 and v2.1 endpoints as Flowroute's
 * current API expects: HTTP Basic with the sandbox's keys and JSON:API bodies. For the messaging
 * tests, beside {@code RawClient}, which signs v1 requests.
 */
final class BasicClient {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String MEDIA_TYPE = "application/vnd.api+json";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String origin;
    private final String authorization;

    BasicClient(FlowrouteSandbox sandbox) {
        this(sandbox.baseUrl(), sandbox.credentials());
    }

    BasicClient(String origin, FlowrouteCredentials credentials) {
        this.origin = origin;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (credentials.accessKey() + ":" + credentials.secretKey()).getBytes(StandardCharsets.UTF_8));
    }

    /** GET {@code pathAndQuery}, such as {@code /v2.1/messages?start_date=2020-01-01}. */
    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json);
    }

    /** Buys {@code number} over v2, so that it can send and receive messages. */
    void buy(String number) {
        HttpResponse<String> bought = post("/v2/numbers/" + number, null);
        if (bought.statusCode() != 201) {
            throw new IllegalStateException("buying " + number + ": " + bought.statusCode() + " " + bought.body());
        }
    }

    /** Sends an SMS over {@code POST /v2.1/messages}. */
    HttpResponse<String> sms(String from, String to, String body) {
        return post("/v2.1/messages", "{\"data\":{\"type\":\"message\",\"attributes\":{\"from\":\"" + from + "\",\"to\":\""
                + to + "\",\"body\":\"" + body + "\"}}}");
    }

    HttpResponse<String> send(String method, String pathAndQuery, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + pathAndQuery))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", MEDIA_TYPE)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", MEDIA_TYPE);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.lenient(response.body()).orElseThrow(() -> new AssertionError("not JSON: " + response.body()));
    }

    /** The {@code detail} of the first error of a v2 error body. */
    static String detail(HttpResponse<String> response) {
        return json(response).path("errors").path(0).path("detail").asText();
    }
}
