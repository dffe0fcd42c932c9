package com.flowroute.numbers.cli;

/**
 * One field of a result: {@code key} names it in JSON and CSV after the SDK's model
 * ({@code rateCenter}, not the wire's {@code rate_center} or {@code ratecenter}), {@code header}
 * in tables ({@code RATE CENTER}).
 */
record Column(String key, String header) {
    /** A column whose table header is its key in capitals, a space before each word. */
    static Column of(String key) {
        return new Column(key, key.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT));
    }
}
