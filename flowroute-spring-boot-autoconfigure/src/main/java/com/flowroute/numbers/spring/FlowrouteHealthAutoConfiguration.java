package com.flowroute.numbers.spring;

import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code flowroute} health indicator, off unless {@code management.health.flowroute.enabled=true}:
 * a read of one route, timed out after {@code flowroute.health.timeout} (2 s). It is not added to
 * the liveness group: Flowroute being unreachable is no reason to restart the application.
 */
@AutoConfiguration(after = FlowrouteAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBooleanProperty("management.health.flowroute.enabled")
@ConditionalOnBean(ReactiveFlowrouteClient.class)
public final class FlowrouteHealthAutoConfiguration {
    /** For Spring. */
    FlowrouteHealthAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean(name = "flowrouteHealthIndicator")
    ReactiveHealthIndicator flowrouteHealthIndicator(ReactiveFlowrouteClient client, FlowrouteProperties properties) {
        return new FlowrouteHealthIndicator(client, properties.getHealth().getTimeout());
    }
}
