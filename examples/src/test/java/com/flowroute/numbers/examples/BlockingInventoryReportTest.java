package com.flowroute.numbers.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowrouteSandboxExtension.class)
class BlockingInventoryReportTest {

    @Test
    void writesOneCsvRowPerAccountNumberWithItsRoutes(FlowrouteSandbox sandbox) {
        StringWriter csv = new StringWriter();
        try (FlowrouteClient client = Target.sandbox(sandbox).configure(FlowrouteClient.builder()).build()) {
            BlockingInventoryReport.buyDemoNumbers(client, 3);
            assertEquals(3, BlockingInventoryReport.writeReport(client, csv));
        }
        List<String> lines = List.of(csv.toString().split("\r\n"));
        List<PhoneNumber> owned = sandbox.accountNumbers();
        assertEquals(4, lines.size(), csv.toString());
        assertEquals("number,billing_method,primary_route,failover_route", lines.get(0));
        assertEquals(owned.get(0) + ",METERED,pbx,sip-reg", lines.get(1));
        assertEquals(owned.stream().skip(1).map(n -> n + ",METERED,sip-reg,sip-reg").collect(Collectors.toList()),
                lines.subList(2, 4));
    }

    @Test
    void quotesFieldsAsRfc4180Asks() {
        assertEquals("plain", BlockingInventoryReport.csvField("plain"));
        assertEquals("\"a,b\"", BlockingInventoryReport.csvField("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", BlockingInventoryReport.csvField("say \"hi\""));
    }
}
