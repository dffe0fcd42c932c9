/**
 * An embedded Flowroute numbers API for tests and offline work. Its JUnit 5 extension needs
 * JUnit Jupiter, an optional dependency: the server itself runs without it.
 */
module com.flowroute.numbers.sandbox {
    requires transitive com.flowroute.numbers;
    requires com.fasterxml.jackson.databind;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.transport;
    requires org.reactivestreams;
    requires reactor.core;
    requires reactor.netty.core;
    requires reactor.netty.http;
    requires org.slf4j;
    requires static org.junit.jupiter.api;

    exports com.flowroute.numbers.sandbox;
}
