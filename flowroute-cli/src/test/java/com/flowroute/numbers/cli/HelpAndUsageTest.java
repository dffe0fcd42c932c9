package com.flowroute.numbers.cli;

import static com.flowroute.numbers.cli.CliRunner.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpAndUsageTest {
    @Test
    void helpListsEveryCommandByItsFullNameOnOneLineEach() {
        CliRunner.Result help = cli().run("--help");

        assertEquals(0, help.status(), help::toString);
        List<String> commands = leafCommands(FlowrouteCli.commandLine(Shell.system()), "");
        assertEquals(List.of("area-codes", "exchanges", "numbers search", "numbers buy", "numbers list", "numbers show",
                "numbers route", "numbers release", "numbers alias", "routes list", "routes create", "routes delete",
                "messages send", "messages list", "sandbox", "completion", "help"), commands);
        for (String command : commands) {
            long lines = help.lines().stream()
                    .filter(line -> line.matches("  " + command + " {2,}\\S.*"))
                    .count();
            assertEquals(1, lines, () -> command + " on one line of its own with a description:\n" + help.out());
        }
        assertTrue(help.out().contains("--sandbox"), help::toString);
        assertTrue(help.out().contains("130"), "the exit statuses are listed");
        assertFalse(help.out().contains("--secret-key"), "the refused option stays hidden");
    }

    @Test
    void aSubcommandsHelpNamesItsOptions() {
        CliRunner.Result help = cli().run("numbers", "buy", "--help");

        assertEquals(0, help.status());
        assertTrue(help.out().contains("--area-code") && help.out().contains("--count") && help.out().contains("NUMBER"),
                help::toString);
    }

    @Test
    void noCommandIsBadUsage() {
        CliRunner.Result run = cli().run();

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("flowroute: a command is required"), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void anUnknownCommandIsBadUsage() {
        CliRunner.Result run = cli().run("numbers", "purchase", "12066417744");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("purchase"), run::toString);
    }

    @Test
    void badGlobalOptionValuesNameTheOptionTheValueAndTheRule() {
        CliRunner.Result api = cli().run("--api", "v3", "area-codes");
        CliRunner.Result output = cli().run("area-codes", "--output", "xml");
        CliRunner.Result concurrency = cli().run("--sandbox", "--concurrency", "0", "area-codes");
        CliRunner.Result both = cli().run("--sandbox", "-q", "-v", "area-codes");

        assertEquals(2, api.status());
        assertTrue(api.err().contains("--api") && api.err().contains("\"v3\" is invalid: must be v1 or v2"), api::toString);
        assertEquals(2, output.status());
        assertTrue(output.err().contains("--output") && output.err().contains("\"xml\" is invalid: must be table, json or csv"),
                output::toString);
        assertEquals(2, concurrency.status());
        assertTrue(concurrency.err().contains("--concurrency 0 is invalid: must be 1 to 32"), concurrency::toString);
        assertEquals(2, both.status());
        assertTrue(both.err().contains("--quiet and --verbose"), both::toString);
    }

    @Test
    void completionPrintsOneScriptForBashAndZshWithoutTheHiddenOption() {
        CliRunner.Result bash = cli().run("completion");
        CliRunner.Result zsh = cli().run("completion", "zsh");
        CliRunner.Result fish = cli().run("completion", "fish");

        assertEquals(0, bash.status());
        assertTrue(bash.out().startsWith("#!/usr/bin/env bash"), bash::toString);
        assertTrue(bash.out().contains("complete -F _complete_flowroute") && bash.out().contains("bashcompinit"),
                "bash completion, loaded into zsh through bashcompinit");
        for (String word : List.of("area-codes", "release", "--area-code", "--count", "--primary", "--sandbox")) {
            assertTrue(bash.out().contains(word), word);
        }
        assertFalse(bash.out().contains("secret"), "no secret option to complete");
        assertEquals(bash.out(), zsh.out());
        assertEquals(2, fish.status());
        assertTrue(fish.err().contains("SHELL \"fish\" is invalid: must be bash or zsh"), fish::toString);
    }

    @Test
    void versionIsPrinted() {
        CliRunner.Result version = cli().run("--version");

        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("flowroute "), version::toString);
    }

    private static List<String> leafCommands(CommandLine parent, String prefix) {
        List<String> names = new ArrayList<>();
        for (CommandLine sub : new java.util.LinkedHashSet<>(parent.getSubcommands().values())) {
            String name = prefix + sub.getCommandName();
            if (sub.getSubcommands().isEmpty()) {
                names.add(name);
            } else {
                names.addAll(leafCommands(sub, name + " "));
            }
        }
        return names;
    }
}
