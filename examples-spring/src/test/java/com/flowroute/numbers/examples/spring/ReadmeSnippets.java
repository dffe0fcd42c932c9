package com.flowroute.numbers.examples.spring;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.spring.FlowrouteClientCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The README's "Metrics and tracing" and "Spring Boot" snippets, compiled and run by
 * {@code ReadmeSnippetsTest}, which also checks that the README shows each one verbatim (the
 * text between the BEGIN and END lines).
 */
final class ReadmeSnippets {
    private ReadmeSnippets() {}

    static MeterRegistry observed(FlowrouteCredentials credentials, String baseUrl) {
        // BEGIN metrics-and-tracing
        MeterRegistry meters = new SimpleMeterRegistry();   // or your Prometheus, OTLP... registry
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

        ReactiveFlowrouteClient rx = ReactiveFlowrouteClient.builder()
                .credentials(credentials)
                .baseUrl(baseUrl)
                .observationRegistry(observations)          // without it, nothing is observed
                .build();

        // The caller's observation (or span) in the Reactor context is the parent of the call's.
        Observation provisioning = Observation.start("provisioning", observations);
        rx.routes().list().next()
                .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, provisioning))
                .doFinally(signal -> provisioning.stop())
                .block();
        // meters now holds the timers flowroute.client.call and flowroute.client.attempt
        rx.close();
        // END metrics-and-tracing
        return meters;
    }

    // BEGIN spring-customizer
    @Configuration(proxyBeanMethods = false)
    static class FlowrouteConfiguration {
        @Bean
        FlowrouteClientCustomizer flowrouteUserAgent() {
            return builder -> builder.userAgent("provisioning/1.4");   // after the flowroute.* properties
        }
    }
    // END spring-customizer
}
