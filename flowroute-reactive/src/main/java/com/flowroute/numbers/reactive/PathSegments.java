package com.flowroute.numbers.reactive;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of one path segment, so that a route name can never leave {@code /routes/}. */
final class PathSegments {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {}

    /**
     * Encodes every byte but RFC 3986's unreserved characters ({@code A-Z a-z 0-9 - . _ ~}), so
     * {@code /}, {@code %}, {@code ?}, spaces, CR and LF all become {@code %XX}. A name made of
     * dots only is encoded whole, since {@code .} and {@code ..} would be dot-segments.
     */
    static String encode(String segment) {
        boolean dotsOnly = segment.chars().allMatch(c -> c == '.');
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '~' || (c == '.' && !dotsOnly);
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
