package com.flowroute.numbers.cli;

import static com.flowroute.numbers.cli.CliRunner.against;
import static com.flowroute.numbers.cli.CliRunner.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(FlowrouteSandboxExtension.class)
class CredentialsTest {
    private static final String SECRET = "hunter2-s3cr3t-value";

    @Test
    void withoutCredentialsOrSandboxItNamesTheVariablesAndTheSandbox() {
        CliRunner.Result run = cli().run("numbers", "list");

        assertEquals(2, run.status());
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("FLOWROUTE_ACCESS_KEY") && run.err().contains("FLOWROUTE_SECRET_KEY")
                && run.err().contains("--sandbox") && run.err().contains("offline"), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void withOnlyTheAccessKeyAndNoTerminalItNamesTheMissingVariable(FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).withoutEnv("FLOWROUTE_SECRET_KEY").run("numbers", "list");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("FLOWROUTE_SECRET_KEY is not set") && run.err().contains("no terminal"), run::toString);
        assertTrue(sandbox.journal().isEmpty(), "nothing was sent");
    }

    @Test
    void withOnlyTheSecretItNamesTheAccessKey(FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).withoutEnv("FLOWROUTE_ACCESS_KEY").run("numbers", "list");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("FLOWROUTE_ACCESS_KEY is not set"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--secret-key " + SECRET + " numbers list", "--secret-key=" + SECRET + " numbers list",
            "numbers list --secret-key " + SECRET, "numbers list --secretkey=" + SECRET, "--secret " + SECRET + " numbers list",
            "numbers buy 12066417744 --SECRET-KEY=" + SECRET})
    void aSecretOnTheCommandLineIsRefusedAndNeverEchoed(String commandLine, FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).run(commandLine.split(" "));

        assertEquals(2, run.status(), run::toString);
        assertTrue(run.err().contains("--secret-key is refused") && run.err().contains("FLOWROUTE_SECRET_KEY"), run::toString);
        assertFalse(run.err().contains(SECRET) || run.out().contains(SECRET), "the value is never repeated");
        assertTrue(sandbox.journal().isEmpty(), "nothing was sent");
    }

    @Test
    void theAccessKeyOptionAsksForTheSecretWithTheTerminalsPrompt(FlowrouteSandbox sandbox) {
        List<String> prompts = new ArrayList<>();
        CliRunner.Result run = cli().env("FLOWROUTE_BASE_URL", sandbox.baseUrl())
                .prompt(prompt -> {
                    prompts.add(prompt);
                    return sandbox.credentials().secretKey().toCharArray();
                })
                .run("--access-key", sandbox.credentials().accessKey(), "routes", "list");

        assertEquals(0, run.status(), run::toString);
        assertEquals(List.of("Flowroute secret key for " + sandbox.credentials().accessKey() + ": "), prompts);
        assertEquals("sip-reg", run.json().get(0).get("name").asText());
        assertFalse(run.out().contains(sandbox.credentials().secretKey()) || run.err().contains(sandbox.credentials().secretKey()));
    }

    @Test
    void nothingTypedAtThePromptIsBadUsage(FlowrouteSandbox sandbox) {
        CliRunner.Result run = cli().env("FLOWROUTE_BASE_URL", sandbox.baseUrl()).prompt(prompt -> new char[0])
                .run("--access-key", "someone", "routes", "list");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("no secret key was typed"), run::toString);
        assertTrue(sandbox.journal().isEmpty());
    }

    @Test
    void wrongKeysAreFlowroutesRefusalWithAHint(FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).env("FLOWROUTE_SECRET_KEY", "not-the-secret").run("routes", "list");

        assertEquals(1, run.status(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("401") && run.err().contains("check FLOWROUTE_ACCESS_KEY and FLOWROUTE_SECRET_KEY"),
                run::toString);
        assertFalse(run.err().contains("not-the-secret"));
    }

    @Test
    void aBadBaseUrlNamesWhereItCameFrom(FlowrouteSandbox sandbox) {
        CliRunner.Result fromEnvironment = against(sandbox).env("FLOWROUTE_BASE_URL", "ftp://example.com").run("routes", "list");
        CliRunner.Result fromOption = against(sandbox).run("--base-url", "http://example.com", "routes", "list");

        assertEquals(2, fromEnvironment.status());
        assertTrue(fromEnvironment.err().contains("FLOWROUTE_BASE_URL \"ftp://example.com\" is invalid"), fromEnvironment::toString);
        assertEquals(2, fromOption.status());
        assertTrue(fromOption.err().contains("--base-url \"http://example.com\" is invalid"), fromOption::toString);
    }

    @Test
    void sandboxAndBaseUrlExcludeEachOther() {
        CliRunner.Result run = cli().run("--sandbox", "--base-url", "http://127.0.0.1:1", "routes", "list");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("--sandbox and --base-url"), run::toString);
    }

    @Test
    void theSandboxOptionNeedsNoCredentials() {
        CliRunner.Result run = cli().run("--sandbox", "routes", "list", "--output", "csv");

        assertEquals(0, run.status(), run::toString);
        assertEquals(List.of("id,name,type,value", ",sip-reg,SIP-REG,"), run.lines());
        assertTrue(run.err().contains("embedded sandbox"), run::toString);
    }

    @Test
    void theApiVersionComesFromTheEnvironmentWhenNotGiven(FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).env("FLOWROUTE_API_VERSION", "v2").run("routes", "list");

        assertEquals(0, run.status(), run::toString);
        assertEquals("0", run.json().get(0).get("id").asText(), "v2 lists route ids");
        assertTrue(sandbox.journal().get(0).path().startsWith("/v2/"), sandbox.journal()::toString);
    }
}
