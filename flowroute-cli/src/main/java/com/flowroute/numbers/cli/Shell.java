package com.flowroute.numbers.cli;

import java.io.Console;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the CLI takes from the process it runs in: environment variables, whether stdout and
 * stderr are terminals, a prompt with echo off, stdin, and Ctrl-C. Tests build one with their own
 * values, so that nothing reads {@code System.getenv} or {@code System.console()} behind them.
 *
 * @param environment looks up an environment variable; null when unset
 * @param stdoutIsTerminal whether stdout is a terminal: tables by default, else JSON lines
 * @param stderrIsTerminal whether stderr is a terminal: progress bars only then
 * @param secretPrompt reads a secret with echo off, or null when there is no terminal to ask on
 * @param stdin the standard input, for {@code messages send --text -}
 * @param interruption Ctrl-C
 */
record Shell(UnaryOperator<String> environment, boolean stdoutIsTerminal, boolean stderrIsTerminal,
        SecretPrompt secretPrompt, InputStream stdin, Interruption interruption) {

    Shell {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(interruption, "interruption");
    }

    /** Reads a secret without echoing it. */
    @FunctionalInterface
    interface SecretPrompt {
        /** The text typed after {@code prompt}, or null at end of input. */
        char[] read(String prompt);
    }

    /** The real process: {@code System.getenv}, {@code System.console()}, {@code System.in}. */
    static Shell system() {
        Console console = System.console();
        SecretPrompt prompt = console == null ? null : text -> console.readPassword("%s", text);
        return new Shell(System::getenv, console != null, stderrIsTerminal(console), prompt, System.in, new Interruption());
    }

    /**
     * Java 17 cannot ask whether stderr alone is a terminal: on Linux its file descriptor's link
     * names the terminal device; elsewhere, a console means the process runs in one.
     */
    private static boolean stderrIsTerminal(Console console) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception notLinux) {
            return console != null;
        }
    }
}
