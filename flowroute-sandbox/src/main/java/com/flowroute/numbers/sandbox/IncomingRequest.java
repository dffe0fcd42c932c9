package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.Urls;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request as received, read once: the method, the path and query exactly as sent, the decoded
 * query parameters, the headers that signing needs and the body bytes.
 */
final class IncomingRequest {
    private static final byte[] NO_BODY = new byte[0];

    final String method;
    final String rawPath;
    final String rawQuery;
    final List<Map.Entry<String, String>> parameters;
    /**
     * Why the request target cannot be read, or null: raw (not percent-encoded) non-ASCII bytes
     * or control characters in it, or a query that is not valid percent-encoding; then
     * {@link #parameters} is empty.
     */
    final String targetProblem;
    final String host;
    final String authorization;
    final String timestamp;
    /** The {@code Content-Type} header, or null. */
    final String contentType;
    final byte[] body;

    private IncomingRequest(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> parameters,
            String targetProblem, String host, String authorization, String timestamp, String contentType, byte[] body) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.parameters = parameters;
        this.targetProblem = targetProblem;
        this.host = host;
        this.authorization = authorization;
        this.timestamp = timestamp;
        this.contentType = contentType;
        this.body = body;
    }

    /**
     * Reads a request.
     *
     * @param uri the request target as sent: a raw path with an optional query
     * @param body the body bytes, empty when there is none
     */
    static IncomingRequest of(String method, String uri, String host, String authorization, String timestamp,
            String contentType, byte[] body) {
        int question = uri.indexOf('?');
        String rawPath = question < 0 ? uri : uri.substring(0, question);
        String rawQuery = question < 0 ? "" : uri.substring(question + 1);
        List<Map.Entry<String, String>> parameters = List.of();
        String targetProblem = unencoded("path", rawPath);
        if (targetProblem == null) {
            targetProblem = unencoded("query", rawQuery);
        }
        if (targetProblem == null) {
            try {
                parameters = List.copyOf(Urls.parseQuery(rawQuery));
            } catch (IllegalArgumentException malformed) {
                targetProblem = "the query \"" + rawQuery + "\" is not valid percent-encoding: " + malformed.getMessage();
            }
        }
        return new IncomingRequest(method, rawPath, rawQuery, parameters, targetProblem, host, authorization, timestamp,
                contentType, body == null ? NO_BODY : body);
    }

    /**
     * Why {@code part} of the request target is refused, or null: HTTP sends the target as bytes,
     * which Netty hands over one char per byte, so a raw UTF-8 {@code é} arrives as two chars
     * above U+007F. Such bytes, and control characters, must be percent-encoded.
     */
    private static String unencoded(String what, String part) {
        boolean clean = true;
        for (int i = 0; i < part.length() && clean; i++) {
            char c = part.charAt(i);
            clean = c > 0x20 && c < 0x7F;
        }
        if (clean) {
            return null;
        }
        byte[] bytes = part.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder encoded = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int unsigned = b & 0xFF;
            if (unsigned > 0x20 && unsigned < 0x7F) {
                encoded.append((char) unsigned);
            } else {
                encoded.append('%').append(String.format("%02X", unsigned));
            }
        }
        return Validation.invalid(what, new String(bytes, StandardCharsets.UTF_8),
                "non-ASCII characters and control characters must be percent-encoded (as UTF-8), such as "
                        + encoded).getMessage();
    }

    /** The body as text, for the journal. */
    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The path's segments after the leading slash, each percent-decoded ({@code Office%20PBX%2F2}
     * is one segment, {@code Office PBX/2}); a trailing slash adds no empty segment.
     *
     * @throws Refusal 400 when a segment is not valid percent-encoding
     */
    List<String> pathSegments() {
        List<String> segments = new ArrayList<>();
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            return segments;
        }
        for (String segment : path.split("/", -1)) {
            // In a path '+' is a plus sign; only the query form-encodes a space as '+'.
            segments.add(decode(segment.replace("+", "%2B"), "path segment"));
        }
        return segments;
    }

    private static String decode(String text, String what) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest(what + " \"" + text + "\" is not valid percent-encoding: " + e.getMessage());
        }
    }
}
