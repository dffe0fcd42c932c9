package com.flowroute.numbers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.internal.RequestSigner;
import com.flowroute.numbers.internal.WireFormat;
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
 * A plain {@link HttpClient} that signs its requests with the core's {@link RequestSigner}, for
 * talking to a sandbox over real HTTP. {@link #signed} gives a request builder that a test can
 * still tamper with before {@link #exchange} sends it.
 */
final class RawClient {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI origin;
    private final RequestSigner signer;

    RawClient(FlowrouteSandbox sandbox) {
        this(sandbox, sandbox.credentials(), Clock.systemUTC());
    }

    RawClient(FlowrouteSandbox sandbox, FlowrouteCredentials credentials, Clock clock) {
        this.origin = URI.create(sandbox.baseUrl());
        this.signer = new RequestSigner(credentials, clock);
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
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        RequestSigner.SignedRequest signed = signer.sign(method, origin, rawPath, parameters(nameValues), body);
        return HttpRequest.newBuilder(URI.create(signed.url()))
                .timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("X-Timestamp", signed.timestamp())
                .header("Authorization", signed.authorization());
    }

    /** The origin the sandbox is reached at, such as {@code http://127.0.0.1:40123}. */
    String origin() {
        return RequestSigner.origin(origin);
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
        try {
            return WireFormat.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** The field names of an object, in order. */
    static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
