package com.flowroute.numbers.cli;

import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ParseResult;

/**
 * Refuses a secret key on the command line, where shell history and {@code ps} show it to others:
 * {@code --secret-key} (any spelling with "secret" in it) ends the run with status 2 and a message
 * that never repeats the value.
 */
final class SecretGuard {
    /** The refusal, one line. */
    static final String REFUSAL = "flowroute: --secret-key is refused: a secret on the command line is visible in shell"
            + " history and to other users (ps); set FLOWROUTE_SECRET_KEY in the environment, or give --access-key"
            + " alone and type the secret when asked (echo off)";

    /** An option-like argument whose name holds "secret": {@code --secret-key}, {@code --secret=...}, {@code -secret}. */
    private static final Pattern SECRET_OPTION = Pattern.compile("--?[a-z0-9_-]*secret[a-z0-9_-]*(=.*)?", Pattern.DOTALL);

    private SecretGuard() {}

    /** Whether the hidden {@code --secret-key} option was given, at any level of the command line. */
    static boolean matched(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--secret-key")) {
                return true;
            }
        }
        return false;
    }

    /** Whether any argument looks like a secret option, for refusing before a usage error repeats it. */
    static boolean mentionsSecret(String[] args) {
        for (String arg : args) {
            if (arg != null && SECRET_OPTION.matcher(arg.toLowerCase(Locale.ROOT)).matches()) {
                return true;
            }
        }
        return false;
    }
}
