package com.flowroute.numbers.internal;

/**
 * Flowroute's CNAM storage rule for the caller name to create, checked before anything is sent:
 * 1 to 15 characters, at least one of them a letter; besides letters A-Z, digits and spaces only
 * {@code - _ . , @ + & ' / "} (Flowroute's "CNAM Storage Rules"). Whether a name is approved
 * (no phone numbers, nothing misleading) is Flowroute's call, within 48 hours. Not part of the
 * SDK's contract.
 */
public final class CnamValues {
    /** Longest caller name Flowroute stores. */
    public static final int MAX_LENGTH = 15;
    private static final String SPECIALS = "-_.,@+&'/\"";
    private static final String CHARACTERS = "a CNAM value holds only letters A-Z, digits 0-9, spaces and - _ . , @ + & ' / \"";

    private CnamValues() {}

    /**
     * Validation a CNAM value such as {@code Bob Law}.
     *
     * @param value the caller name
     * @throws IllegalArgumentException naming the field {@code value}, the value and the rule it breaks
     */
    public static void check(String value) {
        Validation.require(value != null, "value", null, "is required: a CNAM value is 1 to " + MAX_LENGTH + " characters");
        int length = value.codePointCount(0, value.length());
        Validation.require(length >= 1 && length <= MAX_LENGTH, "value", value,
                "a CNAM value is 1 to " + MAX_LENGTH + " characters (this one has " + length + ")");
        boolean letter = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ascii = c < 128;
            if (ascii && Character.isLetter(c)) {
                letter = true;
            } else if (!(ascii && Character.isDigit(c)) && c != ' ' && SPECIALS.indexOf(c) < 0) {
                throw Validation.invalid("value", value, CHARACTERS + " (found " + shown(value.codePointAt(i)) + ")");
            }
        }
        Validation.require(letter, "value", value,
                "a CNAM value needs at least one letter A-Z: it is a name, not a number");
    }

    private static String shown(int codePoint) {
        String code = String.format("U+%04X", codePoint);
        return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) || !Character.isDefined(codePoint)
                ? code
                : "'" + new String(Character.toChars(codePoint)) + "' " + code;
    }
}
