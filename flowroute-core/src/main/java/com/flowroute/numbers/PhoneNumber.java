package com.flowroute.numbers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.flowroute.numbers.internal.Checks;
import java.util.Objects;

/**
 * A North American (NANP) telephone number, parsed once and then trusted.
 *
 * <p>{@link #parse(String)} accepts the usual ways of writing one: {@code "12066417744"},
 * {@code "+1 206-641-7744"}, {@code "(206) 641-7744"}, {@code "206.641.7744"}. The number must
 * be {@code 1} + NPA + NXX + four digits, where neither the NPA (area code) nor the NXX
 * (exchange) starts with 0 or 1. {@link #toString()} is the 11-digit form the v1 API uses on the
 * wire, such as {@code 12066417744}.
 */
public final class PhoneNumber implements Comparable<PhoneNumber> {
    private static final String RULE = "must be a NANP number: 1 + area code + exchange + 4 digits,"
            + " area code and exchange not starting with 0 or 1 (e.g. 12066417744 or +1 206-641-7744)";

    private final String digits;

    private PhoneNumber(String digits) {
        this.digits = digits;
    }

    /**
     * Parses a NANP number.
     *
     * @param text the number, with or without {@code +1}, spaces, dots, dashes and parentheses
     * @return the number
     * @throws IllegalArgumentException if {@code text} is not a NANP number; the message names
     *     the value and the rule
     */
    @JsonCreator
    public static PhoneNumber parse(String text) {
        return parse("number", text);
    }

    /**
     * Same as {@link #parse(String)}.
     *
     * @param text the number
     * @return the number
     * @throws IllegalArgumentException if {@code text} is not a NANP number
     */
    public static PhoneNumber of(String text) {
        return parse(text);
    }

    /**
     * Parses a NANP number held by the field {@code field}, naming that field on failure.
     *
     * @param field the name of the field or parameter that holds {@code text}, for the message
     * @param text the number
     * @return the number
     * @throws IllegalArgumentException if {@code text} is not a NANP number
     */
    public static PhoneNumber parse(String field, String text) {
        Objects.requireNonNull(field, "field");
        Checks.require(text != null, field, null, RULE);
        StringBuilder digits = new StringBuilder(11);
        boolean international = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == firstNonSpace(text)) {
                international = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                throw Checks.invalid(field, text, RULE);
            }
        }
        // After "+" comes the country code, so "+20 6641 7744" (Egypt) is not 206-641-7744.
        if (digits.length() == 10 && !international) {
            digits.insert(0, '1');
        }
        if (!isNanp(digits)) {
            throw Checks.invalid(field, text, RULE);
        }
        return new PhoneNumber(digits.toString());
    }

    /**
     * Whether {@code digits} is exactly the 11-digit wire form of a NANP number.
     *
     * @param digits the text to test
     * @return true when {@link #parse(String)} would accept it unchanged
     */
    public static boolean isNanp(CharSequence digits) {
        return digits.length() == 11
                && Checks.isDigits(digits)
                && digits.charAt(0) == '1'
                && digits.charAt(1) >= '2'
                && digits.charAt(4) >= '2';
    }

    private static int firstNonSpace(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The area code (NPA), such as {@code 206}. */
    public String npa() {
        return digits.substring(1, 4);
    }

    /** The exchange (NXX), such as {@code 641}. */
    public String nxx() {
        return digits.substring(4, 7);
    }

    /** The last four digits (the line number), such as {@code 7744}. */
    public String lineNumber() {
        return digits.substring(7);
    }

    /** The E.164 form, such as {@code +12066417744}. */
    public String e164() {
        return "+" + digits;
    }

    /** The 11-digit wire form, such as {@code 12066417744}. */
    @JsonValue
    @Override
    public String toString() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumber && ((PhoneNumber) other).digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return digits.compareTo(other.digits);
    }
}
