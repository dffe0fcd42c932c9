package com.flowroute.numbers.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first call in a fresh JVM ({@link FirstCall}), the SDK's and raw Reactor Netty's, in turns:
 * the time from starting the process (default JVM flags, this JVM's class path) to its line
 * saying the page is parsed, and the classes it loaded; then, in one more run each with
 * {@code -Xlog:class+load}, which libraries those classes came from.
 */
final class FirstCallRun {
    /** What one kind of first call measured. */
    static final class Result {
        final String who;
        final List<Double> millis = new ArrayList<>();
        final List<Long> classes = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        Map<String, Integer> byLibrary = new TreeMap<>();

        Result(String who) {
            this.who = who;
        }

        double medianMillis() {
            return Stats.median(millis.stream().mapToDouble(Double::doubleValue).toArray());
        }

        long medianClasses() {
            return (long) Stats.median(classes.stream().mapToDouble(Long::doubleValue).toArray());
        }
    }

    private FirstCallRun() {}

    static Map<String, Result> run(String origin, int runs) throws IOException, InterruptedException {
        Map<String, Result> results = new TreeMap<>();
        for (String who : List.of("sdk", "netty")) {
            results.put(who, new Result(who));
        }
        for (int i = 0; i < runs; i++) {
            for (String who : i % 2 == 0 ? List.of("sdk", "netty") : List.of("netty", "sdk")) {
                Result result = results.get(who);
                long start = System.nanoTime();
                String line;
                try {
                    line = launch(List.of(), who, origin);
                } catch (IllegalStateException failed) {
                    // Counted and tried once more: one failed launch should not end a 20-minute run.
                    result.failures.add(failed.getMessage());
                    start = System.nanoTime();
                    line = launch(List.of(), who, origin);
                }
                double millis = (System.nanoTime() - start) / 1e6;
                result.millis.add(millis);
                result.classes.add(Long.parseLong(line.replaceAll(".*classes=(\\d+).*", "$1")));
            }
        }
        for (Result result : results.values()) {
            Path log = Files.createTempFile("first-call-" + result.who, ".log");
            try {
                launch(List.of("-Xlog:class+load=info:file=" + log), result.who, origin);
                result.byLibrary = libraries(Files.readAllLines(log));
            } finally {
                Files.deleteIfExists(log);
            }
        }
        return results;
    }

    private static String launch(List<String> options, String who, String origin) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FirstCall.class.getName());
        command.add(who);
        command.add(origin);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // A call that hangs must not hang the run: the child answers in a second or two.
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "first-call-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        String found = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith("items=")) {
                    found = line;
                    break;
                }
            }
        }
        process.waitFor();
        if (found == null || !found.startsWith("items=" + FixedResponses.SEARCH_ITEMS + " ")) {
            throw new IllegalStateException(who + "'s first call failed: " + String.join("\n", output));
        }
        return found;
    }

    // Classes by where they came from: the JDK, or the library's package.
    static Map<String, Integer> libraries(List<String> log) {
        Map<String, Integer> out = new TreeMap<>();
        for (String line : log) {
            int info = line.indexOf("[class,load]");
            if (info < 0) {
                continue;
            }
            String rest = line.substring(info + "[class,load]".length()).trim();
            String name = rest.split(" ")[0];
            boolean jdk = rest.contains("source: jrt:/") || rest.contains("shared objects file");
            out.merge(jdk ? "JDK" : library(name), 1, Integer::sum);
        }
        return out;
    }

    private static String library(String className) {
        String[][] prefixes = {
            {"com.flowroute.numbers.benchmarks.", "benchmark harness"},
            {"com.flowroute.", "Flowroute SDK"},
            {"com.fasterxml.jackson.databind.", "jackson-databind"},
            {"com.fasterxml.jackson.core.", "jackson-core"},
            {"com.fasterxml.jackson.annotation.", "jackson-annotations"},
            {"reactor.netty.", "reactor-netty"},
            {"reactor.", "reactor-core"},
            {"io.netty.", "netty"},
            {"io.micrometer.", "micrometer"},
            {"org.slf4j.", "slf4j"},
            {"org.reactivestreams.", "reactive-streams"},
        };
        for (String[] prefix : prefixes) {
            if (className.startsWith(prefix[0])) {
                return prefix[1];
            }
        }
        return "other";
    }
}
