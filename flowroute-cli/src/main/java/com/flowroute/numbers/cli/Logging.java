package com.flowroute.numbers.cli;

/**
 * Sets up slf4j-simple, the jar's logger, which writes to stderr: warnings only by default,
 * errors only with {@code --quiet}, and the SDK's DEBUG lines (requests, retries, pacing; they
 * carry no secret) with {@code --verbose}. Settings the user gave with {@code -D} win; a level
 * applies to loggers created after it is set, which is every SDK logger in a CLI run.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {}

    static void configure(boolean verbose, boolean quiet) {
        setIfAbsent(PREFIX + "defaultLogLevel", quiet ? "error" : "warn");
        setIfAbsent(PREFIX + "logFile", "System.err");
        setIfAbsent(PREFIX + "showThreadName", "false");
        if (verbose) {
            setIfAbsent(PREFIX + "log.com.flowroute", "debug");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
