package com.flowroute.numbers;

import java.util.Locale;

/**
 * The Flowroute API a client speaks for the nine number and route operations. Whatever the
 * version, operations v1 never had (releasing a number, aliases, messaging, E911, CNAM) are
 * always spoken over v2 or v2.1.
 */
public enum FlowrouteApiVersion {
    /** The legacy v1 API: HMAC-signed requests, keyed JSON objects, page numbers. */
    V1,
    /** The current v2 API: HTTP Basic, JSON:API documents, offset paging. */
    V2;

    /**
     * The version named {@code text}: {@code v1} or {@code v2}, in any case.
     *
     * @throws IllegalArgumentException naming {@code field} when it is neither
     */
    public static FlowrouteApiVersion parse(String field, String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "v1", "1" -> V1;
            case "v2", "2" -> V2;
            default -> throw new IllegalArgumentException(field + " \"" + text + "\" is invalid: must be v1 or v2");
        };
    }

    /** The path segment of the version, {@code v1} or {@code v2}. */
    public String pathSegment() {
        return name().toLowerCase(Locale.ROOT);
    }
}
