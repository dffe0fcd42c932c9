package com.flowroute.numbers.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered with a builder, for other settings. */
class FlowrouteSandboxExtensionSettingsTest {
    @RegisterExtension
    static final FlowrouteSandboxExtension SANDBOX =
            new FlowrouteSandboxExtension(FlowrouteSandbox.builder().inventorySize(123).credentials("k", "s"));

    @Test
    void usesTheBuildersSettings(FlowrouteSandbox sandbox) {
        assertEquals(123, sandbox.availableCount());
        assertEquals("k", sandbox.credentials().accessKey());
        assertEquals(200, new RawClient(sandbox).get("/v1/routes/").statusCode());
    }
}
