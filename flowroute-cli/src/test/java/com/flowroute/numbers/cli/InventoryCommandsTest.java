package com.flowroute.numbers.cli;

import static com.flowroute.numbers.cli.CliRunner.against;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(FlowrouteSandboxExtension.class)
class InventoryCommandsTest {
    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void areaCodesInEachFormat(String api, FlowrouteSandbox sandbox) {
        CliRunner.Result json = against(sandbox).run("--api", api, "area-codes", "--limit", "3");
        CliRunner.Result csv = against(sandbox).run("--api", api, "area-codes", "--limit", "3", "-o", "csv");
        CliRunner.Result table = against(sandbox).run("--api", api, "area-codes", "--limit", "3", "-o", "table");

        assertEquals(0, json.status(), json::toString);
        List<String> codes = json.json().stream().map(node -> node.get("areaCode").asText()).collect(Collectors.toList());
        assertEquals(3, codes.size(), json::toString);
        assertTrue(codes.stream().allMatch(code -> code.matches("[2-9][0-9]{2}")), codes::toString);
        assertEquals(0, csv.status());
        assertEquals(List.of("areaCode", codes.get(0), codes.get(1), codes.get(2)), csv.lines());
        assertEquals(0, table.status());
        assertEquals(List.of("AREA CODE", codes.get(0), codes.get(1), codes.get(2)), table.lines());
        assertTrue(sandbox.journal().stream().allMatch(request -> request.path().startsWith("/" + api + "/")),
                sandbox.journal()::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void exchangesOfOneAreaCode(String api, FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).run("--api", api, "exchanges", "--area-code", "206");

        assertEquals(0, run.status(), run::toString);
        List<JsonNode> exchanges = run.json();
        assertTrue(exchanges.size() >= 3, run::toString);
        assertTrue(exchanges.stream().allMatch(node -> node.get("areaCode").asText().equals("206")
                && node.get("exchange").asText().matches("[2-9][0-9]{2}")), run::toString);
        assertTrue(exchanges.stream().anyMatch(node -> node.get("exchange").asText().equals("641")), "the documented 206-641");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void searchShowsNumbersWithTheirCosts(String api, FlowrouteSandbox sandbox) {
        CliRunner.Result json = against(sandbox).run("--api", api, "numbers", "search", "--area-code", "206", "--exchange", "641",
                "--limit", "2");
        CliRunner.Result table = against(sandbox).terminal(true, false)
                .run("--api", api, "numbers", "search", "--area-code", "206", "--limit", "2");

        assertEquals(0, json.status(), json::toString);
        assertEquals(2, json.json().size());
        for (JsonNode number : json.json()) {
            assertTrue(number.get("number").asText().startsWith("1206641"), json::toString);
            assertTrue(number.get("monthlyCost").isNumber(), "money is a JSON number");
            assertTrue(new BigDecimal(number.get("monthlyCost").asText()).signum() > 0, json::toString);
            assertTrue(number.get("state").asText().equalsIgnoreCase("WA"), json::toString);
        }
        assertEquals(0, table.status(), table::toString);
        assertEquals(3, table.lines().size(), "a table by default on a terminal: header and two rows");
        assertTrue(table.lines().get(0).matches("NUMBER +RATE CENTER +STATE +SETUP +MONTHLY +TYPE +BILLING"), table::toString);
    }

    @Test
    void searchDefaultsToTenNumbers(FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).run("numbers", "search", "--area-code", "206");

        assertEquals(10, run.json().size(), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void badSearchInputNamesTheOptionValueAndRuleBeforeAnythingIsSent(String api, FlowrouteSandbox sandbox) {
        CliRunner.Result digits = against(sandbox).run("--api", api, "numbers", "search", "--area-code", "2x6");
        CliRunner.Result exchangeAlone = against(sandbox).run("--api", api, "numbers", "search", "--exchange", "641");
        CliRunner.Result state = against(sandbox).run("--api", api, "numbers", "search", "--state", "Washington");
        CliRunner.Result limit = against(sandbox).run("--api", api, "numbers", "search", "--limit", "0");

        assertEquals(2, digits.status());
        assertEquals("flowroute: --area-code \"2x6\" is invalid: must be 1 to 3 digits 0-9\n", digits.err());
        assertEquals(2, exchangeAlone.status());
        assertTrue(exchangeAlone.err().startsWith("flowroute: --exchange \"641\" is invalid: needs --area-code"),
                exchangeAlone::toString);
        assertEquals(2, state.status());
        assertTrue(state.err().startsWith("flowroute: --state \"Washington\" is invalid: must be a two-letter"), state::toString);
        assertEquals(2, limit.status());
        assertTrue(limit.err().contains("--limit 0 is invalid: must be 1 or more"), limit::toString);
        assertTrue(sandbox.journal().isEmpty(), "nothing was sent");
    }

    @Test
    void v2OnlySearchFiltersAreRefusedOverV1WithTheFix(FlowrouteSandbox sandbox) {
        CliRunner.Result v1 = against(sandbox).run("numbers", "search", "--ends-with", "7744");
        CliRunner.Result v2 = against(sandbox).run("--api", "v2", "numbers", "search", "--ends-with", "7744");

        assertEquals(2, v1.status());
        assertTrue(v1.err().contains("--ends-with \"7744\" is invalid") && v1.err().contains("give --api v2"), v1::toString);
        assertEquals(0, v2.status(), v2::toString);
        assertTrue(v2.json().stream().allMatch(node -> node.get("number").asText().endsWith("7744")), v2::toString);
        assertTrue(sandbox.journal().stream().allMatch(request -> request.path().startsWith("/v2/")), "v1 sent nothing");
    }
}
