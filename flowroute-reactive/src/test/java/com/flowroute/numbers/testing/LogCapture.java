package com.flowroute.numbers.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Captures what slf4j-simple writes (it prints to the current {@code System.err} on every call)
 * while still passing it on: log lines and the stack traces that follow them. Shared by the
 * reactive tests (where Surefire sets {@code com.flowroute} to DEBUG) and the integration tests.
 */
public final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    /** Starts capturing {@code System.err}. */
    public LogCapture() {
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (captured) {
                    captured.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** Every line logged so far. */
    public List<String> lines() {
        String text;
        synchronized (captured) {
            text = captured.toString(StandardCharsets.UTF_8);
        }
        return Arrays.stream(text.split("\n")).filter(line -> !line.isEmpty()).collect(Collectors.toList());
    }

    /** The lines of the SDK's per-attempt DEBUG log that mention {@code text}. */
    public List<String> attempts(String text) {
        return lines().stream()
                .filter(line -> line.contains("DEBUG com.flowroute") && line.contains("(attempt ") && line.contains(text))
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
