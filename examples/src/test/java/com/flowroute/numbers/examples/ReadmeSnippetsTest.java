package com.flowroute.numbers.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.PhoneNumber;
import java.util.Optional;
import java.time.Duration;
import java.net.URI;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.FlowrouteApiVersion;
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
    @ValueSource(strings = {"reactive-quickstart", "blocking-quickstart", "v2-quickstart", "texting", "texting-receive", "e911-cnam"})
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

    @Test
    void v2SnippetBuysRoutesAndRenamesANumberOverV2(FlowrouteSandbox sandbox) {
        Route pbx = ReadmeSnippets.v2(sandbox.credentials(), sandbox.baseUrl());

        assertTrue(pbx.id().isPresent(), "the created route carries its v2 id");
        PhoneNumber bought = sandbox.accountNumbers().get(0);
        try (FlowrouteClient client = FlowrouteClient.builder().credentials(sandbox.credentials()).baseUrl(sandbox.baseUrl())
                .apiVersion(FlowrouteApiVersion.V2).build()) {
            NumberDetails details = client.numbers().details(bought);
            assertEquals(Optional.of("front desk"), details.alias());
            assertEquals(List.of(pbx), details.routes(), "primary set to the PBX, failover cleared");
        }
        assertTrue(sandbox.journal().stream().allMatch(r -> r.path().startsWith("/v2/")), "every request over v2");
    }

    @Test
    void textingSnippetSendsAndListsAndTheReceiveSnippetReadsAWebhook(FlowrouteSandbox sandbox) {
        try (FlowrouteClient client = FlowrouteClient.builder().credentials(sandbox.credentials()).baseUrl(sandbox.baseUrl())
                .build()) {
            PhoneNumber from = PhoneNumber.parse("12066417744");
            client.numbers().purchase(from);
            String id = ReadmeSnippets.texting(client, from.toString(), "12065550199", URI.create("http://127.0.0.1:9/sms"));

            assertTrue(id.startsWith("mdr2-"), id);
            assertEquals(1, sandbox.sentMessages().size());
        }
        String reply = ReadmeSnippets.receive(("{\"to\":\"12066417744\",\"from\":\"12065550199\",\"body\":\"hi\","
                + "\"id\":\"mdr2-1\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("Thanks, 206 caller: we got 2 characters", reply);
    }

    @Test
    void emergencyAddressSnippetRegistersAndAssigns() {
        // A sandbox that approves CNAM records at once, as Flowroute does within 48 hours.
        try (FlowrouteSandbox sandbox = FlowrouteSandbox.builder().cnamApprovalDelay(Duration.ZERO).start();
                FlowrouteClient client = FlowrouteClient.builder().credentials(sandbox.credentials())
                        .baseUrl(sandbox.baseUrl()).apiVersion(FlowrouteApiVersion.V2).build()) {
            PhoneNumber number = PhoneNumber.parse("12066417744");
            client.numbers().purchase(number);

            String e911 = ReadmeSnippets.emergencyAddress(client, number);

            NumberDetails details = client.numbers().details(number);   // v2 details name the records
            assertEquals(Optional.of(e911), details.e911AddressId());
            assertTrue(details.cnamPresetId().isPresent(), "the caller name is assigned");
        }
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
