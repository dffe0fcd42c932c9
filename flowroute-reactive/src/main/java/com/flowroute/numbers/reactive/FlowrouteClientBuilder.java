package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteApiVersion;
import io.micrometer.observation.ObservationRegistry;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.internal.Validation;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import reactor.netty.http.client.HttpClient;

/**
 * The options every Flowroute client takes, shared by {@link ReactiveFlowrouteClient.Builder}
 * and the blocking client's builder so that both accept exactly the same settings.
 *
 * @param <B> the concrete builder, returned by each option for chaining
 */
public abstract class FlowrouteClientBuilder<B extends FlowrouteClientBuilder<B>> {
    /** The API's root: each operation adds its versioned path ({@code /v1/tns/}, {@code /v2/numbers}). */
    public static final String DEFAULT_BASE_URL = "https://api.flowroute.com";
    /** Environment variable that overrides {@link #DEFAULT_BASE_URL}. */
    public static final String BASE_URL_VARIABLE = "FLOWROUTE_BASE_URL";
    /** Environment variable that chooses the API version ({@code v1} or {@code v2}) when the builder does not. */
    public static final String API_VERSION_VARIABLE = "FLOWROUTE_API_VERSION";
    /** Default of {@link #messageRate(double)}: Flowroute's limit of 5 SMS per second per account. */
    public static final double DEFAULT_MESSAGE_RATE = 5;
    /** Default for the largest response body read: 16 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    FlowrouteCredentials credentials;
    String baseUrl;
    FlowrouteApiVersion apiVersion;
    HttpClient httpClient;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration responseTimeout = Duration.ofSeconds(30);
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    String userAgent;
    Clock clock = Clock.systemUTC();
    boolean allowInsecureHttp;
    int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    double messageRate = DEFAULT_MESSAGE_RATE;
    Object observationRegistry;

    /** For subclasses. */
    protected FlowrouteClientBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The API keys. Default: {@link FlowrouteCredentials#fromEnvironment()}, read at build time. */
    public B credentials(FlowrouteCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        return self();
    }

    /**
     * The API's root URL, such as {@code https://api.flowroute.com} (the default, or the
     * environment variable {@code FLOWROUTE_BASE_URL}); each operation adds its versioned path. A
     * URL ending in {@code /v1} or {@code /v2} still works: that segment is dropped and chooses
     * the version when {@link #apiVersion} is not set (set and different, {@code build()} fails).
     * Plain {@code http://} is accepted only for loopback hosts unless
     * {@link #allowInsecureHttp(boolean)} is set.
     */
    public B baseUrl(String baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        return self();
    }

    /**
     * The API version of the nine number and route operations. Default: the version a base URL
     * ending in {@code /v1} or {@code /v2} names, else the environment variable
     * {@code FLOWROUTE_API_VERSION} ({@code v1} or {@code v2}), else {@link FlowrouteApiVersion#V1}.
     * Operations only v2 has, messaging, E911 and CNAM always go over v2 (v2.1 for messaging).
     */
    public B apiVersion(FlowrouteApiVersion apiVersion) {
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
        return self();
    }

    /**
     * The Reactor Netty client to send with, for a proxy, TLS settings, a connection pool of your
     * own or metrics. The SDK adds its timeouts and headers per request and does not dispose it.
     * Default: a client with a connection pool owned, and disposed on close, by the SDK client.
     * Redirects are never followed (credentials go to the configured origin only); if the client
     * has Reactor Netty's wiretap on, {@code Authorization} values are masked in its log over
     * HTTP/1.1, and over HTTP/2 the wiretap is turned off with a warning.
     */
    public B httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return self();
    }

    /** How long to wait for a connection. Default 10 s. */
    public B connectTimeout(Duration connectTimeout) {
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        return self();
    }

    /** How long one attempt may take from sending to the end of the response. Default 30 s. */
    public B responseTimeout(Duration responseTimeout) {
        this.responseTimeout = positive(responseTimeout, "responseTimeout");
        return self();
    }

    /** When to retry. Default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} turns retries off. */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return self();
    }

    /** Text appended to the SDK's own {@code User-Agent}, such as {@code my-app/1.2}. */
    public B userAgent(String userAgent) {
        Validation.text(userAgent, "userAgent");
        this.userAgent = userAgent;
        return self();
    }

    /** The clock that stamps and signs requests. Default: the system clock in UTC. */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /** Whether a plain {@code http://} base URL to a host that is not loopback is allowed. Default false. */
    public B allowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
        return self();
    }

    /** The largest response body read; a larger one fails the call without being buffered whole. Default 16 MiB. */
    public B maxResponseBytes(int maxResponseBytes) {
        Validation.require(maxResponseBytes > 0, "maxResponseBytes", maxResponseBytes, "must be positive");
        this.maxResponseBytes = maxResponseBytes;
        return self();
    }

    /**
     * How many message sends a second this client allows itself, retries included, spaced on a
     * timer without blocking a thread; {@code 0} turns pacing off. Default 5, Flowroute's limit
     * per account: when several processes send for one account, give each its share.
     */
    public B messageRate(double perSecond) {
        Validation.require(Double.isFinite(perSecond) && perSecond >= 0, "messageRate", perSecond,
                "must be 0 (no pacing) or a positive number of messages per second");
        this.messageRate = perSecond;
        return self();
    }

    /**
     * Observes every call ({@code flowroute.client.call}: the whole operation, retries and
     * reconciliation included; a listing is one call per page) and every attempt
     * ({@code flowroute.client.attempt}, its child) with Micrometer's Observation API, the parent
     * being the caller's observation (from the Reactor context, or in the blocking client from
     * the calling thread). Keys are low-cardinality (operation, API version, method, status,
     * outcome, exception class) but for the path; never a secret or a message body. Default: no
     * registry, nothing observed and nothing spent. Needs {@code io.micrometer:micrometer-observation}
     * on the class path, which the SDK does not bring itself.
     */
    public B observationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
        return self();
    }

    /**
     * A reactive client with these options, for subclasses that wrap it.
     *
     * @throws IllegalArgumentException if the base URL is not usable
     * @throws IllegalStateException if no credentials were given and the environment has none
     */
    protected final ReactiveFlowrouteClient buildReactiveClient() {
        return new ReactiveFlowrouteClient(ClientSettings.resolve(this, System::getenv));
    }

    private static Duration positive(Duration duration, String field) {
        Objects.requireNonNull(duration, field);
        Validation.require(!duration.isNegative() && !duration.isZero(), field, duration, "must be positive");
        return duration;
    }
}
