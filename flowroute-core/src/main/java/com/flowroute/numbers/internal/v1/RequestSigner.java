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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
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

    private static final Map.Entry<String, String> ACCEPT = Map.entry("Accept", V1Wire.MEDIA_TYPE);
    private static final Map.Entry<String, String> CONTENT_TYPE = Map.entry("Content-Type", V1Wire.MEDIA_TYPE);

    private final String accessKey;
    private final SecretKeySpec key;
    // Initialized with the key once and only ever cloned: Mac.getInstance and init on every request
    // cost a provider lookup, about half the time of signing.
    private final Mac prototype;
    // A few Macs ready for reuse (a clone is a few hundred bytes and a copy of the key's state):
    // a thread takes one, signs, and puts it back; two signing at once make a clone.
    private final AtomicReferenceArray<Mac> spare = new AtomicReferenceArray<>(4);
    private final Clock clock;
    // The X-Timestamp text of the current second, formatted once per second rather than per request.
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");
    // The origin text of the last URI signed for: a client signs for one origin.
    private volatile Origin origin = new Origin(null, "");

    private record Stamp(long second, String text) {}

    private record Origin(URI uri, String text) {}

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
        String timestamp = timestamp();
        String base = origin(origin);
        // The signed message, as message(timestamp, method, md5, canonicalUri(...)) writes it, in one piece.
        String rawPath = request.rawPath();
        String md5 = md5Hex(request.body());
        StringBuilder message = new StringBuilder(timestamp.length() + request.method().length() + md5.length()
                + base.length() + rawPath.length() + sortedQuery.length() + 4)
                .append(timestamp).append('\n').append(request.method()).append('\n').append(md5).append('\n')
                .append(base).append(rawPath).append('\n').append(sortedQuery);
        String signature = HEX.formatHex(hmac(message.toString().getBytes(StandardCharsets.UTF_8)));
        String pathAndQuery = sortedQuery.isEmpty() ? rawPath : rawPath + "?" + sortedQuery;
        List<Map.Entry<String, String>> headers = request.body() == null
                ? List.of(ACCEPT, Map.entry("X-Timestamp", timestamp), Map.entry("Authorization", authorization(accessKey, signature)))
                : List.of(ACCEPT, Map.entry("X-Timestamp", timestamp), Map.entry("Authorization", authorization(accessKey, signature)),
                        CONTENT_TYPE);
        return new PreparedRequest(request.method(), base + pathAndQuery, pathAndQuery, headers, request.body());
    }

    // The clock's second as X-Timestamp: the same text for every request of that second.
    private String timestamp() {
        Instant now = clock.instant();
        long second = now.getEpochSecond();
        Stamp current = stamp;
        if (current.second() != second) {
            current = new Stamp(second, timestamp(now));
            stamp = current;
        }
        return current.text();
    }

    private String origin(URI uri) {
        Origin current = origin;
        if (current.uri() != uri) {
            current = new Origin(uri, Urls.origin(uri));
            origin = current;
        }
        return current.text();
    }

    private byte[] hmac(byte[] message) {
        int slot = (int) (Thread.currentThread().getId() & (spare.length() - 1));
        Mac mac = spare.getAndSet(slot, null);
        if (mac == null) {
            mac = mac();
        }
        byte[] result = mac.doFinal(message);
        // doFinal leaves the Mac reset, ready for the next message.
        spare.lazySet(slot, mac);
        return result;
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
