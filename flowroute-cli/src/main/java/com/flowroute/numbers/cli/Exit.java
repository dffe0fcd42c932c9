package com.flowroute.numbers.cli;

import com.flowroute.numbers.AuthenticationException;
import com.flowroute.numbers.FlowrouteApiException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;

/**
 * The exit statuses of {@code flowroute}, and how a failure becomes one: a status and one line on
 * stderr, with its causes added under {@code --verbose}.
 */
final class Exit {
    /** Everything asked for was done. */
    static final int OK = 0;
    /** Flowroute refused or failed (or could not be reached): its message is printed. */
    static final int FAILED = 1;
    /** Bad usage or bad input, found before anything was sent. */
    static final int USAGE = 2;
    /** A bulk operation did part of what was asked. */
    static final int PARTIAL = 3;
    /** Stopped by Ctrl-C (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    private Exit() {}

    /** The status {@code failure} ends the command with. */
    static int status(Throwable failure, Interruption interruption) {
        if (interruption.requested() || hasInterruptedCause(failure)) {
            return INTERRUPTED;
        }
        return failure instanceof IllegalArgumentException ? USAGE : FAILED;
    }

    /** Prints {@code failure} as one line (more with {@code verbose}) and returns its status. */
    static int report(Throwable failure, PrintWriter err, boolean verbose, Interruption interruption) {
        int status = status(failure, interruption);
        if (status == INTERRUPTED) {
            err.println("flowroute: interrupted: stopped; a write in flight when Ctrl-C came may or may not have taken effect");
        } else {
            err.println("flowroute: " + describe(failure));
        }
        if (verbose) {
            Set<Throwable> seen = new HashSet<>();
            seen.add(failure);
            for (Throwable cause = failure.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
                err.println("flowroute:   caused by " + cause.getClass().getName() + ": " + oneLine(cause.getMessage()));
            }
        }
        err.flush();
        return status;
    }

    /** One line saying what went wrong, with a hint where one helps. */
    static String describe(Throwable failure) {
        String message = oneLine(failure.getMessage());
        if (failure instanceof AuthenticationException auth && auth.statusCode() == 401) {
            return message + " (check FLOWROUTE_ACCESS_KEY and FLOWROUTE_SECRET_KEY)";
        }
        if (failure instanceof FlowrouteApiException || failure instanceof IllegalArgumentException) {
            return message;
        }
        return failure instanceof RuntimeException && failure.getClass().getName().startsWith("com.flowroute.")
                ? message
                : failure.getClass().getSimpleName() + ": " + message;
    }

    static String oneLine(String text) {
        return text == null ? "(no message)" : text.strip().replaceAll("\\s+", " ");
    }

    private static boolean hasInterruptedCause(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
