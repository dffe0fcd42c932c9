package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.SdkVersion;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import reactor.netty.http.client.HttpClient;

/** A builder's options, resolved and checked once. */
final class ClientSettings {
    final FlowrouteCredentials credentials;
    final URI origin;
    /** The API root's path under the origin, without a trailing slash: usually {@code ""}. */
    final String rootPath;
    final FlowrouteApiVersion apiVersion;
    final HttpClient httpClient;
    final Duration connectTimeout;
    final Duration responseTimeout;
    final RetryPolicy retryPolicy;
    final String userAgent;
    final Clock clock;
    final int maxResponseBytes;
    final double messageRate;
    /** A Micrometer {@code ObservationRegistry}, or null; typed Object so Micrometer stays optional. */
    final Object observationRegistry;

    private ClientSettings(FlowrouteClientBuilder<?> builder, UnaryOperator<String> environment) {
        this.credentials = builder.credentials != null ? builder.credentials : FlowrouteCredentials.fromEnvironment(environment);
        String url = builder.baseUrl != null ? builder.baseUrl
                : environment.apply(FlowrouteClientBuilder.BASE_URL_VARIABLE) != null
                        ? environment.apply(FlowrouteClientBuilder.BASE_URL_VARIABLE)
                        : FlowrouteClientBuilder.DEFAULT_BASE_URL;
        URI base = parseBaseUrl(url, builder.allowInsecureHttp);
        this.origin = URI.create(base.getScheme().toLowerCase(Locale.ROOT) + "://" + base.getRawAuthority());
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        // A v1 user's base URL ends in /v1: the segment is dropped, and chooses the version
        // unless the builder chose one.
        FlowrouteApiVersion fromUrl = null;
        for (FlowrouteApiVersion version : FlowrouteApiVersion.values()) {
            if (path.endsWith("/" + version.pathSegment())) {
                fromUrl = version;
                path = path.substring(0, path.length() - version.pathSegment().length() - 1);
            }
        }
        this.rootPath = path;
        if (builder.apiVersion != null && fromUrl != null && builder.apiVersion != fromUrl) {
            throw Validation.invalid("baseUrl", url, "ends in /" + fromUrl.pathSegment() + " (API " + fromUrl + ") but apiVersion is "
                    + builder.apiVersion + ": give the API root, such as " + FlowrouteClientBuilder.DEFAULT_BASE_URL
                    + ", or the same version in both");
        }
        String fromEnvironment = environment.apply(FlowrouteClientBuilder.API_VERSION_VARIABLE);
        this.apiVersion = builder.apiVersion != null ? builder.apiVersion
                : fromUrl != null ? fromUrl
                : fromEnvironment != null && !fromEnvironment.isBlank()
                        ? FlowrouteApiVersion.parse(FlowrouteClientBuilder.API_VERSION_VARIABLE, fromEnvironment)
                        : FlowrouteApiVersion.V1;
        this.httpClient = builder.httpClient;
        this.connectTimeout = builder.connectTimeout;
        this.responseTimeout = builder.responseTimeout;
        this.retryPolicy = builder.retryPolicy;
        String own = "flowroute-numbers-java/" + SdkVersion.VERSION + " (Java " + System.getProperty("java.version") + "; "
                + System.getProperty("os.name") + ")";
        this.userAgent = builder.userAgent == null ? own : own + " " + builder.userAgent;
        this.clock = builder.clock;
        this.maxResponseBytes = builder.maxResponseBytes;
        this.messageRate = builder.messageRate;
        this.observationRegistry = builder.observationRegistry;
    }

    static ClientSettings resolve(FlowrouteClientBuilder<?> builder, UnaryOperator<String> environment) {
        return new ClientSettings(builder, environment);
    }

    private static URI parseBaseUrl(String url, boolean allowInsecureHttp) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw Validation.invalid("baseUrl", url, "must be an absolute URL such as " + FlowrouteClientBuilder.DEFAULT_BASE_URL);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Validation.require(scheme.equals("https") || scheme.equals("http"), "baseUrl", url,
                "must start with https:// (or http:// for a local server)");
        Validation.require(uri.getHost() != null, "baseUrl", url, "must name a host");
        Validation.require(uri.getRawQuery() == null && uri.getRawFragment() == null, "baseUrl", url,
                "must not have a query or fragment");
        Validation.require(scheme.equals("https") || allowInsecureHttp || isLoopback(uri.getHost()), "baseUrl", url,
                "plain http:// is allowed only for loopback hosts (127.0.0.1, localhost, [::1]); use https://"
                        + " or allowInsecureHttp(true)");
        return uri;
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: never resolve a name here (no DNS on the caller's thread).
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
