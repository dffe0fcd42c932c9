package com.flowroute.numbers.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

        for (int step = 1; step <= 10; step++) {
            assertTrue(output.contains("\n" + step + ". "), "step " + step + " ran:\n" + output);
        }
        assertTrue(output.contains("SEATTLE"), output);
        assertTrue(output.contains("bought " + bought), output);
        assertTrue(output.contains("tour-pstn") && output.contains("12065551212"), output);
        String afterUpdate = output.substring(output.indexOf("\n10. "));
        assertTrue(afterUpdate.contains("primary   tour-host  HOST  24.239.23.40:5060"), afterUpdate);
        assertTrue(afterUpdate.contains("failover  tour-uri   URI   sip:alice@example.com:5060"), afterUpdate);

        assertEquals(List.of(bought), sandbox.accountNumbers());
        List<String> routeNames = sandbox.routes().stream().map(Route::name).collect(Collectors.toList());
        assertTrue(routeNames.containsAll(List.of("tour-host", "tour-pstn", "tour-uri")), routeNames.toString());
        List<String> operations = sandbox.journal().stream()
                .map(r -> r.method() + " " + r.path().replaceAll("/1[0-9]{10}$", "/{number}").replaceAll("/routes/tour-.*", "/routes/{name}"))
                .distinct().collect(Collectors.toList());
        assertEquals(List.of("GET /v1/available-tns/npas/", "GET /v1/available-tns/npanxxs/", "GET /v1/available-tns/tns/",
                "PUT /v1/tns/{number}", "GET /v1/tns/", "GET /v1/tns/{number}", "PUT /v1/routes/{name}", "GET /v1/routes/",
                "PATCH /v1/tns/{number}"), operations);
        assertTrue(sandbox.journal().stream().allMatch(RecordedRequest::signatureValid));
    }

    @Test
    void saysOnItsFirstLineThatItUsesTheSandbox(FlowrouteSandbox sandbox) {
        assertTrue(Target.sandbox(sandbox).describe().startsWith("Target: embedded Flowroute sandbox at " + sandbox.baseUrl()));
    }
}
