package com.flowroute.numbers.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlowrouteSandboxMainTest {
    @Test
    void theOptionsConfigureTheSandboxAndItPrintsHowToReachIt() {
        FlowrouteSandbox.Builder builder = FlowrouteSandboxMain.options(new String[] {"--port", "0", "--seed", "7",
            "--inventory-size", "300", "--access-key", "local-key", "--secret-key", "local-secret"});

        try (FlowrouteSandbox sandbox = builder.start()) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            FlowrouteSandboxMain.print(sandbox, new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertEquals(String.join(System.lineSeparator(),
                    "Flowroute sandbox listening on " + sandbox.baseUrl() + " (Ctrl-C to stop)",
                    "FLOWROUTE_BASE_URL=" + sandbox.baseUrl(),
                    "FLOWROUTE_ACCESS_KEY=local-key",
                    "FLOWROUTE_SECRET_KEY=local-secret", ""), printed.toString(StandardCharsets.UTF_8));
            assertEquals(300, sandbox.availableCount());
            assertEquals(200, new RawClient(sandbox).get("/v1/routes/").statusCode());
        }
    }

    @Test
    void controlTakesNoValueAndTurnsTheControlInterfaceOn() {
        try (FlowrouteSandbox sandbox = FlowrouteSandboxMain.options(new String[] {"--control", "--port", "0"}).start();
                FlowrouteSandbox without = FlowrouteSandboxMain.options(new String[] {"--port", "0"}).start()) {
            assertEquals("http://127.0.0.1:" + sandbox.port() + "/_sandbox/", sandbox.controlUrl());
            assertNull(without.controlUrl());
        }
    }

    @Test
    void helpAsksForTheUsage() {
        assertNull(FlowrouteSandboxMain.options(new String[] {"--help"}));
    }

    @Test
    void badOptionsAreRefusedWithAReason() {
        assertEquals("unknown option --verbose",
                assertThrows(IllegalArgumentException.class,
                        () -> FlowrouteSandboxMain.options(new String[] {"--verbose", "1"})).getMessage());
        assertEquals("option --port needs a whole number, not \"http\"",
                assertThrows(IllegalArgumentException.class,
                        () -> FlowrouteSandboxMain.options(new String[] {"--port", "http"})).getMessage());
        assertEquals("option --port needs a value, or is unknown",
                assertThrows(IllegalArgumentException.class,
                        () -> FlowrouteSandboxMain.options(new String[] {"--port"})).getMessage());
        assertEquals("give both --access-key and --secret-key, or neither",
                assertThrows(IllegalArgumentException.class,
                        () -> FlowrouteSandboxMain.options(new String[] {"--access-key", "k"})).getMessage());
    }
}
