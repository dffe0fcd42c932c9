package com.flowroute.numbers.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * URL pieces every protocol, the clients and the sandbox share: origins, form-encoded queries in
 * both directions, and percent-encoded path segments. Not part of the SDK's contract.
 */
public final class Urls {
    private static final Comparator<Map.Entry<String, String>> ORDER =
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Urls() {}

    /** {@code scheme://host[:port]}, the port only when it is not the scheme's default. */
    public static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }

    /** Whether two URLs share scheme, host and port. */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null && a.getHost() != null && b.getHost() != null
                && origin(a).equals(origin(b));
    }

    /** The query sorted by name (then value), form-encoded, joined by {@code &}; {@code ""} when empty. */
    public static String sortedQuery(Collection<? extends Map.Entry<String, String>> query) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(query);
        sorted.sort(ORDER);
        return query(sorted);
    }

    /** The query in the given order, form-encoded, joined by {@code &}; {@code ""} when empty. */
    public static String query(Collection<? extends Map.Entry<String, String>> query) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> parameter : query) {
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
        // Most names and values (limit, 206, 1206...) need no encoding: skip URLEncoder's buffers.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unchanged = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '*' || c == '_';
            if (!unchanged) {
                return URLEncoder.encode(text, StandardCharsets.UTF_8);
            }
        }
        return text;
    }

    /**
     * One path segment, percent-encoded so that it can never leave its place in the path: every
     * byte but RFC 3986's unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}
     * ({@code /}, {@code %}, {@code ?}, spaces, CR and LF included). A segment of dots only is
     * encoded whole, since {@code .} and {@code ..} would be dot-segments.
     */
    public static String pathSegment(String segment) {
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
