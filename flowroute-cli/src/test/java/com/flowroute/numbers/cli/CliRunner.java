package com.flowroute.numbers.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * Runs {@code flowroute} through picocli in-process, with an environment, terminals, a prompt and
 * stdin of the test's choosing, and captures stdout, stderr and the exit status.
 */
final class CliRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment = new HashMap<>();
    private boolean stdoutIsTerminal;
    private boolean stderrIsTerminal;
    private Shell.SecretPrompt prompt;
    private byte[] stdin = new byte[0];
    private final Interruption interruption = new Interruption();
    private Consumer<String> onErr = text -> {};
    private Consumer<String> onOut = text -> {};

    /** A runner with no environment variables, stdout and stderr piped, no terminal to prompt on. */
    static CliRunner cli() {
        return new CliRunner();
    }

    /** A runner whose environment points at {@code sandbox} with its keys. */
    static CliRunner against(FlowrouteSandbox sandbox) {
        return cli().env("FLOWROUTE_BASE_URL", sandbox.baseUrl())
                .env("FLOWROUTE_ACCESS_KEY", sandbox.credentials().accessKey())
                .env("FLOWROUTE_SECRET_KEY", sandbox.credentials().secretKey());
    }

    CliRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    CliRunner withoutEnv(String name) {
        environment.remove(name);
        return this;
    }

    CliRunner terminal(boolean stdout, boolean stderr) {
        this.stdoutIsTerminal = stdout;
        this.stderrIsTerminal = stderr;
        return this;
    }

    CliRunner prompt(Shell.SecretPrompt prompt) {
        this.prompt = prompt;
        return this;
    }

    CliRunner stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Called with everything written to stderr so far, at each write (from any thread). */
    CliRunner onErr(Consumer<String> onErr) {
        this.onErr = onErr;
        return this;
    }

    /** Called with everything written to stdout so far, at each write (from any thread). */
    CliRunner onOut(Consumer<String> onOut) {
        this.onOut = onOut;
        return this;
    }

    Interruption interruption() {
        return interruption;
    }

    /** Runs the command line and returns what it did. */
    Result run(String... args) {
        Shell shell = new Shell(environment::get, stdoutIsTerminal, stderrIsTerminal, prompt,
                new ByteArrayInputStream(stdin), interruption);
        CommandLine line = FlowrouteCli.commandLine(shell);
        WatchedWriter out = new WatchedWriter(onOut);
        WatchedWriter err = new WatchedWriter(onErr);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int status = line.execute(args);
        return new Result(status, out.text(), err.text());
    }

    /** What a run did. */
    record Result(int status, String out, String err) {
        /** stdout as JSON lines. */
        List<JsonNode> json() {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    try {
                        nodes.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new UncheckedIOException("not a JSON line: " + line, e);
                    }
                }
            }
            return nodes;
        }

        /** stdout's lines. */
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** A writer that keeps its text and shows it to a watcher at each write. */
    private static final class WatchedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final Consumer<String> watcher;

        WatchedWriter(Consumer<String> watcher) {
            this.watcher = watcher;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            String now;
            synchronized (text) {
                text.append(chars, offset, length);
                now = text.toString();
            }
            watcher.accept(now);
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
