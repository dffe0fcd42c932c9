package com.flowroute.numbers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code FlowrouteCli.main} in a JVM of its own, as a shell runs it: the exit status of the
 * process, and the logger that only a fresh JVM configures from {@code --verbose}.
 */
class ProcessTest {
    @TempDir
    Path directory;

    @Test
    void verboseTurnsOnTheSdksDebugLinesWithoutSecrets() throws Exception {
        Run run = flowroute("--sandbox", "--verbose", "routes", "list");

        assertEquals(0, run.status(), run::toString);
        assertEquals("{\"id\":null,\"name\":\"sip-reg\",\"type\":\"SIP-REG\",\"value\":null}\n", run.out(), "JSON lines when piped");
        assertTrue(run.err().contains("DEBUG com.flowroute.numbers.reactive.ReactiveFlowrouteClient - GET /v1/routes/"),
                run::toString);
        assertFalse(run.err().contains("Authorization") || run.err().contains("Basic "), run::toString);
    }

    @Test
    void theProcessExitsWithTheCommandsStatus() throws Exception {
        Run noCredentials = flowroute("numbers", "list");

        assertFalse(noCredentials.err().contains("DEBUG"), "no debug lines without --verbose");
        assertEquals(2, noCredentials.status(), noCredentials::toString);
        assertTrue(noCredentials.err().contains("FLOWROUTE_ACCESS_KEY"), noCredentials::toString);
    }

    private Run flowroute(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FlowrouteCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("FLOWROUTE_"));
        File out = directory.resolve("out-" + System.nanoTime()).toFile();
        File err = directory.resolve("err-" + System.nanoTime()).toFile();
        Process process = builder.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("flowroute did not end: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {}
}
