package com.flowroute.numbers.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** One sandbox per class, reset before each test, injected wherever a test asks for it. */
@ExtendWith(FlowrouteSandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlowrouteSandboxExtensionTest {
    private static FlowrouteSandbox fromBeforeAll;
    private static FlowrouteSandbox fromFirstTest;

    private final FlowrouteSandbox fromConstructor;

    FlowrouteSandboxExtensionTest(FlowrouteSandbox sandbox) {
        this.fromConstructor = sandbox;
    }

    @BeforeAll
    static void remember(FlowrouteSandbox sandbox) {
        fromBeforeAll = sandbox;
    }

    @AfterAll
    static void closedAfterTheClass() {
        // Still open here: JUnit closes the class's store after @AfterAll.
        assertEquals(200, new RawClient(fromBeforeAll).get("/v1/routes/").statusCode());
    }

    @Test
    @Order(1)
    void theConstructorAndTheTestGetTheSameSandbox(FlowrouteSandbox sandbox) {
        assertSame(fromConstructor, sandbox);
        assertSame(fromBeforeAll, sandbox);
        fromFirstTest = sandbox;
        assertEquals(List.of(), sandbox.accountNumbers());
        assertEquals(201, new RawClient(sandbox).purchase("12066417744").statusCode());
    }

    @Test
    @Order(2)
    void theNextTestGetsTheSameSandboxReset(FlowrouteSandbox sandbox) {
        assertSame(fromFirstTest, sandbox);
        assertEquals(List.of(), sandbox.accountNumbers(), "reset before each test");
        assertEquals(List.of(), sandbox.journal());
    }

    @Nested
    class ANestedClass {
        @Test
        void sharesTheEnclosingClassSandboxReset(FlowrouteSandbox sandbox) {
            assertSame(fromBeforeAll, sandbox);
            assertEquals(List.of(), sandbox.accountNumbers());
            assertEquals(List.of(), sandbox.journal());
        }
    }
}
