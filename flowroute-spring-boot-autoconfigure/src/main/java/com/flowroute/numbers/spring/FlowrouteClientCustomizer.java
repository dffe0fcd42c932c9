package com.flowroute.numbers.spring;

import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;

/**
 * Shapes the builder of the auto-configured {@link ReactiveFlowrouteClient} (and so of the
 * blocking {@code FlowrouteClient} over it) after the {@code flowroute.*} properties are applied:
 * a Reactor Netty client of your own, a {@code User-Agent} suffix, a clock. Every bean of this
 * type is applied, in {@link org.springframework.core.annotation.Order @Order} order.
 *
 * <pre>{@code
 * @Bean
 * FlowrouteClientCustomizer userAgent() {
 *     return builder -> builder.userAgent("provisioning/1.4");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface FlowrouteClientCustomizer {
    /** Changes {@code builder}, on which the properties are already set. */
    void customize(ReactiveFlowrouteClient.Builder builder);
}
