package com.flowroute.numbers.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.MessageStatus;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import com.flowroute.numbers.sandbox.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowrouteSandboxExtension.class)
class QuickstartTourTest {

    @Test
    void walksAllNineOperationsAndLeavesTheNumberRoutedAsPrinted(FlowrouteSandbox sandbox) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PhoneNumber bought = QuickstartTour.run(Target.sandbox(sandbox), new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String output = buffer.toString(StandardCharsets.UTF_8);

        for (int step = 1; step <= 13; step++) {
            assertTrue(output.contains("\n" + step + ". "), "step " + step + " ran:\n" + output);
        }
        assertTrue(output.contains("SEATTLE"), output);
        assertTrue(output.contains("bought " + bought), output);
        assertTrue(output.contains("tour-pstn") && output.contains("12065551212"), output);
        String afterUpdate = output.substring(output.indexOf("\n10. "));
        assertTrue(afterUpdate.contains("primary   tour-host  HOST  24.239.23.40:5060"), afterUpdate);
        assertTrue(afterUpdate.contains("failover  tour-uri   URI   sip:alice@example.com:5060"), afterUpdate);

        assertTrue(output.contains("\n13. Texting from " + bought + "\n  sent an SMS to 12065550123: delivered\n"), output);
        List<MessageRecord> texts = sandbox.sentMessages();
        assertEquals(1, texts.size(), texts.toString());
        assertEquals(bought, texts.get(0).from());
        assertEquals(MessageStatus.DELIVERED, texts.get(0).status());

        assertEquals(List.of(bought), sandbox.accountNumbers());
        List<String> routeNames = sandbox.routes().stream().map(Route::name).collect(Collectors.toList());
        assertTrue(routeNames.containsAll(List.of("tour-host", "tour-pstn", "tour-uri")), routeNames.toString());
        List<String> operations = sandbox.journal().stream()
                .map(r -> r.method() + " " + r.path().replaceAll("/1[0-9]{10}", "/{number}")
                        .replaceAll("/routes/tour-.*", "/routes/{name}").replaceAll("/[0-9]{5}$", "/{id}")
                        .replaceAll("/mdr2-[0-9a-f]+$", "/{id}"))
                .distinct().collect(Collectors.toList());
        assertEquals(List.of("GET /v1/available-tns/npas/", "GET /v1/available-tns/npanxxs/", "GET /v1/available-tns/tns/",
                "PUT /v1/tns/{number}", "GET /v1/tns/", "GET /v1/tns/{number}", "PUT /v1/routes/{name}", "GET /v1/routes/",
                "PATCH /v1/tns/{number}", "POST /v2/e911s/validate", "POST /v2/e911s",
                "PATCH /v2/numbers/{number}/relationships/e911s/{id}", "POST /v2/cnams",
                "PATCH /v2/numbers/{number}/relationships/cnams/{id}", "POST /v2.1/messages", "GET /v2.1/messages/{id}"),
                operations);
        assertTrue(sandbox.journal().stream().allMatch(RecordedRequest::signatureValid));
    }

    @Test
    void saysOnItsFirstLineThatItUsesTheSandboxAndWhichApi(FlowrouteSandbox sandbox) {
        assertTrue(Target.sandbox(sandbox).describe().startsWith("Target: embedded Flowroute sandbox, API V1, at " + sandbox.baseUrl()));
        assertTrue(Target.sandbox(sandbox, FlowrouteApiVersion.V2).describe()
                .startsWith("Target: embedded Flowroute sandbox, API V2, at " + sandbox.baseUrl()));
    }

    @Test
    void overV2TheTourWalksTheSameOperationsOnTheV2Endpoints(FlowrouteSandbox sandbox) {
        PhoneNumber bought = QuickstartTour.run(Target.sandbox(sandbox, FlowrouteApiVersion.V2),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertEquals(List.of(bought), sandbox.accountNumbers());
        List<String> operations = sandbox.journal().stream()
                .map(r -> r.method() + " " + r.path().replaceAll("/1[0-9]{10}", "/{number}").replaceAll("/[0-9]{5}$", "/{id}")
                        .replaceAll("/mdr2-[0-9a-f]+$", "/{id}"))
                .distinct().collect(Collectors.toList());
        assertEquals(List.of("GET /v2/numbers/available/areacodes", "GET /v2/numbers/available/exchanges",
                "GET /v2/numbers/available", "POST /v2/numbers/{number}", "GET /v2/numbers", "GET /v2/numbers/{number}",
                "POST /v2/routes", "GET /v2/routes", "PATCH /v2/numbers/{number}/relationships/primary_route",
                "PATCH /v2/numbers/{number}/relationships/failover_route", "POST /v2/e911s/validate", "POST /v2/e911s",
                "PATCH /v2/numbers/{number}/relationships/e911s/{id}", "POST /v2/cnams",
                "PATCH /v2/numbers/{number}/relationships/cnams/{id}", "POST /v2.1/messages", "GET /v2.1/messages/{id}"),
                operations);
        assertTrue(sandbox.journal().stream().allMatch(RecordedRequest::signatureValid), "every request authenticated");
    }

    /** The tour's own program, as a user runs it: over v1 and over v2 it prints the same, but for the line naming the target. */
    @Test
    void printsTheSameTablesOverV1AndV2() {
        List<String> overV1 = mainOutput();
        List<String> overV2 = mainOutput("--api", "v2");

        assertTrue(overV1.get(0).startsWith("Target: embedded Flowroute sandbox, API V1, at http://127.0.0.1:"), overV1.get(0));
        assertTrue(overV2.get(0).startsWith("Target: embedded Flowroute sandbox, API V2, at http://127.0.0.1:"), overV2.get(0));
        assertTrue(overV1.size() > 40, "the whole tour ran:\n" + String.join("\n", overV1));
        assertTrue(overV1.contains("10. Details of " + overV1.stream().filter(line -> line.startsWith("  bought "))
                .findFirst().orElseThrow().substring("  bought ".length()) + " again"), String.join("\n", overV1));
        assertEquals(String.join("\n", overV1.subList(1, overV1.size())), String.join("\n", overV2.subList(1, overV2.size())));
    }

    private static List<String> mainOutput(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            QuickstartTour.main(args);
        } finally {
            System.setOut(original);
        }
        return List.of(buffer.toString(StandardCharsets.UTF_8).split("\\R", -1));
    }
}
