package com.flowroute.numbers.internal.v1;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.internal.PreparedRequest;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.WireRequest;
import java.net.URI;
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
import java.util.HexFormat;
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
    private static final HexFormat HEX = HexFormat.of();

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

    /**
     * Signs a request for {@code origin}: the URL to send (its query sorted and form-encoded
     * exactly as signed) with {@code Accept}, {@code X-Timestamp} and {@code Authorization}, and
     * {@code Content-Type} when there is a body.
     */
    public PreparedRequest sign(URI origin, WireRequest request) {
        String sortedQuery = Urls.sortedQuery(request.query());
        String timestamp = timestamp(clock.instant());
        String base = Urls.origin(origin);
        String signature = HEX.formatHex(mac().doFinal(message(timestamp, request.method(), request.body(),
                canonicalUri(base, request.rawPath(), sortedQuery)).getBytes(StandardCharsets.UTF_8)));
        String pathAndQuery = sortedQuery.isEmpty() ? request.rawPath() : request.rawPath() + "?" + sortedQuery;
        List<Map.Entry<String, String>> headers = new ArrayList<>(4);
        headers.add(Map.entry("Accept", V1Wire.MEDIA_TYPE));
        headers.add(Map.entry("X-Timestamp", timestamp));
        headers.add(Map.entry("Authorization", authorization(accessKey, signature)));
        if (request.body() != null) {
            headers.add(Map.entry("Content-Type", V1Wire.MEDIA_TYPE));
        }
        return new PreparedRequest(request.method(), base + pathAndQuery, pathAndQuery, headers, request.body());
    }

    /**
     * The canonical URI that is signed: {@code scheme://host[:port]} + the raw path, a newline,
     * and the sorted, form-encoded query ({@code ""} when there is none).
     *
     * @param origin {@code scheme://host[:port]}, the port only when not the default
     * @param rawPath the path as sent, percent-encoded
     * @param sortedQuery the query as {@link Urls#sortedQuery} writes it
     */
    public static String canonicalUri(String origin, String rawPath, String sortedQuery) {
        return origin + rawPath + "\n" + sortedQuery;
    }

    /** The signed message: {@code timestamp \n METHOD \n md5hex(body) \n canonicalUri}. */
    public static String message(String timestamp, String method, byte[] body, String canonicalUri) {
        return timestamp + "\n" + method + "\n" + md5Hex(body) + "\n" + canonicalUri;
    }

    /** The hex HMAC-SHA1 of {@code message} under {@code secretKey}. */
    public static String signature(String secretKey, String message) {
        return HEX.formatHex(newMac(hmacKey(secretKey)).doFinal(message.getBytes(StandardCharsets.UTF_8)));
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
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }

    private static SecretKeySpec hmacKey(String secretKey) {
        return new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }
}
