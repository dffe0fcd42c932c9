package com.flowroute.numbers.internal;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Argument checks shared by every query and request value. Each failure is an
 * {@link IllegalArgumentException} whose message names the field, the value and the rule.
 * Not part of the SDK's contract.
 */
public final class Validation {
    /** Largest page the API serves. */
    public static final int MAX_PAGE_SIZE = 200;

    private Validation() {}

    /** The exception for {@code field} holding {@code value}, which breaks {@code rule}. */
    public static InvalidArgument invalid(String field, Object value, String rule) {
        return new InvalidArgument(field, value, rule);
    }

    /** The one message format of bad input: {@code field "value" is invalid: rule}. */
    public static String message(String field, Object value, String rule) {
        return field + " " + describe(value) + " is invalid: " + rule;
    }

    /**
     * Bad input, with its parts kept so that a server can name the field as its wire does
     * ({@code limit} where the SDK says {@code pageSize}) without taking the message apart.
     */
    public static final class InvalidArgument extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final String field;
        private final transient Object value;
        private final String rule;

        InvalidArgument(String field, Object value, String rule) {
            super(message(field, value, rule));
            this.field = field;
            this.value = value;
            this.rule = rule;
        }

        /** The field, as the SDK names it. */
        public String field() {
            return field;
        }

        /** The value refused. */
        public Object value() {
            return value;
        }

        /** The rule it breaks. */
        public String rule() {
            return rule;
        }

        /** The same refusal with the field named {@code name}. */
        public InvalidArgument renamed(String name) {
            return new InvalidArgument(name, value, rule);
        }
    }

    /** Throws {@link #invalid} unless {@code ok}. */
    public static void require(boolean ok, String field, Object value, String rule) {
        if (!ok) {
            throw invalid(field, value, rule);
        }
    }

    /** {@code pageSize}, the wire {@code limit}: 1..200 when present. */
    public static void pageSize(OptionalInt pageSize) {
        pageSize.ifPresent(size -> require(size >= 1 && size <= MAX_PAGE_SIZE, "pageSize", size,
                "must be between 1 and " + MAX_PAGE_SIZE));
    }

    /** {@code page}: at least 1 when present. */
    public static void page(OptionalInt page) {
        page.ifPresent(p -> require(p >= 1, "page", p, "must be 1 or more (pages start at 1)"));
    }

    /** One to {@code max} ASCII digits. */
    public static void digits(Optional<String> value, String field, int max) {
        value.ifPresent(v -> require(isDigits(v) && v.length() <= max, field, v, "must be 1 to " + max + " digits 0-9"));
    }

    /** True when {@code s} is non-empty and only ASCII digits. */
    public static boolean isDigits(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A name or text that must not be blank and must hold no control character. */
    public static void text(String value, String field) {
        require(value != null, field, null, "is required");
        require(!value.isBlank(), field, value, "must not be blank");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // The message is built only on failure: every billing method and route type parsed passes here.
            if (Character.isISOControl(c)) {
                throw invalid(field, value, "must not contain control characters (found U+" + String.format("%04X", (int) c) + ")");
            }
        }
    }

    /** The value quoted, with control characters escaped so a message stays on one line. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (!(value instanceof CharSequence)) {
            return String.valueOf(value);
        }
        CharSequence s = (CharSequence) value;
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        int shown = Math.min(s.length(), 100);
        for (int i = 0; i < shown; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                default:
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        if (s.length() > shown) {
            out.append("...(").append(s.length()).append(" chars)");
        }
        return out.append('"').toString();
    }
}
