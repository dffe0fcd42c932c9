/**
 * The reactive Flowroute client: {@link com.flowroute.numbers.reactive.ReactiveFlowrouteClient}
 * on Reactor Netty. Every call returns a cold {@code Mono} or a
 * {@link com.flowroute.numbers.reactive.PagedFlux}: nothing is sent before subscription.
 */
@ValueStyle
package com.flowroute.numbers.reactive;

import com.flowroute.numbers.internal.ValueStyle;
