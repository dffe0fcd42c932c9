package com.flowroute.numbers.internal;

import com.flowroute.numbers.PhoneNumber;
import java.util.Objects;

/**
 * Parsing of NANP numbers with the field that holds them named in the message, and the strict
 * wire-form read of a server's number. Not part of the SDK's contract.
 */
public final class PhoneNumbers {
    /** The rule every number parse states when it fails. */
    public static final String RULE = "must be a NANP number: 1 + area code + exchange + 4 digits,"
            + " area code and exchange not starting with 0 or 1 (e.g. 12066417744 or +1 206-641-7744)";

    private PhoneNumbers() {}

    /**
     * Parses a NANP number held by {@code field}, naming that field on failure.
     *
     * @throws IllegalArgumentException if {@code text} is not a NANP number
     */
    public static PhoneNumber parse(String field, String text) {
        return PhoneNumber.parse(wireForm(field, text));
    }

    /**
     * The 11-digit wire form of {@code text}, written any way {@link PhoneNumber#parse(String)}
     * accepts.
     *
     * @throws IllegalArgumentException naming {@code field} if {@code text} is not a NANP number
     */
    public static String wireForm(String field, String text) {
        Objects.requireNonNull(field, "field");
        Validation.require(text != null, field, null, RULE);
        if (PhoneNumber.isWireForm(text)) {
            return text;
        }
        StringBuilder digits = new StringBuilder(11);
        boolean international = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == firstNonSpace(text)) {
                international = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                throw Validation.invalid(field, text, RULE);
            }
        }
        // After "+" comes the country code, so "+20 6641 7744" (Egypt) is not 206-641-7744.
        if (digits.length() == 10 && !international) {
            digits.insert(0, '1');
        }
        if (!PhoneNumber.isWireForm(digits)) {
            throw Validation.invalid(field, text, RULE);
        }
        return digits.toString();
    }

    /** A number the server sent, which must be exactly the 11-digit wire form. */
    public static PhoneNumber fromWire(String field, String digits) {
        if (!PhoneNumber.isWireForm(digits)) {
            throw Json.malformed(field + " \"" + digits + "\" is not an 11-digit NANP number");
        }
        return PhoneNumber.parse(digits);
    }

    private static int firstNonSpace(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
