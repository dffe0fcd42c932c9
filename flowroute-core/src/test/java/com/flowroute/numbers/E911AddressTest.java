package com.flowroute.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.internal.E911AddressRules;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link E911Address#builder()} refuses each broken rule with an {@link IllegalArgumentException}
 * naming the field, the value and the rule, with US and Canadian rules for the postal code, and
 * normalises what it accepts.
 */
class E911AddressTest {
    static E911Address.Builder us() {
        E911Address.Builder builder = E911Address.builder();
        builder.label("Seattle office").firstName("Maria").lastName("Bermudez")
                .streetNumber("666").streetName("Main St").addressType("Suite").addressTypeNumber("333")
                .city("Seattle").state("WA").country("US").zip("98101");
        return builder;
    }

    static E911Address.Builder ca() {
        E911Address.Builder builder = E911Address.builder();
        builder.label("Toronto office").firstName("Jean").lastName("Tremblay")
                .streetNumber("100").streetName("Queen St W")
                .city("Toronto").state("ON").country("CA").zip("M5H 2N2");
        return builder;
    }

    private static Arguments bad(String name, E911Address.Builder builder, String field, String value, String rule) {
        return Arguments.of(name, builder, field, value, rule);
    }

    private static String q(String value) {
        return "\"" + value + "\"";
    }

    static Stream<Arguments> badAddresses() {
        return Stream.of(
                bad("blank label", us().label("  "), "label", q("  "), "must not be blank"),
                bad("label with a bell", us().label("Office\u0007"), "label", "\\u0007", "control characters"),
                bad("empty first name", us().firstName(""), "firstName", q(""), "must not be blank"),
                bad("last name with a new line", us().lastName("Bermudez\nX"), "lastName", "Bermudez\\nX", "control characters"),
                bad("blank street number", us().streetNumber(" "), "streetNumber", q(" "), "must not be blank"),
                bad("street name with a tab", us().streetName("Main\tSt"), "streetName", "Main\\tSt", "control characters"),
                bad("blank city", ca().city(""), "city", q(""), "must not be blank"),
                bad("one-letter state", us().state("W"), "state", q("W"), "two-letter"),
                bad("three-letter state", us().state("WAS"), "state", q("WAS"), "two-letter"),
                bad("state with a digit", ca().state("O1"), "state", q("O1"), "two-letter"),
                bad("state with a non-ASCII letter", ca().state("QÉ"), "state", q("QÉ"), "two-letter"),
                bad("Mexico", us().country("MX"), "country", q("MX"), "must be US or CA"),
                bad("country spelt out", us().country("United States"), "country", q("United States"), "must be US or CA"),
                bad("US zip of four digits", us().zip("1234"), "zip", q("1234"),
                        "a US zip code is 5 digits or 5+4 digits, such as 98101 or 98101-1234"),
                bad("US zip of nine digits without the dash", us().zip("981011234"), "zip", q("981011234"), "a US zip code"),
                bad("US zip with a short +4", us().zip("98101-12"), "zip", q("98101-12"), "a US zip code"),
                bad("US zip with letters", us().zip("9810A"), "zip", q("9810A"), "a US zip code"),
                bad("Canadian postal code on a US address", us().zip("M5H 2N2"), "zip", q("M5H 2N2"), "a US zip code"),
                bad("US zip on a Canadian address", ca().zip("98101"), "zip", q("98101"), "a Canadian postal code"),
                bad("Canadian postal code with a dash", ca().zip("M5H-2N2"), "zip", q("M5H-2N2"), "a Canadian postal code"),
                bad("Canadian postal code starting with D", ca().zip("D5H 2N2"), "zip", q("D5H 2N2"), "never used"),
                bad("Canadian postal code starting with W", ca().zip("W5H 2N2"), "zip", q("W5H 2N2"), "nor W or Z first"),
                bad("Canadian postal code with an O", ca().zip("M5O 2N2"), "zip", q("M5O 2N2"), "a Canadian postal code"),
                bad("Canadian postal code too short", ca().zip("M5H 2N"), "zip", q("M5H 2N"), "such as M4C 5K7"),
                bad("blank zip", ca().zip(" "), "zip", q(" "), "must not be blank"),
                bad("unknown address type", us().addressType("Appartment"), "addressType", q("Appartment"),
                        "must be one of Apartment, Basement"),
                bad("blank address type", us().addressType(""), "addressType", q(""), "must not be blank"),
                bad("address type without its number", ca().addressType("Suite"), "addressTypeNumber", "null",
                        "is required when addressType is set"),
                bad("address type number without a type", ca().addressTypeNumber("12"), "addressTypeNumber", q("12"),
                        "needs addressType as well"),
                bad("blank address type number", us().addressTypeNumber(" "), "addressTypeNumber", q(" "), "must not be blank"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAddresses")
    void badAddressesAreRefusedNamingFieldValueAndRule(String name, E911Address.Builder builder, String field,
            String value, String rule) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);
        String message = thrown.getMessage();
        assertTrue(message.startsWith(field + " "), message);
        assertTrue(message.contains(value), message);
        assertTrue(message.contains(rule), message);
    }

    @Test
    void theUsZipMessageReadsAsDocumented() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> us().zip("1234").build());
        assertEquals("zip \"1234\" is invalid: a US zip code is 5 digits or 5+4 digits, such as 98101 or 98101-1234",
                thrown.getMessage());
    }

    @Test
    void anUnsetRequiredFieldIsBadInputNamingIt() {
        E911Address.Builder builder = E911Address.builder();
        builder.label("x").firstName("a").lastName("b").streetNumber("1").streetName("Main St").city("Seattle").state("WA");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(thrown.getMessage().contains("country"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("zip"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("required"), thrown.getMessage());
    }

    @Test
    void aValidUsAddressKeepsItsValues() {
        E911Address address = us().zip("98101-1234").build();
        assertEquals("Seattle office", address.label());
        assertEquals("Maria", address.firstName());
        assertEquals("Bermudez", address.lastName());
        assertEquals("666", address.streetNumber());
        assertEquals("Main St", address.streetName());
        assertEquals(Optional.of("Suite"), address.addressType());
        assertEquals(Optional.of("333"), address.addressTypeNumber());
        assertEquals("Seattle", address.city());
        assertEquals("WA", address.state());
        assertEquals("US", address.country());
        assertEquals("98101-1234", address.zip());
    }

    @Test
    void addressTypeAndItsNumberMayBothBeLeftOut() {
        E911Address address = ca().build();
        assertEquals(Optional.empty(), address.addressType());
        assertEquals(Optional.empty(), address.addressTypeNumber());
    }

    @Test
    void stateCountryPostalCodeAndAddressTypeAreNormalised() {
        E911Address us = us().state("wa").country("usa").addressType("SUITE").build();
        assertEquals("WA", us.state());
        assertEquals("US", us.country());
        assertEquals(Optional.of("Suite"), us.addressType());
        assertEquals(us().build(), us);

        E911Address ca = ca().state("on").country("Canada").zip("m5h2n2").build();
        assertEquals("ON", ca.state());
        assertEquals("CA", ca.country());
        assertEquals("M5H 2N2", ca.zip());
        assertEquals(ca().build(), ca);
        assertEquals("CA", ca().country("ca").build().country());
    }

    @Test
    void everyDocumentedAddressTypeIsAcceptedInAnyCase() {
        for (String type : E911AddressRules.ADDRESS_TYPES) {
            assertEquals(Optional.of(type), us().addressType(type.toUpperCase(java.util.Locale.ROOT)).build().addressType());
            assertEquals(Optional.of(type), us().addressType(type.toLowerCase(java.util.Locale.ROOT)).build().addressType());
        }
        assertEquals(23, E911AddressRules.ADDRESS_TYPES.size());
    }
}
