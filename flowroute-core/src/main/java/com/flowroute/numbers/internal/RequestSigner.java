package com.flowroute.numbers.internal;

import com.flowroute.numbers.FlowrouteCredentials;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests as the Flowroute v1 API requires (HMAC-SHA1 over timestamp, method, body MD5 and
 * canonical URI). The one place that builds what is signed, so what is signed is what is sent.
 * Not part of the SDK's contract.
 */
public final class RequestSigner {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Comparator<Map.Entry<String, String>> ORDER =
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String accessKey;
    private final SecretKeySpec key;
    // Initialized with the key once and only ever cloned: Mac.getInstance and init on every request
    // cost a provider lookup, about half the time of signing.
    private final Mac prototype;
    private final Clock clock;

    /** A signer for {@code credentials} that reads the time from {@code clock}. */
    public RequestSigner(FlowrouteCredentials credentials, Clock clock) {
        Objects.requireNonNull(credentials, "credentials");
        this.accessKey = credentials.accessKey();
        this.key = hmacKey(credentials.secretKey());
        this.prototype = newMac(key);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A signed request, ready to send. {@code toString()} leaves out the authorization. */
    public static final class SignedRequest {
        private final String method;
        private final String url;
        private final String pathAndQuery;
        private final String timestamp;
        private final String authorization;

        SignedRequest(String method, String url, String pathAndQuery, String timestamp, String authorization) {
            this.method = method;
            this.url = url;
            this.pathAndQuery = pathAndQuery;
            this.timestamp = timestamp;
            this.authorization = authorization;
        }

        /** The method, such as {@code GET}. */
        public String method() {
            return method;
        }

        /** The full URL to send, its query sorted and form-encoded exactly as signed. */
        public String url() {
            return url;
        }

        /** The path and query of {@link #url()}, for messages and logs. */
        public String pathAndQuery() {
            return pathAndQuery;
        }

        /** The {@code X-Timestamp} header value. */
        public String timestamp() {
            return timestamp;
        }

        /** The {@code Authorization} header value. Never log it. */
        public String authorization() {
            return authorization;
        }

        @Override
        public String toString() {
            return method + " " + url + " (X-Timestamp " + timestamp + ", Authorization <redacted>)";
        }
    }

    /**
     * Signs a request.
     *
     * @param method the method, such as {@code GET}
     * @param origin the scheme, host and port to send to (any path of it is ignored)
     * @param rawPath the path as sent, already percent-encoded, such as {@code /v1/tns/}
     * @param query the query parameters, decoded, in any order
     * @param body the exact body bytes, or null for none
     * @return the URL to send and the two headers
     */
    public SignedRequest sign(String method, URI origin, String rawPath, Collection<? extends Map.Entry<String, String>> query,
            byte[] body) {
        String sortedQuery = sortedQuery(query);
        String timestamp = timestamp(clock.instant());
        String base = origin(origin) + rawPath;
        String signature = hex(mac().doFinal(message(timestamp, method, body, base + "\n" + sortedQuery)
                .getBytes(StandardCharsets.UTF_8)));
        String pathAndQuery = sortedQuery.isEmpty() ? rawPath : rawPath + "?" + sortedQuery;
        return new SignedRequest(method, origin(origin) + pathAndQuery, pathAndQuery, timestamp,
                authorization(accessKey, signature));
    }

    /** {@code scheme://host[:port]}, the port only when it is not the scheme's default. */
    public static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }

    /** The query sorted by name (then value), form-encoded, joined by {@code &}; {@code ""} when empty. */
    public static String sortedQuery(Collection<? extends Map.Entry<String, String>> query) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(query);
        sorted.sort(ORDER);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> parameter : sorted) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(formEncode(parameter.getKey())).append('=').append(formEncode(parameter.getValue()));
        }
        return out.toString();
    }

    /**
     * The parameters of a raw query string, form-decoded, in their order. Splits on {@code &}
     * only (never {@code ;}, which no signer splits on).
     *
     * @throws IllegalArgumentException if a name or value is not valid percent-encoding
     */
    public static List<Map.Entry<String, String>> parseQuery(String rawQuery) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return parameters;
    }

    /** {@code application/x-www-form-urlencoded} encoding: space becomes {@code +}. */
    public static String formEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The signed message: {@code timestamp \n METHOD \n md5hex(body) \n canonicalUri}. */
    public static String message(String timestamp, String method, byte[] body, String canonicalUri) {
        return timestamp + "\n" + method + "\n" + md5Hex(body) + "\n" + canonicalUri;
    }

    /** The hex HMAC-SHA1 of {@code message} under {@code secretKey}. */
    public static String signature(String secretKey, String message) {
        return hex(newMac(hmacKey(secretKey)).doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh Mac with this signer's key: a clone of the prototype, which is never used itself. */
    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // A provider whose HMAC cannot be cloned: a new instance does the same.
            return newMac(key);
        }
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
    }

    /** {@code Basic base64(accessKey:signature)}. */
    public static String authorization(String accessKey, String signature) {
        return "Basic " + Base64.getEncoder().encodeToString((accessKey + ":" + signature).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code X-Timestamp} form of {@code instant}: UTC to the second with a trailing {@code Z}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Hex MD5 of {@code body}; {@code ""} when there is no body. */
    public static String md5Hex(byte[] body) {
        if (body == null) {
            return "";
        }
        try {
            return hex(MessageDigest.getInstance("MD5").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }

    private static SecretKeySpec hmacKey(String secretKey) {
        return new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
