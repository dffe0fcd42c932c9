/**
 * Spring Boot auto-configuration of the Flowroute clients: a {@code ReactiveFlowrouteClient} and
 * a {@code FlowrouteClient} over it from {@code flowroute.*} properties ({@link FlowrouteProperties}),
 * shaped further by {@link FlowrouteClientCustomizer} beans, observed with the application's
 * {@code ObservationRegistry}; an embedded sandbox with {@code flowroute.sandbox.enabled=true};
 * and an optional Actuator health indicator.
 */
package com.flowroute.numbers.spring;
