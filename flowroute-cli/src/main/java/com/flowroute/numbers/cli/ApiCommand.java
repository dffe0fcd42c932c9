package com.flowroute.numbers.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that calls Flowroute: it checks its own input first ({@link #check()}, before any
 * connection or prompt), then runs in a {@link Session}. The SDK's refusals of bad input come out
 * with this command's option names ({@link #options()}).
 */
abstract class ApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        FlowrouteCli cli = FlowrouteCli.of(spec);
        try {
            check();
            try (Session session = cli.open()) {
                return run(session);
            }
        } catch (IllegalArgumentException e) {
            throw BadInput.from(e, options());
        }
    }

    /**
     * Validation the input and builds the SDK's query values, so that bad input is refused before
     * anything happens.
     *
     * @throws IllegalArgumentException naming the field, the value and the rule
     */
    void check() {}

    /** The SDK's field names that this command's options stand for, such as {@code npa} to {@code --area-code}. */
    Map<String, String> options() {
        return Map.of();
    }

    /** Runs the command; returns its exit status. */
    abstract int run(Session session);

    /** {@code --limit}: 1 or more when given. */
    static void checkLimit(Integer limit) {
        if (limit != null && limit < 1) {
            throw BadInput.invalid("--limit", limit, "must be 1 or more");
        }
    }

    /** The page size to ask for when showing at most {@code limit} results (null: all of them). */
    static int pageSize(Integer limit) {
        return limit == null ? 200 : Math.min(limit, 200);
    }
}
