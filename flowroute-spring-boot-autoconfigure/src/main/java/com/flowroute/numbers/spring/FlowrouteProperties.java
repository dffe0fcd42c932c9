package com.flowroute.numbers.spring;

import com.flowroute.numbers.FlowrouteApiVersion;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code flowroute.*} properties the auto-configured clients are built from. Every property
 * is optional: one left unset keeps the SDK's default, and the keys, the base URL and the API
 * version fall back to the SDK's environment variables ({@code FLOWROUTE_ACCESS_KEY},
 * {@code FLOWROUTE_SECRET_KEY}, {@code FLOWROUTE_BASE_URL}, {@code FLOWROUTE_API_VERSION}).
 *
 * <p>The secret key is never logged, and Actuator's {@code configprops} and {@code env}
 * endpoints mask it even when they show values.
 */
@ConfigurationProperties("flowroute")
public class FlowrouteProperties {
    /** The API access key. Default: the environment variable FLOWROUTE_ACCESS_KEY. */
    private String accessKey;

    /** The API secret key, which signs requests and is never sent. Default: the environment variable FLOWROUTE_SECRET_KEY. */
    private String secretKey;

    /** The API's root URL, such as https://api.flowroute.com. Default: the environment variable FLOWROUTE_BASE_URL, else https://api.flowroute.com. */
    private String baseUrl;

    /** The API version of the number and route operations, v1 or v2. Default: the environment variable FLOWROUTE_API_VERSION, else v1. */
    private FlowrouteApiVersion apiVersion;

    /** How long to wait for a connection. Default 10s. */
    private Duration connectTimeout;

    /** How long one attempt may take from sending to the end of the response. Default 30s. */
    private Duration responseTimeout;

    /** How many message sends a second the client allows itself, retries included; 0 turns pacing off. Default 5, Flowroute's limit per account. */
    private Double messageRate;

    /** When and how long to wait before trying a call again. */
    private final Retry retry = new Retry();

    /** The embedded sandbox, for development and tests. */
    private final Sandbox sandbox = new Sandbox();

    /** The Actuator health indicator, on with management.health.flowroute.enabled=true. */
    private final Health health = new Health();

    /** The access key, or null when not set. */
    public String getAccessKey() {
        return accessKey;
    }

    /** Sets the access key. */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    /** The secret key, or null when not set. */
    public String getSecretKey() {
        return secretKey;
    }

    /** Sets the secret key. */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    /** The base URL, or null when not set. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** Sets the base URL. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The API version, or null when not set. */
    public FlowrouteApiVersion getApiVersion() {
        return apiVersion;
    }

    /** Sets the API version. */
    public void setApiVersion(FlowrouteApiVersion apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** The connect timeout, or null for the SDK's default. */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** Sets the connect timeout. */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The response timeout of one attempt, or null for the SDK's default. */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /** Sets the response timeout of one attempt. */
    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /** The message rate per second, or null for the SDK's default. */
    public Double getMessageRate() {
        return messageRate;
    }

    /** Sets the message rate per second. */
    public void setMessageRate(Double messageRate) {
        this.messageRate = messageRate;
    }

    /** The retry settings. */
    public Retry getRetry() {
        return retry;
    }

    /** The sandbox settings. */
    public Sandbox getSandbox() {
        return sandbox;
    }

    /** The health indicator settings. */
    public Health getHealth() {
        return health;
    }

    /** {@code flowroute.retry.*}: the options of {@code RetryPolicy.builder()}; those not set keep its defaults. */
    public static class Retry {
        /** Retries after the first attempt; 0 turns retrying (and purchase reconciliation) off. Default 3. */
        private Integer maxRetries;

        /** The wait before the first retry, before jitter. Default 250ms. */
        private Duration minBackoff;

        /** The longest wait between attempts, before jitter. Default 8s. */
        private Duration maxBackoff;

        /** The random part of each wait, 0.0 (none) to 1.0 (full jitter). Default 1.0. */
        private Double jitter;

        /** The longest Retry-After the client honours; a longer one ends the call with the 429. Default 60s. */
        private Duration maxRetryAfter;

        /** Retries after the first attempt, or null for the default. */
        public Integer getMaxRetries() {
            return maxRetries;
        }

        /** Sets the retries after the first attempt. */
        public void setMaxRetries(Integer maxRetries) {
            this.maxRetries = maxRetries;
        }

        /** The first backoff, or null for the default. */
        public Duration getMinBackoff() {
            return minBackoff;
        }

        /** Sets the first backoff. */
        public void setMinBackoff(Duration minBackoff) {
            this.minBackoff = minBackoff;
        }

        /** The longest backoff, or null for the default. */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /** Sets the longest backoff. */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /** The jitter, or null for the default. */
        public Double getJitter() {
            return jitter;
        }

        /** Sets the jitter. */
        public void setJitter(Double jitter) {
            this.jitter = jitter;
        }

        /** The longest Retry-After honoured, or null for the default. */
        public Duration getMaxRetryAfter() {
            return maxRetryAfter;
        }

        /** Sets the longest Retry-After honoured. */
        public void setMaxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }
    }

    /** {@code flowroute.sandbox.*}: an embedded Flowroute sandbox the clients talk to instead of Flowroute. */
    public static class Sandbox {
        /**
         * Whether to start an embedded FlowrouteSandbox (com.flowroute:flowroute-sandbox on the
         * class path) and point the clients at it, with its own credentials, for development and
         * tests. Default false.
         */
        private boolean enabled;

        /** The port the sandbox listens on, on 127.0.0.1; 0 for any free port. Default 0. */
        private int port;

        /** Whether the sandbox is on. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Turns the sandbox on or off. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** The sandbox's port, 0 for any. */
        public int getPort() {
            return port;
        }

        /** Sets the sandbox's port, 0 for any. */
        public void setPort(int port) {
            this.port = port;
        }
    }

    /** {@code flowroute.health.*}: the health indicator's check. */
    public static class Health {
        /** How long the health check's read of one route may take, retries included, before the indicator reports down. Default 2s. */
        private Duration timeout = Duration.ofSeconds(2);

        /** The health check's timeout. */
        public Duration getTimeout() {
            return timeout;
        }

        /** Sets the health check's timeout. */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
