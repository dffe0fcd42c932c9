package com.flowroute.numbers.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README shows the snippets of {@link ReadmeSnippets} verbatim, and they run. */
@ExtendWith(FlowrouteSandboxExtension.class)
class ReadmeSnippetsTest {
    private static final Path SOURCE = Path.of("src/main/java/com/flowroute/numbers/examples/ReadmeSnippets.java");
    private static final Path README = Path.of("../README.md");

    @ParameterizedTest
    @ValueSource(strings = {"reactive-quickstart", "blocking-quickstart"})
    void readmeShowsTheSnippetAsCompiled(String name) throws IOException {
        String snippet = snippet(Files.readString(SOURCE), name);
        String readme = Files.readString(README);
        assertTrue(readme.contains("```java\n" + snippet + "```\n"), "README.md must show the " + name
                + " snippet of ReadmeSnippets.java verbatim:\n" + snippet);
    }

    @Test
    void reactiveSnippetBuysAndRoutesANumber(FlowrouteSandbox sandbox) {
        PhoneNumber bought = PhoneNumber.parse(ReadmeSnippets.reactive(sandbox.credentials(), sandbox.baseUrl()));
        assertEquals(List.of(bought), sandbox.accountNumbers());
    }

    @Test
    void blockingSnippetListsFiveAndBuysTheFirst(FlowrouteSandbox sandbox) {
        List<String> listed = ReadmeSnippets.blocking(sandbox.credentials(), sandbox.baseUrl());
        assertEquals(5, listed.size());
        assertEquals(listed.get(0).split(" ")[0], sandbox.accountNumbers().get(0).toString());
        assertEquals(1, sandbox.journal().stream().filter(r -> r.path().equals("/v1/available-tns/tns/")).count(),
                "one search request for five numbers");
    }

    /** The lines between BEGIN and END, with the common indentation removed. */
    static String snippet(String source, String name) {
        Matcher m = Pattern.compile("// BEGIN " + name + "\n(.*?)\n\\s*// END " + name, Pattern.DOTALL).matcher(source);
        assertTrue(m.find(), "no snippet " + name);
        List<String> lines = m.group(1).lines().collect(java.util.stream.Collectors.toList());
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }
}
