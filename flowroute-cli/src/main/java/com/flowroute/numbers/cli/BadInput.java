package com.flowroute.numbers.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad usage or input that the CLI itself finds, before anything is sent: exit status 2. The
 * message has the SDK's format, {@code field "value" is invalid: rule}, with the option or
 * argument as the field.
 */
final class BadInput extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private BadInput(String message) {
        super(message);
    }

    /** {@code field} holding {@code value} breaks {@code rule}. */
    static BadInput invalid(String field, Object value, String rule) {
        return new BadInput(field + " " + (value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value))
                + " is invalid: " + rule);
    }

    /** A usage problem that no single value explains, such as two options that exclude each other. */
    static BadInput usage(String message) {
        return new BadInput(message);
    }

    /**
     * The SDK's refusal {@code sdkError} (which names the SDK's fields: {@code npa},
     * {@code rateCenter}) reworded for the command line: the field that leads the message, and
     * identifiers that cannot be English words anywhere in it, become the options in
     * {@code options} ({@code npa} to {@code --area-code}); "build the client with API v2"
     * becomes "give --api v2".
     */
    static BadInput from(IllegalArgumentException sdkError, Map<String, String> options) {
        if (sdkError instanceof BadInput own) {
            return own;
        }
        String message = Exit.oneLine(sdkError.getMessage())
                .replace("build the client with apiVersion(FlowrouteApiVersion.V2)", "give --api v2");
        for (Map.Entry<String, String> option : options.entrySet()) {
            String field = option.getKey();
            if (message.startsWith(field + " ")) {
                message = option.getValue() + message.substring(field.length());
            }
            if (!field.equals(field.toLowerCase(java.util.Locale.ROOT)) || field.equals("npa") || field.equals("nxx")
                    || field.equals("tn")) {
                message = Pattern.compile("\\b" + Pattern.quote(field) + "\\b").matcher(message)
                        .replaceAll(Matcher.quoteReplacement(option.getValue()));
            }
        }
        BadInput reworded = new BadInput(message);
        reworded.initCause(sdkError);
        return reworded;
    }
}
