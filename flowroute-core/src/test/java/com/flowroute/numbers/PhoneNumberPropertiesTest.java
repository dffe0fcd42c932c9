package com.flowroute.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.internal.PhoneNumbers;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link PhoneNumber} over generated cases (a seeded {@link Random}, so a failure
 * names a case that fails again): any NANP number written in any of the usual ways parses to its
 * 11 digits and round-trips; anything else is an {@link IllegalArgumentException} naming the field.
 */
class PhoneNumberPropertiesTest {
    private static final int CASES = 400;

    /** A NANP number's 11 digits: 1, NPA and NXX from 2-9 then two digits, four digits. */
    static String nanp(Random random) {
        return "1" + (2 + random.nextInt(8)) + random.nextInt(10) + random.nextInt(10)
                + (2 + random.nextInt(8)) + random.nextInt(10) + random.nextInt(10)
                + String.format("%04d", random.nextInt(10_000));
    }

    private static final List<Function<String, String>> FORMATS = List.of(
            d -> d,
            d -> d.substring(1),
            d -> "+" + d,
            d -> "+1 " + d.substring(1, 4) + "-" + d.substring(4, 7) + "-" + d.substring(7),
            d -> "(" + d.substring(1, 4) + ") " + d.substring(4, 7) + "-" + d.substring(7),
            d -> d.substring(1, 4) + "." + d.substring(4, 7) + "." + d.substring(7),
            d -> "1-" + d.substring(1, 4) + "-" + d.substring(4, 7) + "-" + d.substring(7),
            d -> "1 (" + d.substring(1, 4) + ") " + d.substring(4, 7) + " " + d.substring(7),
            d -> "  +1 (" + d.substring(1, 4) + ")" + d.substring(4, 7) + "." + d.substring(7) + "  ",
            d -> "+ 1 " + d.substring(1, 4) + " " + d.substring(4, 7) + " " + d.substring(7 , 9) + " " + d.substring(9));

    static Stream<Arguments> writtenNumbers() {
        Random random = new Random(11);
        return Stream.generate(() -> {
            String digits = nanp(random);
            String written = FORMATS.get(random.nextInt(FORMATS.size())).apply(digits);
            return Arguments.of(written, digits);
        }).limit(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writtenNumbers")
    void anyWayOfWritingANanpNumberParsesToItsElevenDigitsAndRoundTrips(String written, String digits) {
        PhoneNumber number = PhoneNumber.parse(written);

        assertEquals(digits, number.toString());
        assertEquals(number, PhoneNumber.parse(number.toString()));
        assertEquals(number, PhoneNumber.parse(number.e164()));
        assertEquals(number.hashCode(), PhoneNumber.parse(digits).hashCode());
        assertEquals(digits, "1" + number.npa() + number.nxx() + number.lineNumber());
        assertTrue(PhoneNumber.isWireForm(number.toString()));
    }

    /** Something that is not a NANP number, and why. */
    static Stream<Arguments> notNumbers() {
        Random random = new Random(12);
        return Stream.generate(() -> {
            String digits = nanp(random);
            switch (random.nextInt(7)) {
                case 0: {
                    // Too short or too long: 0-9 or 12-16 digits.
                    int length = random.nextBoolean() ? random.nextInt(10) : 12 + random.nextInt(5);
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < length; i++) {
                        text.append(random.nextInt(10));
                    }
                    return Arguments.of(text.toString(), "wrong length");
                }
                case 1:
                    return Arguments.of("1" + random.nextInt(2) + digits.substring(2), "area code starting with 0 or 1");
                case 2:
                    return Arguments.of(digits.substring(0, 4) + random.nextInt(2) + digits.substring(5), "exchange starting with 0 or 1");
                case 3:
                    return Arguments.of((2 + random.nextInt(8)) + digits.substring(1), "11 digits not starting with 1");
                case 4: {
                    String junk = "abcxyzABCXYZ#*/_,:;!?=&";
                    int at = random.nextInt(digits.length() + 1);
                    return Arguments.of(digits.substring(0, at) + junk.charAt(random.nextInt(junk.length())) + digits.substring(at),
                            "a letter or symbol");
                }
                case 5: {
                    int at = 1 + random.nextInt(digits.length() - 1);
                    return Arguments.of(digits.substring(0, at) + "+" + digits.substring(at), "a + inside");
                }
                default:
                    // After "+" comes the country code: 10 digits after it are not a NANP number.
                    return Arguments.of("+" + digits.substring(1), "+ with ten digits");
            }
        }).limit(CASES);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("notNumbers")
    void anythingElseIsRefusedNamingTheField(String text, String why) {
        String field = new String[] {"number", "value", "primaryNumber"}[Math.floorMod(text.hashCode(), 3)];

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PhoneNumbers.parse(field, text));

        assertTrue(refused.getMessage().startsWith(field + " \""), refused.getMessage());
        assertTrue(refused.getMessage().contains("must be a NANP number"), refused.getMessage());
        assertFalse(PhoneNumber.isWireForm(text));
    }

    @Test
    void theGeneratorsCoverEveryFormatAndEveryReason() {
        assertEquals(FORMATS.size(), writtenNumbers().map(arguments -> {
            String written = (String) arguments.get()[0];
            return written.replaceAll("[0-9]", "d");
        }).distinct().count());
        assertEquals(7, notNumbers().map(arguments -> arguments.get()[1]).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> PhoneNumber.parse(null));
    }
}
