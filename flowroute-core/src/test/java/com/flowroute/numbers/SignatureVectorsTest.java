package com.flowroute.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowroute.numbers.internal.PreparedRequest;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.WireRequest;
import com.flowroute.numbers.internal.v1.RequestSigner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of signature-vectors.json, computed with Flowroute's own SDKs, must come out of
 * {@link RequestSigner} unchanged: the URL sent, the X-Timestamp, the Authorization header and
 * each intermediate piece. Our rule is the contract's form-encoded one, so the vectors where the
 * Node.js SDK disagrees must match too.
 */
class SignatureVectorsTest {

    /** One vector, decoded from the JSON file. */
    record Vector(String id, String accessKey, String secretKey, String method, String url,
            List<Map.Entry<String, String>> query, String body, String timestamp, String canonicalUri,
            String message, String signature, String authorization, String signatureWithoutZ,
            boolean nodeSdkAgrees) {

        byte[] bodyBytes() {
            return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    static List<Vector> vectors() throws IOException {
        JsonNode root;
        try (InputStream in = SignatureVectorsTest.class.getResourceAsStream("/signature-vectors.json")) {
            assertNotNull(in, "signature-vectors.json is not on the test class path");
            root = new ObjectMapper().readTree(in);
        }
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode v : root.get("vectors")) {
            List<Map.Entry<String, String>> query = new ArrayList<>();
            for (JsonNode pair : v.get("query")) {
                query.add(Map.entry(pair.get(0).asText(), pair.get(1).asText()));
            }
            JsonNode expected = v.get("expected");
            vectors.add(new Vector(
                    v.get("id").asText(),
                    v.get("access_key").asText(),
                    v.get("secret_key").asText(),
                    v.get("method").asText(),
                    v.get("url").asText(),
                    query,
                    v.get("body").isNull() ? null : v.get("body").asText(),
                    v.get("timestamp").asText(),
                    expected.get("canonical_uri").asText(),
                    expected.get("message").asText(),
                    expected.get("signature").asText(),
                    expected.get("authorization").asText(),
                    v.get("signature_without_z").asText(),
                    v.get("official_node_sdk_agrees").asBoolean()));
        }
        return vectors;
    }

    static Stream<Arguments> allVectors() throws IOException {
        return vectors().stream().map(v -> Arguments.of(v.id(), v));
    }

    private static RequestSigner signerAt(Vector v) {
        Clock clock = Clock.fixed(Instant.parse(v.timestamp()), ZoneOffset.UTC);
        return new RequestSigner(FlowrouteCredentials.of(v.accessKey(), v.secretKey()), clock);
    }

    private static PreparedRequest sign(Vector v, List<Map.Entry<String, String>> query) {
        URI url = URI.create(v.url());
        return signerAt(v).sign(url, new WireRequest(v.method(), url.getRawPath(), query, v.bodyBytes()));
    }

    /** The values of header {@code name} the signer set (each header once). */
    static List<String> header(PreparedRequest request, String name) {
        return request.headers().stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    @Test
    void theVectorFileHoldsEveryCaseIncludingTheOnesTheNodeSdkGetsWrong() throws IOException {
        List<Vector> vectors = vectors();
        assertEquals(15, vectors.size(), "vectors in signature-vectors.json");
        assertTrue(vectors.stream().anyMatch(v -> !v.nodeSdkAgrees()), "a vector where the Node SDK disagrees");
        assertTrue(vectors.stream().anyMatch(v -> v.body() != null), "a vector with a body");
        assertTrue(vectors.stream().anyMatch(v -> URI.create(v.url()).getPort() != -1), "a vector with a port");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allVectors")
    void signedRequestCarriesTheVectorsUrlTimestampAndAuthorization(String id, Vector v) {
        URI url = URI.create(v.url());

        PreparedRequest signed = sign(v, v.query());

        assertEquals(v.url(), signed.url(), "url sent");
        assertEquals(v.method(), signed.method(), "method");
        assertEquals(List.of(v.timestamp()), header(signed, "X-Timestamp"), "X-Timestamp");
        assertEquals(List.of(v.authorization()), header(signed, "Authorization"), "Authorization");
        assertEquals(List.of("application/json"), header(signed, "Accept"), "Accept");
        assertEquals(v.body() == null ? List.of() : List.of("application/json"), header(signed, "Content-Type"),
                "Content-Type only with a body");
        String expectedPathAndQuery = url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
        assertEquals(expectedPathAndQuery, signed.pathAndQuery(), "path and query");
        assertEquals(v.method() + " " + expectedPathAndQuery, signed.call(), "call");
        assertFalse(signed.toString().contains(v.authorization()), "toString leaks the Authorization header");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allVectors")
    void staticPiecesMatchTheVectorsCanonicalUriMessageAndSignature(String id, Vector v) {
        URI url = URI.create(v.url());

        String sortedQuery = Urls.sortedQuery(v.query());
        assertEquals(url.getRawQuery() == null ? "" : url.getRawQuery(), sortedQuery, "sorted, form-encoded query");

        String canonicalUri = RequestSigner.canonicalUri(Urls.origin(url), url.getRawPath(), sortedQuery);
        assertEquals(v.canonicalUri(), canonicalUri, "canonical URI");

        String message = RequestSigner.message(v.timestamp(), v.method(), v.bodyBytes(), canonicalUri);
        assertEquals(v.message(), message, "signed message");

        String signature = RequestSigner.signature(v.secretKey(), message);
        assertEquals(v.signature(), signature, "HMAC-SHA1 signature");
        assertEquals(v.authorization(), RequestSigner.authorization(v.accessKey(), signature), "Authorization");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allVectors")
    void signatureWithoutTrailingZMatchesThePythonAndPhpForm(String id, Vector v) {
        assertTrue(v.timestamp().endsWith("Z"), "vector timestamp ends in Z");
        String withoutZ = v.timestamp().substring(0, v.timestamp().length() - 1);
        String message = RequestSigner.message(withoutZ, v.method(), v.bodyBytes(), v.canonicalUri());

        assertEquals(v.message().replaceFirst("^" + v.timestamp(), withoutZ), message, "message without Z");
        assertEquals(v.signatureWithoutZ(), RequestSigner.signature(v.secretKey(), message), "signature without Z");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allVectors")
    void queryOrderGivenByTheCallerDoesNotChangeTheSignature(String id, Vector v) {
        List<Map.Entry<String, String>> reversed = new ArrayList<>(v.query());
        java.util.Collections.reverse(reversed);

        PreparedRequest signed = sign(v, reversed);

        assertEquals(v.url(), signed.url());
        assertEquals(List.of(v.authorization()), header(signed, "Authorization"));
    }

    @Test
    void bodyMd5IsEmptyWithoutABodyAndHexOfTheExactBytesWithOne() {
        assertEquals("", RequestSigner.md5Hex(null));
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", RequestSigner.md5Hex(new byte[0]));
        assertEquals("01eee69234a2092dc37434bb0b875204",
                RequestSigner.md5Hex("{\"billing_method\":\"METERED\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void timestampIsUtcToTheSecondWithATrailingZ() {
        assertEquals("2016-02-08T12:34:56Z", RequestSigner.timestamp(Instant.parse("2016-02-08T12:34:56.987Z")));
        assertEquals("2016-02-08T00:00:00Z", RequestSigner.timestamp(Instant.parse("2016-02-08T00:00:00Z")));
    }

    @Test
    void originKeepsOnlyANonDefaultPort() {
        assertEquals("https://api.flowroute.com", Urls.origin(URI.create("https://api.flowroute.com:443/v1")));
        assertEquals("http://localhost", Urls.origin(URI.create("http://localhost:80/v1")));
        assertEquals("http://127.0.0.1:8089", Urls.origin(URI.create("http://127.0.0.1:8089/v1")));
        assertEquals("https://api.flowroute.com:80", Urls.origin(URI.create("https://api.flowroute.com:80/v1")));
    }
}
