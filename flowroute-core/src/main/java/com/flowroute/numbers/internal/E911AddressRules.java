package com.flowroute.numbers.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of an E911 address, one method per field, each taking the name to report so that
 * {@code E911Address.build()} names its builder fields and the v2 codec names the wire fields.
 * Each returns the value as it is sent: state and country upper case, a Canadian postal code as
 * {@code A1A 1A1}, an address type in the capitalisation of Flowroute's list. Not part of the
 * SDK's contract.
 */
public final class E911AddressRules {
    /**
     * The address types Flowroute accepts (case-insensitive), as its E911 reference lists them.
     * The 2018 draft OpenAPI document gave abbreviations beside them (A, BM, SU...); the reference
     * pages and real responses use the names, so only the names are accepted.
     */
    public static final List<String> ADDRESS_TYPES = List.of(
            "Apartment", "Basement", "Building", "Department", "Floor", "Front", "Key", "Lobby", "Lot",
            "Lower", "Office", "Penthouse", "Pier", "Rear", "Room", "Side", "Slip", "Space", "Stop",
            "Suite", "Trailer", "Unit", "Upper");

    private static final Map<String, String> BY_LOWER_CASE = new LinkedHashMap<>();

    static {
        ADDRESS_TYPES.forEach(type -> BY_LOWER_CASE.put(type.toLowerCase(Locale.ROOT), type));
    }

    private static final Pattern US_ZIP = Pattern.compile("[0-9]{5}(-[0-9]{4})?");
    // Canada Post never uses D, F, I, O, Q or U, nor W or Z as the first letter.
    private static final Pattern CA_POSTAL_CODE = Pattern.compile(
            "([ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z]) ?([0-9][ABCEGHJ-NPRSTV-Z][0-9])");
    private static final String US_ZIP_RULE = "a US zip code is 5 digits or 5+4 digits, such as 98101 or 98101-1234";
    private static final String CA_POSTAL_CODE_RULE = "a Canadian postal code is letter digit letter, space,"
            + " digit letter digit, such as M4C 5K7 (any case, the space may be left out;"
            + " D, F, I, O, Q and U are never used, nor W or Z first)";

    private E911AddressRules() {}

    /** A two-letter US state or Canadian province or territory code, returned upper case. */
    public static String state(String value, String field) {
        Validation.text(value, field);
        Validation.require(value.length() == 2 && isAsciiLetter(value.charAt(0)) && isAsciiLetter(value.charAt(1)),
                field, value, "must be a two-letter state, province or territory code such as WA or ON");
        return value.toUpperCase(Locale.ROOT);
    }

    /**
     * {@code US} or {@code CA}, in any case; {@code USA} and {@code Canada} (Flowroute's draft
     * document and some of its responses) are read as {@code US} and {@code CA}.
     */
    public static String country(String value, String field) {
        Validation.text(value, field);
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "US", "USA" -> "US";
            case "CA", "CANADA" -> "CA";
            default -> throw Validation.invalid(field, value,
                    "must be US or CA: E911 covers the United States and Canada (USA and Canada are read as US and CA)");
        };
    }

    /**
     * The zip code of a US address or the postal code of a Canadian one ({@code country} as
     * {@link #country} returns it); a postal code is returned as {@code A1A 1A1}, upper case.
     */
    public static String postalCode(String value, String country, String field) {
        Validation.text(value, field);
        if (country.equals("US")) {
            Validation.require(US_ZIP.matcher(value).matches(), field, value, US_ZIP_RULE);
            return value;
        }
        var code = CA_POSTAL_CODE.matcher(value.toUpperCase(Locale.ROOT));
        Validation.require(code.matches(), field, value, CA_POSTAL_CODE_RULE);
        return code.group(1) + " " + code.group(2);
    }

    /**
     * The optional address type and its number ({@code Suite} and {@code 333}): the type one of
     * {@link #ADDRESS_TYPES} in any case, returned as listed; each needs the other.
     */
    public static Optional<String> addressType(Optional<String> type, Optional<String> number,
            String typeField, String numberField) {
        number.ifPresent(n -> {
            Validation.text(n, numberField);
            Validation.require(type.isPresent(), numberField, n,
                    "needs " + typeField + " as well: it is the number of an Apartment, a Suite, a Floor...");
        });
        if (type.isEmpty()) {
            return type;
        }
        String value = type.get();
        Validation.text(value, typeField);
        String canonical = BY_LOWER_CASE.get(value.toLowerCase(Locale.ROOT));
        Validation.require(canonical != null, typeField, value,
                "must be one of " + String.join(", ", ADDRESS_TYPES) + " (any case)");
        Validation.require(number.isPresent(), numberField, null,
                "is required when " + typeField + " is set, such as " + canonical + " 12");
        return Optional.of(canonical);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
