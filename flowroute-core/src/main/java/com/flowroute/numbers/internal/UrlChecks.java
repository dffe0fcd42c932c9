package com.flowroute.numbers.internal;

import java.net.URI;
import java.util.Locale;

/**
 * Validation of the URLs messaging takes: callback URLs Flowroute will POST to, and media URLs it
 * will fetch. Each failure is an {@link IllegalArgumentException} naming the field, the value
 * and the rule, like {@link Validation}. Not part of the SDK's contract.
 */
public final class UrlChecks {
    private UrlChecks() {}

    /**
     * A URL Flowroute calls back: absolute {@code http} or {@code https} with a host (Flowroute's
     * own examples use plain {@code http}).
     */
    public static URI callback(String field, URI url) {
        Validation.require(url != null, field, null, "is required");
        Validation.require(hasScheme(url, "http") || hasScheme(url, "https"), field, url.toString(),
                "must be an absolute http or https URL with a host, such as https://example.com/flowroute/dlr");
        return url;
    }

    /** A media URL of an MMS: absolute {@code https} with a host. */
    public static URI media(String field, URI url) {
        Validation.require(url != null, field, null, "is required");
        Validation.require(hasScheme(url, "https"), field, url.toString(),
                "must be an absolute https URL with a host, such as https://example.com/cat.gif");
        return url;
    }

    private static boolean hasScheme(URI url, String scheme) {
        return url.isAbsolute()
                && url.getScheme().toLowerCase(Locale.ROOT).equals(scheme)
                && url.getHost() != null
                && !url.getHost().isEmpty();
    }
}
