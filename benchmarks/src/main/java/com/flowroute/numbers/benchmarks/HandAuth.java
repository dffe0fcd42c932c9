package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.FlowrouteApiVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

/**
 * The authentication headers of a request, written by hand as code without the SDK would: v1's
 * HMAC signature per request ({@link HandSigner}), or v2's HTTP Basic, one header computed once.
 */
final class HandAuth {
    private final HandSigner signer;
    private final String origin;
    private final String[] basic;

    HandAuth(FlowrouteApiVersion version, String origin, String accessKey, String secretKey) {
        this.origin = origin;
        if (version == FlowrouteApiVersion.V1) {
            this.signer = new HandSigner(accessKey, secretKey, Clock.systemUTC());
            this.basic = null;
        } else {
            this.signer = null;
            this.basic = new String[] {"Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((accessKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8))};
        }
    }

    /** Name, value, name, value...: the headers for a GET of {@code path?query}. */
    String[] headers(String path, String query) {
        if (signer == null) {
            return basic;
        }
        HandSigner.Headers signed = signer.sign("GET", origin, path, query, null);
        return new String[] {"X-Timestamp", signed.timestamp, "Authorization", signed.authorization};
    }
}
