package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A body over 1 MiB is a 413, decided from the declared {@code Content-Length} or from the bytes
 * received so far, before the signature is checked and without reading the rest.
 */
@ExtendWith(FlowrouteSandboxExtension.class)
class BodyLimitTest {
    private static final int LIMIT = 1 << 20;
    private static final int CHUNK = 64 * 1024;

    private final FlowrouteSandbox sandbox;
    private final RawClient client;

    BodyLimitTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new RawClient(sandbox);
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        String json = "{\"type\": \"HOST\", \"value\": \"pbx.example.com\"}";
        // JSON allows trailing white space: pad the body to exactly 1 MiB.
        String body = json + " ".repeat(LIMIT - json.length());

        HttpResponse<String> response = client.put("/v1/routes/big", body);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(Route.of("83834", "big", RouteType.HOST, "pbx.example.com"), sandbox.routes().get(1));
        assertEquals(LIMIT, sandbox.journal().get(0).body().length());
    }

    @Test
    void aSignedBodyOneByteOverTheLimitIsRefused() {
        String json = "{\"type\": \"HOST\", \"value\": \"pbx.example.com\"}";
        String body = json + " ".repeat(LIMIT + 1 - json.length());

        HttpResponse<String> response = client.put("/v1/routes/big", body);

        assertEquals(413, response.statusCode(), response.body());
        assertEquals("Content-Length 1048577 is invalid: must be at most 1048576 bytes (1 MiB)",
                json(response).get("error").asText());
        assertEquals(List.of(Route.of("0", "sip-reg", RouteType.SIP_REG, null)), sandbox.routes());
    }

    @Test
    void aDeclaredOversizedBodyIsRefusedBeforeAByteOfItIsSent() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
            socket.setSoTimeout((int) RawClient.TIMEOUT.toMillis());
            // Unsigned, and announcing 64 MiB that never come: the answer cannot wait for them.
            socket.getOutputStream().write(("PUT /v1/routes/big HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 67108864\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            String answer = readAll(socket.getInputStream());

            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
            assertTrue(answer.endsWith(
                    "{\"error\":\"Content-Length 67108864 is invalid: must be at most 1048576 bytes (1 MiB)\"}"), answer);
        }
        // Journaled without a body, as not authentic: the signature was never checked.
        assertEquals(List.of(new RecordedRequest("PUT", "/v1/routes/big", "", "", false, 413)), sandbox.journal());
    }

    @Test
    void anOversizedBodyWithExpectContinueGetsNoContinue() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
            socket.setSoTimeout((int) RawClient.TIMEOUT.toMillis());
            socket.getOutputStream().write(("PUT /v1/routes/big HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port()
                    + "\r\nContent-Length: 2000000\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            String answer = readAll(socket.getInputStream());

            assertTrue(answer.startsWith("HTTP/1.1 413 "), "the final answer comes first, without a 100: " + answer);
            assertFalse(answer.contains("100 Continue"), answer);
        }
    }

    @Test
    void aChunkedBodyIsRefusedAsSoonAsItGrowsPastTheLimit() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
            socket.setSoTimeout((int) RawClient.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /v1/routes/big HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) ' ');
            // 17 chunks of 64 KiB: 1 MiB and one chunk more, and then nothing: the last chunk
            // (0 CRLF CRLF) that would end the body is never sent.
            for (int sent = 0; sent <= LIMIT; sent += CHUNK) {
                out.write((Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();

            // The body is still open, so an answer now is one given without reading it all.
            String answer = readAnswer(socket.getInputStream());

            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
            assertTrue(answer.contains("{\"error\":\"body size "), answer);
            assertTrue(answer.endsWith(" is invalid: must be at most 1048576 bytes (1 MiB), and the sandbox stopped"
                    + " reading there\"}"), answer);
            assertTrue(closed(socket.getInputStream()), "a body without a known end is not read on: the connection ends");
        }
        assertEquals(List.of(new RecordedRequest("PUT", "/v1/routes/big", "", "", false, 413)), sandbox.journal());
        assertEquals(1, sandbox.routes().size());
    }

    @Test
    void aModeratelyOversizedBodySentWholeIsDroppedAndTheConnectionServesOn() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
            socket.setSoTimeout((int) RawClient.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            byte[] body = new byte[2 * LIMIT];
            // Bytes that would be a request of their own if the sandbox read them as one.
            byte[] lookalike = ("GET /v1/nowhere HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int at = 0; at + lookalike.length <= body.length; at += lookalike.length) {
                System.arraycopy(lookalike, 0, body, at, lookalike.length);
            }
            out.write(("PUT /v1/routes/big HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port()
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(("GET /v1/routes/ HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String first = readAnswer(socket.getInputStream());
            String second = readAnswer(socket.getInputStream());

            assertTrue(first.startsWith("HTTP/1.1 413 "), first);
            assertTrue(first.endsWith("{\"error\":\"Content-Length 2097152 is invalid: must be at most 1048576 bytes (1 MiB)\"}"),
                    first);
            // The next request on the connection is read as one: unsigned, so a 401.
            assertTrue(second.startsWith("HTTP/1.1 401 "), second);
        }
        assertEquals(List.of(new RecordedRequest("PUT", "/v1/routes/big", "", "", false, 413),
                new RecordedRequest("GET", "/v1/routes/", "", "", false, 401)), sandbox.journal());
    }

    @Test
    void aChunkedBodyUnderTheLimitIsRead() {
        // HttpClient sends a body of unknown length chunked.
        String json = "{\"type\": \"HOST\", \"value\": \"pbx.example.com\"}";
        HttpRequest.Builder request = client.signed("PUT", "/v1/routes/streamed", json)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));

        HttpResponse<String> response = RawClient.exchange(request);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("streamed", sandbox.routes().get(1).name());
    }

    /** Reads until the server closes the connection: the 413 ends it. */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        in.transferTo(answer);
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** Reads one answer: its head, then as many bytes as its Content-Length says. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended within the head: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /**
     * Whether the server ended the connection: the next read sees its end, or a reset when the
     * server closed with bytes of the body still unread, as the kernel then answers them.
     */
    private static boolean closed(InputStream in) {
        try {
            return in.read() < 0;
        } catch (IOException reset) {
            return true;
        }
    }
}
