package com.flowroute.numbers.cli;

import java.util.Locale;

/** How results are written to stdout: {@code --output table|json|csv}. */
enum OutputFormat {
    /** Aligned columns for a person at a terminal; the default when stdout is one. */
    TABLE,
    /** JSON lines, one object per result; the default when stdout is piped or redirected. */
    JSON,
    /** A header line of field names, then one line per result (RFC 4180 quoting). */
    CSV;

    /** The format named {@code text} (any case), for {@code --output}. */
    static OutputFormat parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "table" -> TABLE;
            case "json" -> JSON;
            case "csv" -> CSV;
            default -> throw BadInput.invalid("--output", text, "must be table, json or csv");
        };
    }
}
