package com.flowroute.numbers.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * The command list of {@code flowroute --help}: every command, nested ones by their full name
 * ({@code numbers buy}), one line each, rather than picocli's list of the top level only.
 */
final class CommandList implements IHelpSectionRenderer {
    @Override
    public String render(Help help) {
        List<String[]> lines = new ArrayList<>();
        collect(help.commandSpec().commandLine(), "", lines);
        int width = lines.stream().mapToInt(line -> line[0].length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String[] line : lines) {
            text.append("  ").append(line[0]).append(" ".repeat(width - line[0].length() + 2)).append(line[1])
                    .append(System.lineSeparator());
        }
        return text.toString();
    }

    /** The command's header, else the first line of its description (picocli's own help command has a header). */
    private static String summary(CommandLine command) {
        String[] header = command.getCommandSpec().usageMessage().header();
        String[] description = command.getCommandSpec().usageMessage().description();
        String first = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
        return first.replace("%n", " ").strip();
    }

    private static void collect(CommandLine parent, String prefix, List<String[]> lines) {
        // Each subcommand once, even if it has aliases.
        Set<CommandLine> seen = new LinkedHashSet<>(parent.getSubcommands().values());
        for (CommandLine sub : seen) {
            String name = prefix + sub.getCommandName();
            Map<String, CommandLine> children = sub.getSubcommands();
            if (children.isEmpty() || sub.getCommandSpec().usageMessage().hidden()) {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    lines.add(new String[] {name, summary(sub)});
                }
            } else {
                collect(sub, name + " ", lines);
            }
        }
    }
}
