package com.flowroute.numbers.spring;

import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.FlowrouteClientBuilder;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Auto-configures a {@link ReactiveFlowrouteClient} from {@link FlowrouteProperties} and a
 * {@link FlowrouteClient} over it (one engine, one connection pool, closed with the context),
 * each backing off when the application defines its own; {@link FlowrouteClientCustomizer} beans
 * shape the builder, and the application's {@code ObservationRegistry}, when it has one, observes
 * every call.
 */
@AutoConfiguration
@ConditionalOnClass(ReactiveFlowrouteClient.class)
@EnableConfigurationProperties(FlowrouteProperties.class)
public final class FlowrouteAutoConfiguration {
    static final String SANDBOX_CLASS = "com.flowroute.numbers.sandbox.FlowrouteSandbox";

    /** For Spring. */
    FlowrouteAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean(FlowrouteConnectionDetails.class)
    FlowrouteConnectionDetails flowrouteConnectionDetails(FlowrouteProperties properties, Environment environment) {
        if (properties.getSandbox().isEnabled()) {
            // Never fall through to the real API (with real keys) when a sandbox was asked for.
            throw new IllegalStateException("flowroute.sandbox.enabled is true but the sandbox is not on the class path:"
                    + " add com.flowroute:flowroute-sandbox (test scope for tests), or set flowroute.sandbox.enabled=false");
        }
        return new PropertiesFlowrouteConnectionDetails(properties, environment);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean({ReactiveFlowrouteClient.class, FlowrouteClient.class})
    ReactiveFlowrouteClient reactiveFlowrouteClient(FlowrouteProperties properties, FlowrouteConnectionDetails connection,
            Environment environment, ObjectProvider<FlowrouteClientCustomizer> customizers) {
        ReactiveFlowrouteClient.Builder builder = ReactiveFlowrouteClient.builder().credentials(connection.credentials());
        String baseUrl = connection.baseUrl();
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        FlowrouteApiVersion apiVersion = apiVersion(properties, environment);
        if (apiVersion != null) {
            builder.apiVersion(apiVersion);
        }
        if (properties.getConnectTimeout() != null) {
            builder.connectTimeout(properties.getConnectTimeout());
        }
        if (properties.getResponseTimeout() != null) {
            builder.responseTimeout(properties.getResponseTimeout());
        }
        if (properties.getMessageRate() != null) {
            builder.messageRate(properties.getMessageRate());
        }
        builder.retryPolicy(retryPolicy(properties.getRetry()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** The blocking facade over the one reactive client: closing it leaves the engine to the reactive bean. */
    @Bean
    @ConditionalOnMissingBean(FlowrouteClient.class)
    FlowrouteClient flowrouteClient(ReactiveFlowrouteClient reactive) {
        return FlowrouteClient.of(reactive);
    }

    /** When the application defines only a blocking client, its engine is the reactive client. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean(ReactiveFlowrouteClient.class)
    @ConditionalOnBean(FlowrouteClient.class)
    ReactiveFlowrouteClient reactiveFlowrouteClientOfBlocking(FlowrouteClient blocking) {
        return blocking.reactive();
    }

    private static FlowrouteApiVersion apiVersion(FlowrouteProperties properties, Environment environment) {
        if (properties.getApiVersion() != null) {
            return properties.getApiVersion();
        }
        String variable = environment.getProperty(FlowrouteClientBuilder.API_VERSION_VARIABLE);
        return StringUtils.hasText(variable) ? FlowrouteApiVersion.parse(FlowrouteClientBuilder.API_VERSION_VARIABLE, variable) : null;
    }

    static RetryPolicy retryPolicy(FlowrouteProperties.Retry retry) {
        RetryPolicy.Builder builder = RetryPolicy.builder();
        if (retry.getMaxRetries() != null) {
            builder.maxRetries(retry.getMaxRetries());
        }
        if (retry.getMinBackoff() != null) {
            builder.minBackoff(retry.getMinBackoff());
        }
        if (retry.getMaxBackoff() != null) {
            builder.maxBackoff(retry.getMaxBackoff());
        }
        if (retry.getJitter() != null) {
            builder.jitter(retry.getJitter());
        }
        if (retry.getMaxRetryAfter() != null) {
            builder.maxRetryAfter(retry.getMaxRetryAfter());
        }
        return builder.build();
    }

    /** The application's {@code ObservationRegistry}, when it has one, given to the builder before any other customizer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    static class ObservationConfiguration {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        FlowrouteClientCustomizer flowrouteObservationCustomizer(ObjectProvider<ObservationRegistry> registry) {
            return builder -> registry.ifAvailable(builder::observationRegistry);
        }
    }

    /** Masks the secret key in Actuator's {@code configprops} and {@code env} endpoints, even where they show values. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SanitizingConfiguration {
        @Bean
        SanitizingFunction flowrouteSecretKeySanitizer() {
            return data -> isSecretKey(data.getKey()) ? data.withSanitizedValue() : data;
        }

        // flowroute.secret-key, secretKey (configprops), FLOWROUTE_SECRET_KEY (env), flowroute.secretkey...
        static boolean isSecretKey(String key) {
            return key != null && key.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "").endsWith("secretkey");
        }
    }
}
