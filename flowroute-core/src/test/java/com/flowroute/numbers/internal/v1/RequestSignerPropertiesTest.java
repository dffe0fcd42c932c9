package com.flowroute.numbers.internal.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.internal.PreparedRequest;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.WireRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link RequestSigner} over generated requests (random methods, origins, paths,
 * parameter sets with duplicates and awkward characters, bodies, instants and keys): the
 * signature does not depend on the order of the parameters, the query sent is exactly the
 * sorted query that was signed and decodes back to the parameters, and a re-implementation of
 * the v1 rules here, with the JDK only, gives the same {@code Authorization}.
 */
class RequestSignerPropertiesTest {
    private static final int CASES = 300;

    /** One generated request. */
    record Signing(String accessKey, String secretKey, Instant instant, String method, URI origin, String rawPath,
            List<Map.Entry<String, String>> query, byte[] body) {
        @Override
        public String toString() {
            return method + " " + origin + rawPath + " " + query + " body " + (body == null ? "none" : body.length + " bytes");
        }
    }

    private static String text(Random random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    static Stream<Signing> requests() {
        Random random = new Random(3);
        String[] methods = {"GET", "PUT", "PATCH", "POST", "DELETE"};
        String[] origins = {"https://api.flowroute.com", "https://api.flowroute.com:443", "http://127.0.0.1:8089",
            "http://localhost", "https://[::1]:9443", "HTTPS://API.Example.com:8443"};
        String[] names = {"limit", "page", "npa", "nxx", "ratecenter", "state", "tn", "pattern", "a b", "x+y", "q&r", "k=v", "%20"};
        String values = "abcXYZ019 +&=%?#/~._-\u00e9\u00fc\u4e2d\u00a0'\"";
        return Stream.generate(() -> {
            List<Map.Entry<String, String>> query = new ArrayList<>();
            int parameters = random.nextInt(7);
            for (int i = 0; i < parameters; i++) {
                query.add(Map.entry(names[random.nextInt(names.length)], text(random, values, 8)));
            }
            byte[] body = null;
            if (random.nextBoolean()) {
                body = new byte[random.nextInt(64)];
                random.nextBytes(body);
            }
            String rawPath = "/v1/" + text(random, "abc012-._~", 6) + (random.nextBoolean() ? "/" : "/%2F" + text(random, "xyz", 3));
            return new Signing(text(random, "abcdef0123456789", 12) + "k", "s" + text(random, values, 40),
                    Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
                    methods[random.nextInt(methods.length)], URI.create(origins[random.nextInt(origins.length)]),
                    rawPath, query, body);
        }).limit(CASES);
    }

    private static PreparedRequest sign(Signing s, List<Map.Entry<String, String>> query) {
        return new RequestSigner(FlowrouteCredentials.of(s.accessKey(), s.secretKey()), Clock.fixed(s.instant(), ZoneOffset.UTC))
                .sign(s.origin(), new WireRequest(s.method(), s.rawPath(), query, s.body()));
    }

    private static String header(PreparedRequest request, String name) {
        List<String> values = request.headers().stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).toList();
        assertEquals(1, values.size(), () -> name + " set once: " + request);
        return values.get(0);
    }

    private static String authorization(PreparedRequest request) {
        return header(request, "Authorization");
    }

    @ParameterizedTest
    @MethodSource("requests")
    void theSignatureDoesNotDependOnTheOrderOfTheParameters(Signing s) {
        PreparedRequest signed = sign(s, s.query());
        List<Map.Entry<String, String>> shuffled = new ArrayList<>(s.query());
        Collections.shuffle(shuffled, new Random(s.instant().getEpochSecond()));
        List<Map.Entry<String, String>> reversed = new ArrayList<>(s.query());
        Collections.reverse(reversed);

        assertEquals(authorization(signed), authorization(sign(s, shuffled)));
        assertEquals(authorization(signed), authorization(sign(s, reversed)));
        assertEquals(signed.url(), sign(s, shuffled).url());
    }

    @ParameterizedTest
    @MethodSource("requests")
    void theQuerySentIsTheSortedQuerySignedAndDecodesBackToTheParameters(Signing s) {
        PreparedRequest signed = sign(s, s.query());
        String sortedQuery = Urls.sortedQuery(s.query());
        String base = Urls.origin(s.origin()) + s.rawPath();

        assertEquals(sortedQuery.isEmpty() ? base : base + "?" + sortedQuery, signed.url());
        assertEquals(sortedQuery.isEmpty() ? s.rawPath() : s.rawPath() + "?" + sortedQuery, signed.pathAndQuery());
        URI sent = URI.create(signed.url());
        assertEquals(sortedQuery.isEmpty() ? null : sortedQuery, sent.getRawQuery());
        assertEquals(sorted(s.query()), Urls.parseQuery(sent.getRawQuery()));
        assertFalse(signed.url().contains(" "), signed.url());
        assertFalse(signed.toString().contains(authorization(signed)), "toString() leaves out the Authorization");
    }

    @ParameterizedTest
    @MethodSource("requests")
    void anIndependentImplementationOfTheV1RulesGivesTheSameAuthorization(Signing s) throws Exception {
        PreparedRequest signed = sign(s, s.query());

        // The rules as API.md states them, with the JDK only.
        String timestamp = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
                .format(s.instant().atOffset(ZoneOffset.UTC));
        String bodyMd5 = s.body() == null ? "" : HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.body()));
        String scheme = s.origin().getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = s.origin().getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        String canonicalUri = scheme + "://" + s.origin().getHost() + (defaultPort ? "" : ":" + port) + s.rawPath() + "\n"
                + sorted(s.query()).stream()
                        .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p.getValue(),
                                StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        String message = timestamp + "\n" + s.method() + "\n" + bodyMd5 + "\n" + canonicalUri;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(s.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        String authorization = "Basic " + Base64.getEncoder().encodeToString((s.accessKey() + ":" + signature)
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(timestamp, header(signed, "X-Timestamp"));
        assertEquals(authorization, authorization(signed));
        assertEquals(message, RequestSigner.message(timestamp, s.method(), s.body(), canonicalUri));
    }

    private static List<Map.Entry<String, String>> sorted(List<Map.Entry<String, String>> query) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(query);
        sorted.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue(Comparator.naturalOrder())));
        return sorted;
    }

    @Test
    void theGeneratedRequestsHaveDuplicatesAwkwardCharactersBodiesAndPorts() {
        List<Signing> all = requests().toList();
        assertTrue(all.stream().anyMatch(s -> s.query().stream().map(Map.Entry::getKey).distinct().count() < s.query().size()),
                "duplicate names");
        assertTrue(all.stream().anyMatch(s -> s.query().stream().anyMatch(p -> p.getValue().contains(" "))), "spaces");
        assertTrue(all.stream().anyMatch(s -> s.query().stream().anyMatch(p -> p.getValue().contains("\u4e2d"))), "non-ASCII");
        assertTrue(all.stream().anyMatch(s -> s.query().isEmpty()), "no query");
        assertTrue(all.stream().anyMatch(s -> s.body() == null) && all.stream().anyMatch(s -> s.body() != null
                && s.body().length == 0), "no body and an empty one");
        assertTrue(all.stream().anyMatch(s -> s.instant().getNano() != 0), "instants with a fraction of a second");
    }
}
