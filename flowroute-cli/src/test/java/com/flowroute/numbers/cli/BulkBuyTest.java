package com.flowroute.numbers.cli;

import static com.flowroute.numbers.cli.CliRunner.against;
import static com.flowroute.numbers.cli.NumbersCommandsTest.outcome;
import static com.flowroute.numbers.cli.NumbersCommandsTest.outcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import com.flowroute.numbers.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(FlowrouteSandboxExtension.class)
class BulkBuyTest {
    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void someFailSomeAreReconciledNoneIsBoughtTwice(String api, FlowrouteSandbox sandbox) {
        List<String> numbers = forSale(sandbox, "206", 6);
        String method = api.equals("v1") ? "PUT" : "POST";
        String path = api.equals("v1") ? "/v1/tns/" : "/v2/numbers/";
        sandbox.faults()
                .always().matching(method, path + numbers.get(1)).respond(400)
                // Bought, but the answer is lost: the CLI must find it on the account, not buy it again.
                .next(1).matching(method, path + numbers.get(3)).processThenDrop()
                .next(1).matching(method, path + numbers.get(4)).respond(503)
                .always().matching(method, path + numbers.get(5)).respond(500);
        int forSale = sandbox.availableCount();

        CliRunner.Result run = against(sandbox).run(concat(List.of("--api", api, "numbers", "buy"), numbers));

        assertEquals(3, run.status(), run::toString);
        assertEquals(List.of(outcome(numbers.get(0), "bought"), outcome(numbers.get(1), "failed"),
                outcome(numbers.get(2), "bought"), outcome(numbers.get(3), "bought"), outcome(numbers.get(4), "bought"),
                outcome(numbers.get(5), "failed")), outcomes(run));
        JsonNode refused = run.json().get(1);
        assertTrue(refused.get("detail").asText().contains("HTTP 400"), run::toString);
        List<PhoneNumber> bought = List.of(numbers.get(0), numbers.get(2), numbers.get(3), numbers.get(4)).stream()
                .map(PhoneNumber::parse).collect(Collectors.toList());
        assertEquals(bought, sandbox.accountNumbers());
        assertEquals(forSale - 4, sandbox.availableCount(), "each bought once");
        assertEquals(1, purchases(sandbox, method, path + numbers.get(3)), "the lost answer was reconciled, not repeated");
        assertEquals(1, purchases(sandbox, method, path + numbers.get(0)));
        assertTrue(run.err().contains("bought 4, failed 2 of 6"), run::toString);
        assertTrue(run.err().contains("flowroute: " + numbers.get(1) + ": "), "each failure on its own line");
    }

    @Test
    void allFailingIsAFailure(FlowrouteSandbox sandbox) {
        List<String> numbers = forSale(sandbox, "206", 2);
        sandbox.faults().always().matching("PUT", "/v1/tns/").respond(400);

        CliRunner.Result run = against(sandbox).run(concat(List.of("numbers", "buy"), numbers));

        assertEquals(1, run.status(), run::toString);
        assertTrue(sandbox.accountNumbers().isEmpty());
    }

    @Test
    void aCountWithFailuresBuysNoMoreThanAskedAndNoReplacements(FlowrouteSandbox sandbox) {
        List<String> first = forSale(sandbox, "206", 4);
        sandbox.faults().always().matching("PUT", "/v1/tns/" + first.get(2)).respond(400);

        CliRunner.Result run = against(sandbox).run("numbers", "buy", "--area-code", "206", "--count", "4", "-o", "csv");

        assertEquals(3, run.status(), run::toString);
        assertEquals(List.of("number,outcome,detail", first.get(0) + ",bought,", first.get(1) + ",bought,"),
                run.lines().subList(0, 3));
        assertTrue(run.lines().get(3).startsWith(first.get(2) + ",failed,"), run::toString);
        assertEquals(first.get(3) + ",bought,", run.lines().get(4));
        assertEquals(3, sandbox.accountNumbers().size());
    }

    @Test
    void ctrlCStopsCleanlyAndReportsWhatWasDoneAndNot(FlowrouteSandbox sandbox) {
        List<String> numbers = forSale(sandbox, "206", 6);
        sandbox.faults()
                .next(1).matching("PUT", "/v1/tns/" + numbers.get(0)).delay(Duration.ZERO)
                // Every other purchase is still in flight, or not started, when Ctrl-C comes.
                .always().matching("PUT", "/v1/tns/").delay(Duration.ofSeconds(30));
        AtomicBoolean pressed = new AtomicBoolean();
        CliRunner cli = against(sandbox).terminal(false, true);
        cli.onErr(err -> {
            if (err.contains(" 1/6 ") && pressed.compareAndSet(false, true)) {
                cli.interruption().request();
            }
        });

        CliRunner.Result run = cli.run(concat(List.of("numbers", "buy", "--concurrency", "2"), numbers));

        assertEquals(130, run.status(), run::toString);
        List<String> outcomes = outcomes(run);
        assertEquals(6, outcomes.size(), run::toString);
        assertEquals(outcome(numbers.get(0), "bought"), outcomes.get(0));
        assertEquals(outcome(numbers.get(1), "unknown"), outcomes.get(1), "in flight: its outcome is unknown");
        for (int i = 2; i < 6; i++) {
            assertTrue(Set.of(outcome(numbers.get(i), "unknown"), outcome(numbers.get(i), "not-started")).contains(outcomes.get(i)),
                    outcomes::toString);
        }
        assertTrue(outcomes.contains(outcome(numbers.get(5), "not-started")), "no more were started after Ctrl-C");
        assertTrue(run.err().contains("flowroute: interrupted: bought 1 of 6; not done: "), run::toString);
        assertEquals(List.of(PhoneNumber.parse(numbers.get(0))), sandbox.accountNumbers(), "the cancelled purchases took no effect");
    }

    @Test
    void theProgressBarShowsCountRateAndEtaOnlyOnATerminal(FlowrouteSandbox sandbox) {
        List<String> numbers = forSale(sandbox, "206", 3);

        CliRunner.Result terminal = against(sandbox).terminal(false, true).run(concat(List.of("numbers", "buy"), numbers));
        sandbox.reset();
        CliRunner.Result piped = against(sandbox).run(concat(List.of("numbers", "buy"), numbers));
        sandbox.reset();
        CliRunner.Result quiet = against(sandbox).terminal(false, true).run(concat(List.of("-q", "numbers", "buy"), numbers));

        assertEquals(0, terminal.status(), terminal::toString);
        assertTrue(terminal.err().contains("\rbuying [....................] 0/3 -/s ETA -"), terminal::toString);
        assertTrue(terminal.err().matches("(?s).*\rbuying \\[######\\.+\\] 1/3 [0-9.]+/s ETA [0-9]+s.*"), terminal::toString);
        assertTrue(terminal.err().matches("(?s).*\rbuying \\[#{20}\\] 3/3 [0-9.]+/s done.*"), terminal::toString);
        assertFalse(piped.err().contains("buying ["), piped::toString);
        assertFalse(quiet.err().contains("buying ["), quiet::toString);
        assertEquals("", quiet.err(), "quiet: no notes either");
        assertEquals(terminal.out(), piped.out(), "the results are the same");
    }

    /** The first {@code count} numbers for sale in {@code npa}, as the CLI's search finds them. */
    static List<String> forSale(FlowrouteSandbox sandbox, String npa, int count) {
        CliRunner.Result search = against(sandbox).run("numbers", "search", "--area-code", npa, "--limit", Integer.toString(count));
        assertEquals(0, search.status(), search::toString);
        List<String> numbers = search.json().stream().map(node -> node.get("number").asText()).collect(Collectors.toList());
        assertEquals(count, numbers.size());
        sandbox.reset();
        return numbers;
    }

    private static long purchases(FlowrouteSandbox sandbox, String method, String path) {
        return sandbox.journal().stream().filter(request -> request.method().equals(method) && request.path().equals(path))
                .map(RecordedRequest::path).count();
    }

    private static String[] concat(List<String> first, List<String> rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
