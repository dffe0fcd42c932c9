/**
 * The blocking Flowroute client: {@link com.flowroute.numbers.blocking.FlowrouteClient}, a thin
 * facade over {@link com.flowroute.numbers.reactive.ReactiveFlowrouteClient}. Calls return plain
 * values, listings are lazy {@link com.flowroute.numbers.blocking.PagedIterable}s, and failures
 * are the contract's unchecked exceptions of {@code com.flowroute.numbers}, never wrapped.
 */
package com.flowroute.numbers.blocking;
