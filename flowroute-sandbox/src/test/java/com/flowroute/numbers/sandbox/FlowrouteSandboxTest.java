package com.flowroute.numbers.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteCredentials;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Starting, addressing and closing a sandbox. */
class FlowrouteSandboxTest {
    @Test
    void itListensOnLoopbackAtAFreePortWithRandomKeys() {
        try (FlowrouteSandbox one = FlowrouteSandbox.start(); FlowrouteSandbox two = FlowrouteSandbox.start()) {
            assertTrue(one.port() > 0);
            assertNotEquals(one.port(), two.port());
            assertEquals("http://127.0.0.1:" + one.port(), one.baseUrl());
            assertNotEquals(one.credentials(), two.credentials());
            assertTrue(one.credentials().secretKey().length() >= 32);
            assertTrue(one.toString().contains(one.baseUrl()));
            assertTrue(!one.toString().contains(one.credentials().secretKey()), "toString leaves the secret out");
        }
    }

    @Test
    void itAcceptsOnlyTheCredentialsItWasGiven() {
        FlowrouteCredentials credentials = FlowrouteCredentials.of("my-access-key", "my-secret-key");
        try (FlowrouteSandbox sandbox = FlowrouteSandbox.builder().credentials(credentials).start()) {
            assertEquals(credentials, sandbox.credentials());
            assertEquals(200, new RawClient(sandbox).get("/v1/routes/").statusCode());
        }
    }

    @Test
    void closingStopsListeningAndCanBeRepeated() {
        FlowrouteSandbox sandbox = FlowrouteSandbox.start();
        RawClient client = new RawClient(sandbox);
        assertEquals(200, client.get("/v1/routes/").statusCode());

        sandbox.close();
        sandbox.close();

        UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> RawClient.exchange(client.signed("GET", "/v1/routes/", null)));
        assertTrue(refused.getCause() instanceof ConnectException, refused.toString());
    }

    @Test
    void aTakenPortIsReportedClearly() {
        try (FlowrouteSandbox first = FlowrouteSandbox.start()) {
            IllegalStateException taken = assertThrows(IllegalStateException.class,
                    () -> FlowrouteSandbox.builder().port(first.port()).start());
            assertTrue(taken.getMessage().startsWith("the sandbox cannot listen on 127.0.0.1:" + first.port()),
                    taken.getMessage());
        }
    }

    @Test
    void badSettingsAreRefusedEarly() {
        assertThrows(IllegalArgumentException.class, () -> FlowrouteSandbox.builder().port(-1));
        assertThrows(IllegalArgumentException.class, () -> FlowrouteSandbox.builder().port(65536));
        assertThrows(IllegalArgumentException.class, () -> FlowrouteSandbox.builder().credentials("", "secret"));
        assertThrows(NullPointerException.class, () -> FlowrouteSandbox.builder().clock(null));
    }

    @Test
    void concurrentPurchasesOfOneNumberSucceedOnce() throws Exception {
        try (FlowrouteSandbox sandbox = FlowrouteSandbox.start()) {
            RawClient client = new RawClient(sandbox);
            CompletableFuture<?>[] purchases = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.purchase("12066417744").statusCode()))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(purchases).get(30, TimeUnit.SECONDS);

            long created = sandbox.journal().stream().filter(entry -> entry.status() == 201).count();
            long refused = sandbox.journal().stream().filter(entry -> entry.status() == 422).count();
            assertEquals(1, created);
            assertEquals(7, refused);
            assertEquals(1, sandbox.accountNumbers().size());
        }
    }
}
