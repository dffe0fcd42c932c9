package com.flowroute.numbers.cli;

/**
 * A failure the CLI finds in what Flowroute answered, such as a route name that the account does
 * not have: exit status 1, like Flowroute's own refusals.
 */
final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
        super(message);
    }
}
