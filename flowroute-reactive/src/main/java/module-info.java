/**
 * The reactive Flowroute client on Reactor Netty. Its API returns Reactor's {@code Mono} and
 * {@code Flux} and accepts a Reactor Netty {@code HttpClient}, so those modules come with it.
 */
module com.flowroute.numbers.reactive {
    requires transitive com.flowroute.numbers;
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires transitive reactor.netty.core;
    requires transitive reactor.netty.http;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.codec.http;
    requires io.netty.transport;
    requires org.slf4j;
    requires static org.immutables.value;
    // Optional: observation when the user gives a registry (FlowrouteClientBuilder.observationRegistry).
    requires static micrometer.observation;
    requires static micrometer.commons;

    exports com.flowroute.numbers.reactive;
}
