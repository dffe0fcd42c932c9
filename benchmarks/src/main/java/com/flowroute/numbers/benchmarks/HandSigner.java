package com.flowroute.numbers.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The v1 request signature written by hand, as code without the SDK would: HMAC-SHA1 over
 * timestamp, method, body MD5 and canonical URI, with one {@link Mac} per thread. Used by the
 * floor and the JDK client so that they sign every request as the SDK does (a test checks that
 * the headers are the SDK's), at the least cost a careful author would pay.
 */
final class HandSigner {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String accessKey;
    private final Clock clock;
    private final ThreadLocal<Mac> macs;

    HandSigner(String accessKey, String secretKey, Clock clock) {
        this.accessKey = accessKey;
        this.clock = clock;
        SecretKeySpec key = new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The two headers of a signed request. */
    static final class Headers {
        final String timestamp;
        final String authorization;

        Headers(String timestamp, String authorization) {
            this.timestamp = timestamp;
            this.authorization = authorization;
        }
    }

    /**
     * Signs a request to {@code origin + path + "?" + sortedQuery}.
     *
     * @param sortedQuery the query as sent: sorted by name, form-encoded; "" for none
     * @param body the body bytes, or null
     */
    Headers sign(String method, String origin, String path, String sortedQuery, byte[] body) {
        String timestamp = TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        String message = timestamp + "\n" + method + "\n" + md5Hex(body) + "\n" + origin + path + "\n" + sortedQuery;
        String signature = hex(macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8)));
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accessKey + ":" + signature).getBytes(StandardCharsets.UTF_8));
        return new Headers(timestamp, authorization);
    }

    private static String md5Hex(byte[] body) {
        if (body == null) {
            return "";
        }
        try {
            return hex(MessageDigest.getInstance("MD5").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
