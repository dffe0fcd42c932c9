package com.flowroute.numbers.cli;

/**
 * One field of a result: {@code key} names it in JSON and CSV ({@code rate_center}),
 * {@code header} in tables ({@code RATE CENTER}).
 */
record Column(String key, String header) {
    /** A column whose table header is its key in capitals, underscores as spaces. */
    static Column of(String key) {
        return new Column(key, key.replace('_', ' ').toUpperCase(java.util.Locale.ROOT));
    }
}
