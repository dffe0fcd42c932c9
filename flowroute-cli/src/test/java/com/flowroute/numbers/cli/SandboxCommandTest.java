package com.flowroute.numbers.cli;

import static com.flowroute.numbers.cli.CliRunner.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SandboxCommandTest {
    @Test
    void servesInTheForegroundUntilCtrlCWithTheVariablesItPrints() throws Exception {
        CountDownLatch printed = new CountDownLatch(1);
        StringBuilder variables = new StringBuilder();
        CliRunner sandboxCli = cli().onOut(out -> {
            if (out.contains("FLOWROUTE_API_VERSION=v2\n") && printed.getCount() > 0) {
                variables.append(out);
                printed.countDown();
            }
        });
        CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(
                () -> sandboxCli.run("--api", "v2", "sandbox", "--port", "0", "--inventory-size", "500"));
        assertTrue(printed.await(30, TimeUnit.SECONDS), "the sandbox printed its variables");

        Map<String, String> environment = new HashMap<>();
        for (String line : variables.toString().split("\n")) {
            String[] pair = line.split("=", 2);
            environment.put(pair[0], pair[1]);
        }
        CliRunner user = cli();
        environment.forEach(user::env);
        CliRunner.Result bought = user.run("numbers", "buy", "--area-code", "206", "--count", "2");
        CliRunner.Result listed = user.run("numbers", "list");
        sandboxCli.interruption().request();
        CliRunner.Result stopped = running.get(30, TimeUnit.SECONDS);

        assertEquals(Map.of("FLOWROUTE_BASE_URL", environment.get("FLOWROUTE_BASE_URL"),
                "FLOWROUTE_ACCESS_KEY", environment.get("FLOWROUTE_ACCESS_KEY"),
                "FLOWROUTE_SECRET_KEY", environment.get("FLOWROUTE_SECRET_KEY"), "FLOWROUTE_API_VERSION", "v2"), environment);
        assertTrue(environment.get("FLOWROUTE_BASE_URL").startsWith("http://127.0.0.1:"), environment::toString);
        assertEquals(0, bought.status(), bought::toString);
        assertEquals(2, listed.json().size(), listed::toString);
        assertEquals(130, stopped.status(), stopped::toString);
        assertTrue(stopped.err().contains("sandbox listening on " + environment.get("FLOWROUTE_BASE_URL")), stopped::toString);
        assertTrue(stopped.err().endsWith("flowroute: sandbox stopped\n"), stopped::toString);
    }

    @Test
    void aBadPortIsBadUsage() {
        CliRunner.Result run = cli().run("sandbox", "--port", "70000");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("--port 70000 is invalid"), run::toString);
    }
}
