package com.flowroute.numbers.cli;

import static com.flowroute.numbers.cli.CliRunner.against;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(FlowrouteSandboxExtension.class)
class NumbersCommandsTest {
    // In the account's order (the sandbox lists by number).
    static final String FIRST = "12066417667";
    static final String SECOND = "12066417669";
    static final String THIRD = "12066417744";

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void buysTheNumbersGivenAndReportsEach(String api, FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).run("--api", api, "numbers", "buy", FIRST, "+1 (206) 641-7669");

        assertEquals(0, run.status(), run::toString);
        assertEquals(List.of(outcome(FIRST, "bought"), outcome(SECOND, "bought")), outcomes(run));
        assertEquals(List.of(PhoneNumber.parse(FIRST), PhoneNumber.parse(SECOND)), sandbox.accountNumbers());
        assertTrue(run.err().contains("bought 2 of 2"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void numbersAlreadyOnTheAccountOrGivenTwiceAreSkipped(String api, FlowrouteSandbox sandbox) {
        against(sandbox).run("--api", api, "numbers", "buy", FIRST);

        CliRunner.Result run = against(sandbox).run("--api", api, "numbers", "buy", FIRST, SECOND, SECOND, "-o", "csv");

        assertEquals(0, run.status(), run::toString);
        assertEquals(List.of("number,outcome,detail", FIRST + ",skipped,already on the account", SECOND + ",bought,"), run.lines());
        assertEquals(List.of(PhoneNumber.parse(FIRST), PhoneNumber.parse(SECOND)), sandbox.accountNumbers());
        assertTrue(run.err().contains("given more than once"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void buysExactlyTheCountAskedForInAnAreaCode(String api, FlowrouteSandbox sandbox) {
        int before = sandbox.availableCount();

        CliRunner.Result run = against(sandbox).run("--api", api, "numbers", "buy", "--area-code", "206", "--count", "3");

        assertEquals(0, run.status(), run::toString);
        assertEquals(3, run.json().size());
        assertEquals(3, sandbox.accountNumbers().size());
        assertEquals(before - 3, sandbox.availableCount());
        assertTrue(sandbox.accountNumbers().stream().allMatch(number -> number.npa().equals("206")));
        assertEquals(run.json().stream().map(node -> node.get("number").asText()).collect(Collectors.toList()),
                sandbox.accountNumbers().stream().map(PhoneNumber::toString).collect(Collectors.toList()));
    }

    @Test
    void aCountLargerThanTheInventoryBuysWhatThereIsAndSaysSo(FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).run("numbers", "buy", "--area-code", "206", "--exchange", "641", "--count", "1000");

        assertEquals(3, run.status(), "partial: fewer than asked were for sale");
        int found = run.json().size();
        assertTrue(found > 0 && found < 1000, run::toString);
        assertEquals(found, sandbox.accountNumbers().size());
        assertTrue(run.err().contains("only " + found + " of the 1000 numbers asked for are for sale"), run::toString);
    }

    @Test
    void anAreaCodeWithNothingForSaleIsAFailure(FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).run("numbers", "buy", "--area-code", "999", "--count", "2");

        assertEquals(1, run.status(), run::toString);
        assertTrue(run.err().contains("no numbers for sale match --area-code 999"), run::toString);
        assertTrue(sandbox.accountNumbers().isEmpty());
    }

    @Test
    void badBuyInputIsRefusedBeforeAnythingIsSent(FlowrouteSandbox sandbox) {
        CliRunner.Result notANumber = against(sandbox).run("numbers", "buy", FIRST, "12345");
        CliRunner.Result both = against(sandbox).run("numbers", "buy", FIRST, "--area-code", "206", "--count", "2");
        CliRunner.Result noCount = against(sandbox).run("numbers", "buy", "--area-code", "206");
        CliRunner.Result zero = against(sandbox).run("numbers", "buy", "--area-code", "206", "--count", "0");
        CliRunner.Result tooMany = against(sandbox).run("numbers", "buy", "--area-code", "206", "--count", "1001");
        CliRunner.Result nothing = against(sandbox).run("numbers", "buy");

        assertEquals(2, notANumber.status());
        assertTrue(notANumber.err().startsWith("flowroute: NUMBER \"12345\" is invalid: must be a NANP number"), notANumber::toString);
        assertEquals(2, both.status());
        assertTrue(both.err().contains("not both"), both::toString);
        assertEquals(2, noCount.status());
        assertTrue(noCount.err().contains("--count is required with --area-code"), noCount::toString);
        assertEquals(2, zero.status());
        assertTrue(zero.err().contains("--count 0 is invalid: must be 1 to 1000"), zero::toString);
        assertEquals(2, tooMany.status());
        assertEquals(2, nothing.status());
        assertTrue(nothing.err().contains("nothing to buy"), nothing::toString);
        assertTrue(sandbox.journal().isEmpty(), "nothing was sent");
        assertTrue(sandbox.accountNumbers().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void listsTheAccountWithRoutesInEachFormat(String api, FlowrouteSandbox sandbox) {
        against(sandbox).run("numbers", "buy", FIRST, SECOND);

        CliRunner.Result json = against(sandbox).run("--api", api, "numbers", "list");
        CliRunner.Result csv = against(sandbox).run("--api", api, "numbers", "list", "--pattern", "7667", "-o", "csv");
        CliRunner.Result table = against(sandbox).run("--api", api, "numbers", "list", "--limit", "1", "-o", "table");

        assertEquals(0, json.status(), json::toString);
        assertEquals(List.of(FIRST, SECOND), json.json().stream().map(node -> node.get("number").asText()).collect(Collectors.toList()));
        for (JsonNode number : json.json()) {
            assertEquals("sip-reg", number.get("primaryRoute").asText(), json::toString);
            assertEquals("sip-reg", number.get("failoverRoute").asText(), json::toString);
        }
        assertEquals(0, csv.status(), csv::toString);
        assertEquals(2, csv.lines().size(), csv::toString);
        assertEquals("number,alias,rateCenter,state,billingMethod,primaryRoute,failoverRoute", csv.lines().get(0));
        assertTrue(csv.lines().get(1).startsWith(FIRST + ",") && csv.lines().get(1).endsWith(",sip-reg,sip-reg"), csv::toString);
        assertEquals(0, table.status());
        assertEquals(2, table.lines().size(), table::toString);
        assertTrue(table.lines().get(0).matches("NUMBER +ALIAS +RATE CENTER +STATE +BILLING +PRIMARY +FAILOVER"), table::toString);
    }

    @Test
    void v2ListingWithoutRoutesSkipsTheCallPerNumber(FlowrouteSandbox sandbox) {
        against(sandbox).run("numbers", "buy", FIRST, SECOND);
        sandbox.reset();
        against(sandbox).run("numbers", "buy", FIRST, SECOND);
        int before = sandbox.journal().size();

        CliRunner.Result run = against(sandbox).run("--api", "v2", "numbers", "list", "--no-routes");

        assertEquals(0, run.status(), run::toString);
        assertEquals(2, run.json().size());
        assertTrue(run.json().get(0).get("primaryRoute").isNull(), run::toString);
        assertEquals(1, sandbox.journal().size() - before, "one listing request, no details");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void showsOneNumber(String api, FlowrouteSandbox sandbox) {
        against(sandbox).run("numbers", "buy", FIRST);

        CliRunner.Result json = against(sandbox).run("--api", api, "numbers", "show", "(206) 641-7667");
        CliRunner.Result table = against(sandbox).run("--api", api, "numbers", "show", FIRST, "-o", "table");
        CliRunner.Result missing = against(sandbox).run("--api", api, "numbers", "show", SECOND);

        assertEquals(0, json.status(), json::toString);
        JsonNode details = json.json().get(0);
        assertEquals(FIRST, details.get("number").asText());
        assertEquals("sip-reg", details.get("primaryRoute").asText());
        assertTrue(table.lines().contains("NUMBER        " + FIRST), table::toString);
        assertTrue(table.lines().contains("PRIMARY       sip-reg"), table::toString);
        assertEquals(1, missing.status());
        assertEquals(1, missing.err().lines().count(), missing::toString);
        assertTrue(missing.err().contains("404") && missing.err().contains("not on your account"), missing::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void routesNumbersAndKeepsTheFailoverWhenNoneIsGiven(String api, FlowrouteSandbox sandbox) {
        against(sandbox).run("numbers", "buy", FIRST, SECOND);
        assertEquals(0, against(sandbox).run("--api", api, "routes", "create", "--host", "24.239.23.40:5060", "pbx").status());
        assertEquals(0, against(sandbox).run("--api", api, "routes", "create", "--pstn", "12065551212", "cell").status());

        CliRunner.Result both = against(sandbox).run("--api", api, "numbers", "route", FIRST, SECOND, "--primary", "pbx",
                "--failover", "cell");
        CliRunner.Result primaryOnly = against(sandbox).run("--api", api, "numbers", "route", FIRST, "--primary", "sip-reg");

        assertEquals(0, both.status(), both::toString);
        assertEquals(List.of(outcome(FIRST, "routed"), outcome(SECOND, "routed")), outcomes(both));
        assertEquals("primary pbx, failover cell", both.json().get(0).get("detail").asText());
        assertEquals(0, primaryOnly.status(), primaryOnly::toString);
        assertEquals("primary sip-reg, failover cell", primaryOnly.json().get(0).get("detail").asText());
        JsonNode first = against(sandbox).run("numbers", "show", FIRST).json().get(0);
        JsonNode second = against(sandbox).run("numbers", "show", SECOND).json().get(0);
        assertEquals(List.of("sip-reg", "cell"), List.of(first.get("primaryRoute").asText(), first.get("failoverRoute").asText()));
        assertEquals(List.of("pbx", "cell"), List.of(second.get("primaryRoute").asText(), second.get("failoverRoute").asText()));
    }

    @Test
    void routingToAnUnknownRouteNamesTheRoutesThereAre(FlowrouteSandbox sandbox) {
        against(sandbox).run("numbers", "buy", FIRST);
        int before = sandbox.journal().size();

        CliRunner.Result run = against(sandbox).run("numbers", "route", FIRST, "--primary", "nowhere");

        assertEquals(1, run.status(), run::toString);
        assertTrue(run.err().contains("--primary \"nowhere\" names no route of the account (it has: sip-reg)"), run::toString);
        assertEquals(1, sandbox.journal().size() - before, "only the route listing, no update");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void releasesNumbers(String api, FlowrouteSandbox sandbox) {
        against(sandbox).run("numbers", "buy", FIRST, SECOND, THIRD);

        CliRunner.Result run = against(sandbox).run("--api", api, "numbers", "release", FIRST, THIRD);

        assertEquals(0, run.status(), run::toString);
        assertEquals(List.of(outcome(FIRST, "released"), outcome(THIRD, "released")), outcomes(run));
        assertEquals(List.of(PhoneNumber.parse(SECOND)), sandbox.accountNumbers());
    }

    @Test
    void releasingANumberNotOnTheAccountFails(FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).run("numbers", "release", FIRST);

        assertEquals(1, run.status(), run::toString);
        assertEquals("failed", run.json().get(0).get("outcome").asText());
        assertTrue(run.err().contains("flowroute: " + FIRST + ": ") && run.err().contains("404"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void setsAnAlias(String api, FlowrouteSandbox sandbox) {
        against(sandbox).run("numbers", "buy", FIRST);

        CliRunner.Result run = against(sandbox).run("--api", api, "numbers", "alias", FIRST, "NYC main");
        CliRunner.Result blank = against(sandbox).run("--api", api, "numbers", "alias", FIRST, " ");

        assertEquals(0, run.status(), run::toString);
        assertEquals("NYC main", run.json().get(0).get("alias").asText());
        assertEquals("NYC main", against(sandbox).run("--api", "v2", "numbers", "show", FIRST).json().get(0).get("alias").asText());
        assertEquals(2, blank.status());
        assertTrue(blank.err().startsWith("flowroute: NAME \" \" is invalid"), blank::toString);
    }

    static List<String> outcomes(CliRunner.Result run) {
        return run.json().stream().map(node -> outcome(node.get("number").asText(), node.get("outcome").asText()))
                .collect(Collectors.toList());
    }

    static String outcome(String number, String outcome) {
        return number + " " + outcome;
    }
}
