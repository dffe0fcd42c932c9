package com.flowroute.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.internal.v2.ComplianceJson;
import com.flowroute.numbers.internal.v2.V2Wire;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link E911Query} and {@link CnamQuery}: their rules at {@code build()} and their v2 filters. */
class ComplianceQueryTest {
    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("E911 pageSize 0", (Executable) () -> E911Query.builder().pageSize(0).build(), "pageSize 0 ", "between 1 and 200"),
                Arguments.of("E911 pageSize 201", (Executable) () -> E911Query.builder().pageSize(201).build(), "pageSize 201 ", "between 1 and 200"),
                Arguments.of("E911 page 0", (Executable) () -> E911Query.builder().page(0).build(), "page 0 ", "1 or more"),
                Arguments.of("E911 state W", (Executable) () -> E911Query.builder().state("W").build(), "state \"W\" ", "two-letter"),
                Arguments.of("E911 state 98", (Executable) () -> E911Query.builder().state("98").build(), "state \"98\" ", "two-letter"),
                Arguments.of("E911 state blank", (Executable) () -> E911Query.builder().state(" ").build(), "state \" \" ", "blank"),
                Arguments.of("CNAM pageSize 201", (Executable) () -> CnamQuery.builder().pageSize(201).build(), "pageSize 201 ", "between 1 and 200"),
                Arguments.of("CNAM page -1", (Executable) () -> CnamQuery.builder().page(-1).build(), "page -1 ", "1 or more"),
                Arguments.of("CNAM value blank", (Executable) () -> CnamQuery.builder().value("  ").build(), "value \"  \" ", "blank"),
                Arguments.of("CNAM value with a new line", (Executable) () -> CnamQuery.builder().value("a\nb").build(), "value \"a\\nb\" ", "control"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void badQueriesAreRefusedNamingFieldValueAndRule(String name, Executable build, String fieldAndValue, String rule) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, build);
        assertTrue(thrown.getMessage().startsWith(fieldAndValue), thrown.getMessage());
        assertTrue(thrown.getMessage().contains(rule), thrown.getMessage());
    }

    @Test
    void allQueriesHaveNoFiltersAndNoPaging() {
        assertEquals(List.of(), ComplianceJson.e911Filters(E911Query.all()));
        assertEquals(List.of(), ComplianceJson.cnamFilters(CnamQuery.all()));
        assertEquals(List.of(), V2Wire.paged(ComplianceJson.e911Filters(E911Query.all()), E911Query.all()));
        assertEquals(List.of(), V2Wire.paged(ComplianceJson.cnamFilters(CnamQuery.all()), CnamQuery.all()));
        assertEquals(OptionalInt.empty(), E911Query.all().pageSize());
        assertEquals(Optional.empty(), CnamQuery.all().approved());
    }

    @Test
    void e911QueriesFilterByStateOnly() {
        E911Query query = E911Query.builder().state("wa").pageSize(50).page(3).build();
        assertEquals(List.of(Map.entry("state", "wa")), ComplianceJson.e911Filters(query));
        assertEquals(List.of(Map.entry("state", "wa"), Map.entry("limit", "50"), Map.entry("offset", "100")),
                V2Wire.paged(ComplianceJson.e911Filters(query), query));
        assertEquals(E911Query.builder().pageSize(200).page(1).build().pageSize(), OptionalInt.of(200));
    }

    @Test
    void cnamQueriesFilterByApprovalAndValue() {
        assertEquals(List.of(Map.entry("is_approved", "true"), Map.entry("value", "law")),
                ComplianceJson.cnamFilters(CnamQuery.builder().approved(true).value("law").build()));
        assertEquals(List.of(Map.entry("is_approved", "false")),
                ComplianceJson.cnamFilters(CnamQuery.builder().approved(false).build()));
        CnamQuery bob = CnamQuery.builder().approved(false).value("Bob Law").pageSize(10).build();
        assertEquals(List.of(Map.entry("is_approved", "false"), Map.entry("value", "Bob Law"), Map.entry("limit", "10")),
                V2Wire.paged(ComplianceJson.cnamFilters(bob), bob));
    }
}
