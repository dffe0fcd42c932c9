package com.flowroute.numbers.spring;

import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * With {@code flowroute.sandbox.enabled=true}, starts an embedded {@link FlowrouteSandbox} (unless
 * the application defines one) and points the clients at it, with its own random credentials,
 * the way Spring Boot's service connections point at a test container; the sandbox closes with
 * the context. Needs {@code com.flowroute:flowroute-sandbox} on the class path.
 */
@AutoConfiguration(before = FlowrouteAutoConfiguration.class)
@ConditionalOnClass(FlowrouteSandbox.class)
@ConditionalOnBooleanProperty("flowroute.sandbox.enabled")
@EnableConfigurationProperties(FlowrouteProperties.class)
public final class FlowrouteSandboxAutoConfiguration {
    /** For Spring. */
    FlowrouteSandboxAutoConfiguration() {}

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    FlowrouteSandbox flowrouteSandbox(FlowrouteProperties properties) {
        return FlowrouteSandbox.builder().port(properties.getSandbox().getPort()).start();
    }

    @Bean
    @ConditionalOnMissingBean(FlowrouteConnectionDetails.class)
    FlowrouteConnectionDetails flowrouteSandboxConnectionDetails(FlowrouteSandbox sandbox) {
        return new SandboxFlowrouteConnectionDetails(sandbox);
    }
}
