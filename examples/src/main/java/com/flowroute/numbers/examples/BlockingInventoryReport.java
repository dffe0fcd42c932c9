package com.flowroute.numbers.examples;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.blocking.FlowrouteClient;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain blocking program: walks every number on the account through a lazy
 * {@code PagedIterable} and writes a CSV report (number, billing method, primary route,
 * failover route) to a file ({@code --out report.csv}) or to standard output.
 *
 * <p>Runs against an embedded sandbox, where it first buys a few numbers so that the report has
 * rows, unless given {@code --live}.
 */
public final class BlockingInventoryReport {
    private BlockingInventoryReport() {}

    /**
     * Writes the report.
     *
     * @param args {@code --out FILE} to write to a file; {@code --live} for the real API
     */
    public static void main(String[] args) throws IOException {
        Path file = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--out")) {
                file = Path.of(args[i + 1]);
            }
        }
        try (Target target = Target.fromArgs(args);
                FlowrouteClient client = target.configure(FlowrouteClient.builder()).build()) {
            System.err.println(target.describe());
            if (!target.live()) {
                buyDemoNumbers(client, 3);
            }
            if (file == null) {
                Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                int rows = writeReport(client, out);
                out.flush();
                System.err.println(rows + " numbers");
            } else {
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    System.err.println(writeReport(client, out) + " numbers written to " + file);
                }
            }
        }
    }

    /**
     * Writes the CSV report of every account number to {@code out}, one page in memory at a time.
     *
     * @return the number of rows written, header excluded
     */
    static int writeReport(FlowrouteClient client, Writer out) {
        PrintWriter csv = new PrintWriter(out);
        csv.print("number,billing_method,primary_route,failover_route\r\n");
        int rows = 0;
        for (AccountNumber number : client.numbers().list()) {
            csv.print(String.join(",", number.number().toString(), csvField(number.billingMethod().map(BillingMethod::value).orElse("")),
                    csvField(number.primaryRoute().name()), csvField(number.failoverRoute().name())) + "\r\n");
            rows++;
        }
        csv.flush();
        return rows;
    }

    /** Buys {@code count} numbers in 206 and routes the first to a demo route, for a report worth reading. */
    static void buyDemoNumbers(FlowrouteClient client, int count) {
        client.routes().create(NewRoute.host("pbx", "24.239.23.40:5060"));
        client.availableNumbers().search(NumberSearch.builder().npa("206").pageSize(count).build())
                .stream().limit(count)
                .forEach(available -> client.numbers().purchase(available.number()));
        client.numbers().list().stream().findFirst()
                .ifPresent(first -> client.numbers().updateRoutes(first.number(), "pbx", "sip-reg"));
    }

    // RFC 4180: quote fields holding a comma, quote or line break; double the quotes inside.
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
