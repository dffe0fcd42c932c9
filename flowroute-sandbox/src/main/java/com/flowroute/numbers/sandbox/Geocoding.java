package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.E911Address;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's stand-in for Flowroute's geocoder: an address "geocodes" when its postal code
 * belongs to its state, province or territory. A US zip code's first three digits must fall in
 * one of the USPS ranges of the state (98101 is in WA's 980-994; 10001 is not); a Canadian postal
 * code's first letter must be one Canada Post gives the province (M4C 5K7 is in ON's K, L, M, N,
 * P; in QC it is not). A state code the country does not have (ON in the US, WA in Canada, or
 * military codes such as AE) never geocodes. Street, city and names are not looked at.
 */
final class Geocoding {
    /** Flowroute's answer, with a 400, to an address it cannot locate. */
    static final String CANNOT_GEOCODE = "Could not geocode this address. Please check the validity of your address.";

    /** USPS 3-digit zip prefixes: the 50 states, DC, and the territories with E911 service. */
    private static final Map<String, String> US_ZIP_PREFIXES = Map.ofEntries(
            Map.entry("AL", "350-369"), Map.entry("AK", "995-999"), Map.entry("AZ", "850-865"),
            Map.entry("AR", "716-729"), Map.entry("CA", "900-961"), Map.entry("CO", "800-816"),
            Map.entry("CT", "060-069"), Map.entry("DE", "197-199"), Map.entry("DC", "200,202-205,569"),
            Map.entry("FL", "320-349"), Map.entry("GA", "300-319,398-399"), Map.entry("HI", "967-968"),
            Map.entry("ID", "832-838"), Map.entry("IL", "600-629"), Map.entry("IN", "460-479"),
            Map.entry("IA", "500-528"), Map.entry("KS", "660-679"), Map.entry("KY", "400-427"),
            Map.entry("LA", "700-714"), Map.entry("ME", "039-049"), Map.entry("MD", "206-219"),
            Map.entry("MA", "010-027,055"), Map.entry("MI", "480-499"), Map.entry("MN", "550-567"),
            Map.entry("MS", "386-397"), Map.entry("MO", "630-658"), Map.entry("MT", "590-599"),
            Map.entry("NE", "680-693"), Map.entry("NV", "889-898"), Map.entry("NH", "030-038"),
            Map.entry("NJ", "070-089"), Map.entry("NM", "870-884"), Map.entry("NY", "005,100-149"),
            Map.entry("NC", "270-289"), Map.entry("ND", "580-588"), Map.entry("OH", "430-459"),
            Map.entry("OK", "730-749"), Map.entry("OR", "970-979"), Map.entry("PA", "150-196"),
            Map.entry("RI", "028-029"), Map.entry("SC", "290-299"), Map.entry("SD", "570-577"),
            Map.entry("TN", "370-385"), Map.entry("TX", "750-799,885"), Map.entry("UT", "840-847"),
            Map.entry("VT", "050-059"), Map.entry("VA", "201,220-246"), Map.entry("WA", "980-994"),
            Map.entry("WV", "247-268"), Map.entry("WI", "530-549"), Map.entry("WY", "820-831"),
            Map.entry("PR", "006-007,009"), Map.entry("VI", "008"), Map.entry("GU", "969"),
            Map.entry("AS", "967"), Map.entry("MP", "969"));

    /** Canada Post's first letters of the postal codes of each province and territory. */
    private static final Map<String, String> CA_FIRST_LETTERS = Map.ofEntries(
            Map.entry("NL", "A"), Map.entry("NS", "B"), Map.entry("PE", "C"), Map.entry("NB", "E"),
            Map.entry("QC", "GHJ"), Map.entry("ON", "KLMNP"), Map.entry("MB", "R"), Map.entry("SK", "S"),
            Map.entry("AB", "T"), Map.entry("BC", "V"), Map.entry("NT", "X"), Map.entry("NU", "X"),
            Map.entry("YT", "Y"));

    private Geocoding() {}

    /**
     * Whether the sandbox can locate {@code address}; its state, country and zip are as
     * {@link E911Address} normalises them (upper case, {@code US} or {@code CA}, {@code A1A 1A1}).
     */
    static boolean geocodes(E911Address address) {
        return switch (address.country()) {
            case "US" -> inRanges(US_ZIP_PREFIXES.get(address.state()), Integer.parseInt(address.zip().substring(0, 3)));
            case "CA" -> {
                String letters = CA_FIRST_LETTERS.get(address.state());
                yield letters != null && letters.indexOf(address.zip().charAt(0)) >= 0;
            }
            default -> false;
        };
    }

    /** Refuses, with Flowroute's 400, an address that does not geocode. */
    static void check(E911Address address) {
        if (!geocodes(address)) {
            throw Refusal.badRequest(CANNOT_GEOCODE);
        }
    }

    private static boolean inRanges(String ranges, int prefix) {
        if (ranges == null) {
            return false;
        }
        for (String range : List.of(ranges.split(","))) {
            int dash = range.indexOf('-');
            int low = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int high = dash < 0 ? low : Integer.parseInt(range.substring(dash + 1));
            if (prefix >= low && prefix <= high) {
                return true;
            }
        }
        return false;
    }
}
