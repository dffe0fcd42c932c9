package com.flowroute.numbers.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Flowroute's CNAM storage rule: 1 to 15 characters, one of them a letter, from a small set. */
class CnamValuesTest {
    @ParameterizedTest
    @ValueSource(strings = {"Bob Law", "A", "TEST, MARIA", "ABCDEFGHIJKLMNO", "7 Eleven", "O'Brien & Sons",
        "J&J \"Co\"/1", "a-b_c.d,e@f+g", "  x  "})
    void acceptedValues(String value) {
        assertDoesNotThrow(() -> CnamValues.check(value));
    }

    static Stream<Arguments> refusedValues() {
        return Stream.of(
                Arguments.of(null, "value null ", "is required"),
                Arguments.of("", "value \"\" ", "1 to 15 characters (this one has 0)"),
                Arguments.of("ABCDEFGHIJKLMNOP", "value \"ABCDEFGHIJKLMNOP\" ", "1 to 15 characters (this one has 16)"),
                Arguments.of("12065551212", "value \"12065551212\" ", "at least one letter"),
                Arguments.of("   ", "value \"   \" ", "at least one letter"),
                Arguments.of("-_.,@+&'/", "value \"-_.,@+&'/\" ", "at least one letter"),
                Arguments.of("Bob\u0007", "value \"Bob\\u0007\" ", "found U+0007"),
                Arguments.of("Bob\tLaw", "value \"Bob\\tLaw\" ", "found U+0009"),
                Arguments.of("Bob*Law", "value \"Bob*Law\" ", "found '*' U+002A"),
                Arguments.of("Café", "value \"Café\" ", "found 'é' U+00E9"),
                Arguments.of("Bob \uD83D\uDE00", "value \"Bob \uD83D\uDE00\" ", "found '\uD83D\uDE00' U+1F600"));
    }

    @ParameterizedTest
    @MethodSource("refusedValues")
    void refusedValuesNameTheFieldTheValueAndTheRule(String value, String fieldAndValue, String rule) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> CnamValues.check(value));
        assertTrue(thrown.getMessage().startsWith(fieldAndValue), thrown.getMessage());
        assertTrue(thrown.getMessage().contains(rule), thrown.getMessage());
    }
}
