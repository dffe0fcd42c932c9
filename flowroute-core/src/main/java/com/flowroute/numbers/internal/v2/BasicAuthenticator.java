package com.flowroute.numbers.internal.v2;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.internal.Authenticator;
import com.flowroute.numbers.internal.PreparedRequest;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.WireRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * v2 authentication: HTTP Basic with the access key and the secret key on every request, and
 * the JSON:API media type in {@code Accept} and, with a body, {@code Content-Type}. The secret
 * itself travels, so it is only ever prepared for the one configured origin.
 * Not part of the SDK's contract.
 */
public final class BasicAuthenticator implements Authenticator {
    private final String origin;
    // The same headers on every request, so built once.
    private final List<Map.Entry<String, String>> headers;
    private final List<Map.Entry<String, String>> headersWithBody;

    /** An authenticator sending {@code credentials} to {@code origin}. */
    public BasicAuthenticator(FlowrouteCredentials credentials, URI origin) {
        this.origin = Urls.origin(origin);
        Map.Entry<String, String> accept = Map.entry("Accept", JsonApi.MEDIA_TYPE);
        Map.Entry<String, String> authorization = Map.entry("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (credentials.accessKey() + ":" + credentials.secretKey()).getBytes(StandardCharsets.UTF_8)));
        this.headers = List.of(accept, authorization);
        this.headersWithBody = List.of(accept, authorization, Map.entry("Content-Type", JsonApi.MEDIA_TYPE));
    }

    @Override
    public PreparedRequest prepare(WireRequest request) {
        String query = Urls.query(request.query());
        String pathAndQuery = query.isEmpty() ? request.rawPath() : request.rawPath() + "?" + query;
        return new PreparedRequest(request.method(), origin + pathAndQuery, pathAndQuery,
                request.body() == null ? headers : headersWithBody, request.body());
    }

    @Override
    public String toString() {
        return "BasicAuthenticator[" + origin + ", credentials redacted]";
    }
}
