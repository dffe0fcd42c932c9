package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.FlowrouteCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Validation a v2 request's HTTP Basic credentials strictly, as Flowroute does: the scheme, valid
 * base64, and both keys, compared in constant time. Messages never repeat what was sent.
 */
final class BasicVerifier {
    private static final String FORM = "send Authorization: Basic base64(accessKey:secretKey)";

    private final byte[] expected;

    BasicVerifier(FlowrouteCredentials credentials) {
        this.expected = (credentials.accessKey() + ":" + credentials.secretKey()).getBytes(StandardCharsets.UTF_8);
    }

    /** Why the request is not authenticated, or empty when it is. */
    Optional<String> problem(IncomingRequest request) {
        String authorization = request.authorization;
        if (authorization == null || authorization.isBlank()) {
            return Optional.of("Authentication failed: missing Authorization header; " + FORM);
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.of("Authentication failed: the Authorization scheme is not Basic; " + FORM);
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("Authentication failed: the Authorization value is not valid base64; " + FORM);
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.of("Authentication failed: unknown access key or wrong secret key");
        }
        return Optional.empty();
    }
}
