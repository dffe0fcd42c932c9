/**
 * The blocking Flowroute client, a facade over {@code com.flowroute.numbers.reactive}: its
 * {@code PagedIterable} wraps the reactive {@code PagedFlux}, so that module comes with it.
 */
module com.flowroute.numbers.blocking {
    requires transitive com.flowroute.numbers;
    requires transitive com.flowroute.numbers.reactive;
    requires reactor.core;
    requires org.reactivestreams;
    // Optional: the calling thread's observation carried into the reactive call.
    requires static context.propagation;

    exports com.flowroute.numbers.blocking;
}
