package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.PhoneNumbers;

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
    public static PhoneNumber parse(String text) {
        return new PhoneNumber(PhoneNumbers.wireForm("number", text));
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
     * Whether {@code digits} is exactly the 11-digit wire form of a NANP number.
     *
     * @param digits the text to test
     * @return true when {@link #parse(String)} would accept it unchanged
     */
    public static boolean isWireForm(CharSequence digits) {
        return digits.length() == 11
                && Validation.isDigits(digits)
                && digits.charAt(0) == '1'
                && digits.charAt(1) >= '2'
                && digits.charAt(4) >= '2';
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
