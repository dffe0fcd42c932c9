package com.flowroute.numbers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.internal.Json;
import com.flowroute.numbers.internal.PreparedRequest;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.WireRequest;
import com.flowroute.numbers.internal.v1.RequestSigner;
import com.flowroute.numbers.internal.v2.BasicAuthenticator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain {@link HttpClient} for talking to a sandbox over real HTTP in either API's way: v1
 * requests signed with the core's {@link RequestSigner} ({@link #signed}), v2 requests with HTTP
 * Basic and the JSON:API media type as the core's {@link BasicAuthenticator} prepares them
 * ({@link #basic}). Both give a request builder that a test can still tamper with before
 * {@link #exchange} sends it.
 */
final class RawClient {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI origin;
    private final RequestSigner signer;
    private final BasicAuthenticator basic;

    RawClient(FlowrouteSandbox sandbox) {
        this(sandbox, sandbox.credentials(), Clock.systemUTC());
    }

    RawClient(FlowrouteSandbox sandbox, FlowrouteCredentials credentials, Clock clock) {
        this.origin = URI.create(sandbox.baseUrl());
        this.signer = new RequestSigner(credentials, clock);
        this.basic = new BasicAuthenticator(credentials, origin);
    }

    /** GET {@code rawPath} with the query parameters {@code nameValues} (name, value, name, value...). */
    HttpResponse<String> get(String rawPath, String... nameValues) {
        return exchange(signed("GET", rawPath, null, nameValues));
    }

    HttpResponse<String> put(String rawPath, String json) {
        return exchange(signed("PUT", rawPath, json));
    }

    HttpResponse<String> patch(String rawPath, String json) {
        return exchange(signed("PATCH", rawPath, json));
    }

    HttpResponse<String> purchase(String number) {
        return put("/v1/tns/" + number, "{\"billing_method\":\"METERED\"}");
    }

    /** A request signed as the SDK signs it: the query sorted and form-encoded, what is signed is sent. */
    HttpRequest.Builder signed(String method, String rawPath, String json, String... nameValues) {
        return prepared(signer.sign(origin, wire(method, rawPath, json, nameValues)));
    }

    /** v2: GET {@code rawPath} with the query parameters {@code nameValues} (name, value, name, value...). */
    HttpResponse<String> v2Get(String rawPath, String... nameValues) {
        return exchange(basic("GET", rawPath, null, nameValues));
    }

    /** v2: POST {@code json} (or no body when null) to {@code rawPath}. */
    HttpResponse<String> v2Post(String rawPath, String json) {
        return exchange(basic("POST", rawPath, json));
    }

    /** v2: PATCH {@code json} to {@code rawPath}. */
    HttpResponse<String> v2Patch(String rawPath, String json) {
        return exchange(basic("PATCH", rawPath, json));
    }

    /** v2: DELETE {@code rawPath}. */
    HttpResponse<String> v2Delete(String rawPath) {
        return exchange(basic("DELETE", rawPath, null));
    }

    /** v2: buys {@code number} with {@code POST /v2/numbers/{number}}. */
    HttpResponse<String> v2Purchase(String number) {
        return v2Post("/v2/numbers/" + number, null);
    }

    /**
     * A v2 request as the SDK sends it: HTTP Basic with both keys, {@code Accept} and (with a
     * body) {@code Content-Type} {@code application/vnd.api+json}, the query in the given order.
     */
    HttpRequest.Builder basic(String method, String rawPath, String json, String... nameValues) {
        return prepared(basic.prepare(wire(method, rawPath, json, nameValues)));
    }

    private static WireRequest wire(String method, String rawPath, String json, String... nameValues) {
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        return new WireRequest(method, rawPath, parameters(nameValues), body);
    }

    private static HttpRequest.Builder prepared(PreparedRequest prepared) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(prepared.url()))
                .timeout(TIMEOUT)
                .method(prepared.method(), prepared.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(prepared.body()));
        prepared.headers().forEach(header -> builder.header(header.getKey(), header.getValue()));
        return builder;
    }

    /** The origin the sandbox is reached at, such as {@code http://127.0.0.1:40123}. */
    String origin() {
        return Urls.origin(origin);
    }

    static HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #exchange} but lets the transport failure through, for fault tests. */
    static HttpResponse<String> exchangeOrFail(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code head} (request line and headers, each ending in CRLF, without the blank line)
     * and {@code body} over a plain socket with {@code Connection: close}, for what
     * {@code HttpClient} will not send; returns the whole answer as text.
     */
    static String rawExchange(int port, String head, byte[] body) {
        return rawExchange(port, head.getBytes(StandardCharsets.US_ASCII), body);
    }

    /** Like {@link #rawExchange(int, String, byte[])} with the head as bytes, for bytes no client would send unencoded. */
    static String rawExchange(int port, byte[] head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            String length = body.length == 0 ? "" : "Content-Length: " + body.length + "\r\n";
            out.write(head);
            out.write((length + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map.Entry<String, String>> parameters(String... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("name, value pairs expected");
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return parameters;
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        return Json.lenient(text).orElseThrow(() -> new IllegalStateException("not JSON: " + text));
    }

    /** The field names of an object, in order. */
    static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
