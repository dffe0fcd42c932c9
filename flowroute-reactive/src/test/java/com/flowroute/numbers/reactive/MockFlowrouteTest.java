package com.flowroute.numbers.reactive;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The WireMock lifecycle most client tests share: one {@link MockFlowroute} and one client per
 * test class, the server's stubs and journal reset before each test. Test classes run one at a
 * time, so the class-level fields are reassigned by each subclass's {@code @BeforeAll}.
 */
abstract class MockFlowrouteTest {
    static MockFlowroute flowroute;
    static ReactiveFlowrouteClient client;

    @BeforeAll
    static void start() {
        flowroute = new MockFlowroute();
        client = flowroute.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        flowroute.close();
    }

    @BeforeEach
    void reset() {
        flowroute.reset();
    }
}
