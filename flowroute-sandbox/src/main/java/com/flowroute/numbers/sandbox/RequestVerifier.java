package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.v1.RequestSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validation a request's v1 HMAC signature the way Flowroute does, with the SDK's own signing code:
 * the canonical URI is {@code http://} + the {@code Host} header + the raw path + {@code \n} +
 * the query re-sorted and re-encoded from its decoded parameters, so a client that sent its
 * parameters in another order or encoding still has to have signed the sorted, form-encoded form.
 * Messages name what is wrong but never the secret key or the expected signature.
 */
final class RequestVerifier {
    /** How far the {@code X-Timestamp} may be from the sandbox's clock, either way. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z?");
    private static final String AUTHORIZATION_FORM = "expected Basic base64(accessKey:signature)";
    private static final String TIMESTAMP_FORM = "expected UTC time yyyy-MM-dd'T'HH:mm:ss'Z', such as 2024-05-06T07:08:09Z";

    private final FlowrouteCredentials credentials;
    private final Clock clock;

    RequestVerifier(FlowrouteCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Why the request is not authentic, or empty when it is. */
    Optional<String> problem(IncomingRequest request) {
        try {
            verify(request);
            return Optional.empty();
        } catch (Refusal refused) {
            return Optional.of(refused.getMessage());
        }
    }

    private void verify(IncomingRequest request) {
        String[] keyAndSignature = keyAndSignature(request.authorization);
        if (!keyAndSignature[0].equals(credentials.accessKey())) {
            throw refuse("unknown access key \"" + keyAndSignature[0] + "\"");
        }
        Instant sent = timestamp(request.timestamp);
        if (request.host == null || request.host.isBlank()) {
            throw refuse("missing Host header: the signed URI starts with http://{Host}");
        }
        String canonicalUri = RequestSigner.canonicalUri("http://" + request.host, request.rawPath,
                Urls.sortedQuery(request.parameters));
        String message = RequestSigner.message(request.timestamp, request.method,
                request.body.length == 0 ? null : request.body, canonicalUri);
        boolean valid = matches(keyAndSignature[1], message)
                // An empty body may have been signed as the MD5 of zero bytes rather than "".
                || (request.body.length == 0 && matches(keyAndSignature[1],
                        RequestSigner.message(request.timestamp, request.method, request.body, canonicalUri)));
        if (!valid) {
            throw refuse("signature does not match: the sandbox signed the message \"" + escape(message)
                    + "\" (timestamp, method, MD5 of the body, canonical URI and sorted form-encoded query,"
                    + " one per line) with the secret key");
        }
        Duration skew = Duration.between(sent, clock.instant()).abs();
        if (skew.compareTo(MAX_SKEW) > 0) {
            throw refuse("X-Timestamp " + request.timestamp + " is " + skew.getSeconds() + " s away from the sandbox clock ("
                    + RequestSigner.timestamp(clock.instant()) + "): at most " + MAX_SKEW.getSeconds() + " s allowed");
        }
    }

    private static String[] keyAndSignature(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw refuse("missing Authorization header: " + AUTHORIZATION_FORM);
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw refuse("Authorization is not Basic: " + AUTHORIZATION_FORM);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refuse("Authorization is not valid base64: " + AUTHORIZATION_FORM);
        }
        // The signature is hex, so the last colon separates it even from a key that has colons.
        int colon = decoded.lastIndexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw refuse("Authorization does not hold accessKey:signature: " + AUTHORIZATION_FORM);
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static Instant timestamp(String header) {
        if (header == null || header.isBlank()) {
            throw refuse("missing X-Timestamp header: " + TIMESTAMP_FORM);
        }
        if (!TIMESTAMP.matcher(header).matches()) {
            throw refuse("X-Timestamp \"" + header + "\" is malformed: " + TIMESTAMP_FORM);
        }
        try {
            String local = header.endsWith("Z") ? header.substring(0, header.length() - 1) : header;
            return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw refuse("X-Timestamp \"" + header + "\" is not a valid date and time: " + TIMESTAMP_FORM);
        }
    }

    private boolean matches(String given, String message) {
        String expected = RequestSigner.signature(credentials.secretKey(), message);
        // Constant time, as a real server must; hex digits compare case-insensitively.
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static Refusal refuse(String message) {
        return new Refusal(401, message);
    }
}
