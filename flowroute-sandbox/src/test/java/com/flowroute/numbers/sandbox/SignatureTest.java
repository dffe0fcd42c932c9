package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.internal.v1.RequestSigner;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a request can fail authentication, and the vectors of ../shared/spec signed by
 * Flowroute's own Node.js SDK against port 8089, replayed over a raw socket with their Host
 * header: the sandbox must accept exactly what the real signing produces.
 */
class SignatureTest {
    private static final Instant NOW = Instant.parse("2024-05-06T07:08:10Z");
    private static final FlowrouteCredentials KEYS = FlowrouteCredentials.of("fake-access-key", "fake-secret-key");

    private static FlowrouteSandbox sandbox;
    private static RawClient client;

    @BeforeAll
    static void start() {
        sandbox = FlowrouteSandbox.builder().credentials(KEYS).clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
        client = new RawClient(sandbox, KEYS, Clock.fixed(NOW, ZoneOffset.UTC));
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
    void aCorrectlySignedRequestIsServed() {
        HttpResponse<String> response = client.get("/v1/available-tns/npas/", "limit", "1");

        assertEquals(200, response.statusCode());
        assertTrue(sandbox.journal().get(0).signatureValid());
    }

    @Test
    void vectorV09GetOnPort8089IsAccepted() {
        String response = rawRequest("GET /v1/tns/?limit=2&page=1", "2024-05-06T07:08:09Z",
                "Basic ZmFrZS1hY2Nlc3Mta2V5OjdhZGZmYTlmYjMzZjVkZmFlYTc0ZGVhNTVhMzI1N2ZlYzAzN2IxZmY=", null);

        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.endsWith("\r\n\r\n{}"), response);
    }

    @Test
    void vectorV09WithoutTheTrailingZIsAccepted() {
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                "fake-access-key:a5790d2e7b3b7bc26d4ea4000170c17e767b1bbc".getBytes(StandardCharsets.UTF_8));

        String response = rawRequest("GET /v1/tns/?limit=2&page=1", "2024-05-06T07:08:09", authorization, null);

        assertTrue(response.startsWith("HTTP/1.1 200"), response);
    }

    @Test
    void vectorV10PurchaseIsAccepted() {
        String response = rawRequest("PUT /v1/tns/12066417744", "2024-05-06T07:08:10Z",
                "Basic ZmFrZS1hY2Nlc3Mta2V5Ojk5Y2M5NThlY2I4NDM3OTg5ZWU0MGVhNjVmYjU3NTFlYTA2MDM1YzU=",
                "{\"billing_method\":\"METERED\"}");

        assertTrue(response.startsWith("HTTP/1.1 201"), response);
        assertEquals(List.of(PhoneNumber.parse("12066417744")), sandbox.accountNumbers());
    }

    @Test
    void vectorV11EncodedRouteNameIsAccepted() {
        String response = rawRequest("PUT /v1/routes/Office%20PBX%2F2", "2024-05-06T07:08:11Z",
                "Basic ZmFrZS1hY2Nlc3Mta2V5OmE2ZjIyZGM1YWZlZjE0MTAwNjcyZWY0NjU0Mzg2ZDc2ZTEzOGM5NjA=",
                "{\"type\":\"URI\",\"value\":\"sip:alice@example.com\"}");

        assertTrue(response.startsWith("HTTP/1.1 201"), response);
        assertEquals("Office PBX/2", sandbox.routes().get(1).name());
    }

    @Test
    void vectorV14IsAuthenticEvenThoughThePatternIsRefused() {
        String response = rawRequest("GET /v1/tns/?limit=5&pattern=%2B1206", "2024-05-06T07:08:13Z",
                "Basic MTExMTExMToyYjFjNjRmMmJiMDE0ZTcxZWY2ZGQyZDIxNzBiYjEzN2NiOGUwN2Jh", null, "1111111",
                "m8axLA45yds7kmi2225OQ7BshaADg6vr");

        assertTrue(response.startsWith("HTTP/1.1 422"), response);
        assertTrue(response.contains("pattern \\\"+1206\\\" is invalid"), response);
    }

    @Test
    void aRequestSignedEntirelyByHandIsAccepted() throws Exception {
        // No SDK code: the v1 rule written out with the JDK alone.
        String timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(NOW);
        String body = "{\"type\":\"HOST\",\"value\":\"24.239.23.40:5060\"}";
        String bodyMd5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        String url = "http://127.0.0.1:" + sandbox.port() + "/v1/routes/My%20Host";
        String message = timestamp + "\nPUT\n" + bodyMd5 + "\n" + url + "\n";
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("fake-secret-key".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                ("fake-access-key:" + signature).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = RawClient.exchange(HttpRequest.newBuilder(URI.create(url))
                .timeout(RawClient.TIMEOUT)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("X-Timestamp", timestamp)
                .header("Authorization", authorization));

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("My Host", sandbox.routes().get(1).name());
    }

    @Test
    void theQueryIsCheckedInItsSortedFormEncodedForm() {
        // Sent in another order and with %20 for the space, signed sorted with '+': the sandbox
        // rebuilds the canonical query from the decoded parameters.
        HttpRequest.Builder request = client.signed("GET", "/v1/available-tns/tns/", null,
                "state", "UT", "ratecenter", "SALT LAKE CITY");
        request.uri(URI.create(client.origin() + "/v1/available-tns/tns/?state=UT&ratecenter=SALT%20LAKE%20CITY"));

        HttpResponse<String> response = RawClient.exchange(request);

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void aSignatureOverTheUnsortedQueryIsRefused() {
        String timestamp = RequestSigner.timestamp(NOW);
        String url = client.origin() + "/v1/available-tns/tns/";
        String signature = RequestSigner.signature(KEYS.secretKey(),
                RequestSigner.message(timestamp, "GET", null, url + "\nstate=WA&npa=206"));

        HttpResponse<String> response = RawClient.exchange(HttpRequest.newBuilder(URI.create(url + "?state=WA&npa=206"))
                .timeout(RawClient.TIMEOUT)
                .header("X-Timestamp", timestamp)
                .header("Authorization", RequestSigner.authorization(KEYS.accessKey(), signature)));

        assertUnauthorized(response, "signature does not match");
    }

    @Test
    void anUnknownAccessKeyIsRefused() {
        RawClient stranger = new RawClient(sandbox, FlowrouteCredentials.of("someone-else", KEYS.secretKey()),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertUnauthorized(stranger.get("/v1/routes/"), "unknown access key \"someone-else\"");
    }

    @Test
    void aWrongSecretKeyIsRefusedWithoutRevealingTheExpectedSignature() {
        RawClient impostor = new RawClient(sandbox, FlowrouteCredentials.of(KEYS.accessKey(), "wrong-secret-key"),
                Clock.fixed(NOW, ZoneOffset.UTC));

        HttpResponse<String> response = impostor.get("/v1/routes/", "limit", "5");

        assertUnauthorized(response, "signature does not match");
        String expected = RequestSigner.signature(KEYS.secretKey(), RequestSigner.message(RequestSigner.timestamp(NOW),
                "GET", null, client.origin() + "/v1/routes/\nlimit=5"));
        assertFalse(response.body().contains(expected), response.body());
        assertFalse(response.body().contains(KEYS.secretKey()), response.body());
        assertTrue(response.body().contains("/v1/routes/\\\\nlimit=5"), "names what it signed: " + response.body());
        assertFalse(sandbox.journal().get(0).signatureValid());
    }

    @Test
    void aTamperedBodyIsRefused() {
        HttpRequest.Builder request = client.signed("PUT", "/v1/tns/12066417744", "{\"billing_method\":\"METERED\"}");
        request.PUT(HttpRequest.BodyPublishers.ofString("{\"billing_method\":\"METERED\" }"));

        assertUnauthorized(RawClient.exchange(request), "signature does not match");
        assertEquals(List.of(), sandbox.accountNumbers());
    }

    @Test
    void aMissingAuthorizationIsRefused() {
        HttpResponse<String> response = RawClient.exchange(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/routes/"))
                .timeout(RawClient.TIMEOUT)
                .header("X-Timestamp", RequestSigner.timestamp(NOW)));

        assertUnauthorized(response, "missing Authorization header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "Basic %%%", "Basic " + "ZmFrZS1hY2Nlc3Mta2V5", "Basic OmFiYw=="})
    void aMalformedAuthorizationIsRefused(String authorization) {
        HttpRequest.Builder request = client.signed("GET", "/v1/routes/", null);
        request.setHeader("Authorization", authorization);

        assertUnauthorized(RawClient.exchange(request), "Authorization");
    }

    @Test
    void aMissingTimestampIsRefused() {
        HttpRequest.Builder signed = client.signed("GET", "/v1/routes/", null);
        String authorization = signed.build().headers().firstValue("Authorization").orElseThrow();

        HttpResponse<String> response = RawClient.exchange(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/routes/"))
                .timeout(RawClient.TIMEOUT)
                .header("Authorization", authorization));

        assertUnauthorized(response, "missing X-Timestamp header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024/05/06 07:08:10", "yesterday", "2024-05-06T07:08:10.000Z", "2024-13-06T07:08:10Z",
        "2024-05-06T07:08:10+00:00"})
    void aMalformedTimestampIsRefused(String timestamp) {
        // Signed over the malformed value, so that only the timestamp is wrong.
        assertUnauthorized(sendWithTimestamp(timestamp), "X-Timestamp");
    }

    @Test
    void aTimestampSixMinutesOffIsRefusedEitherWay() {
        HttpResponse<String> early = sendWithTimestamp(RequestSigner.timestamp(NOW.minus(Duration.ofMinutes(6))));
        HttpResponse<String> late = sendWithTimestamp(RequestSigner.timestamp(NOW.plus(Duration.ofMinutes(6))));

        assertUnauthorized(early, "is 360 s away from the sandbox clock (2024-05-06T07:08:10Z)");
        assertUnauthorized(late, "is 360 s away from the sandbox clock");
    }

    @Test
    void aTimestampUpToFiveMinutesOffIsAccepted() {
        assertEquals(200, sendWithTimestamp(RequestSigner.timestamp(NOW.minus(Duration.ofMinutes(5)))).statusCode());
        assertEquals(200, sendWithTimestamp(RequestSigner.timestamp(NOW.plus(Duration.ofMinutes(5)))).statusCode());
        assertEquals(200, sendWithTimestamp(RequestSigner.timestamp(NOW.minusSeconds(299))).statusCode());
    }

    @Test
    void aTimestampWithoutTheTrailingZIsAccepted() {
        HttpResponse<String> response = sendWithTimestamp("2024-05-06T07:08:10");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(sandbox.journal().get(0).signatureValid());
    }

    @Test
    void anEmptyBodySignedAsTheMd5OfNothingIsAccepted() {
        String timestamp = RequestSigner.timestamp(NOW);
        String url = client.origin() + "/v1/routes/";
        String signature = RequestSigner.signature(KEYS.secretKey(),
                RequestSigner.message(timestamp, "GET", new byte[0], url + "\n"));

        HttpResponse<String> response = RawClient.exchange(HttpRequest.newBuilder(URI.create(url))
                .timeout(RawClient.TIMEOUT)
                .header("X-Timestamp", timestamp)
                .header("Authorization", RequestSigner.authorization(KEYS.accessKey(), signature)));

        assertEquals(200, response.statusCode(), response.body());
    }

    /** GET /v1/routes/ signed as the SDK signs, but over {@code timestamp} as given. */
    private HttpResponse<String> sendWithTimestamp(String timestamp) {
        String url = client.origin() + "/v1/routes/";
        String signature = RequestSigner.signature(KEYS.secretKey(), RequestSigner.message(timestamp, "GET", null, url + "\n"));
        return RawClient.exchange(HttpRequest.newBuilder(URI.create(url))
                .timeout(RawClient.TIMEOUT)
                .header("X-Timestamp", timestamp)
                .header("Authorization", RequestSigner.authorization(KEYS.accessKey(), signature)));
    }

    private static void assertUnauthorized(HttpResponse<String> response, String reason) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        String error = json(response).get("error").asText();
        assertTrue(error.contains(reason), error);
        assertFalse(error.contains(KEYS.secretKey()), error);
    }

    private String rawRequest(String requestLine, String timestamp, String authorization, String body) {
        return rawRequest(requestLine, timestamp, authorization, body, null, null);
    }

    /**
     * Sends a request by hand with the Host header the vectors were signed for ({@code 127.0.0.1:8089}),
     * which {@code HttpClient} would not let us set; optionally to a sandbox with the vector's other keys.
     */
    private String rawRequest(String requestLine, String timestamp, String authorization, String body, String accessKey,
            String secretKey) {
        FlowrouteSandbox target = accessKey == null ? sandbox : FlowrouteSandbox.builder()
                .credentials(accessKey, secretKey).clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
        try {
            String head = requestLine + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:8089\r\n"
                    + "X-Timestamp: " + timestamp + "\r\n"
                    + "Authorization: " + authorization + "\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\n");
            return RawClient.rawExchange(target.port(), head,
                    body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        } finally {
            if (target != sandbox) {
                target.close();
            }
        }
    }
}
