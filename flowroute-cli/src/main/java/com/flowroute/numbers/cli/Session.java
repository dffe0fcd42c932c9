package com.flowroute.numbers.cli;

import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.cli.BulkRun.Outcome;
import com.flowroute.numbers.cli.BulkRun.State;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * One command's run: the client it calls (and the embedded sandbox behind it with
 * {@code --sandbox}), where and how it writes, and the bulk runner. Closing it closes the client
 * and the sandbox.
 */
final class Session implements AutoCloseable {
    private final FlowrouteCli cli;
    private final String baseUrl;
    private final FlowrouteCredentials credentials;
    private final FlowrouteSandbox sandbox;
    private final FlowrouteClient client;
    private FlowrouteClient v2;

    Session(FlowrouteCli cli, String baseUrl, FlowrouteCredentials credentials, FlowrouteApiVersion version,
            FlowrouteSandbox sandbox) {
        this.cli = cli;
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.sandbox = sandbox;
        this.client = build(baseUrl, version);
    }

    private FlowrouteClient build(String url, FlowrouteApiVersion version) {
        FlowrouteClient.Builder builder = FlowrouteClient.builder()
                .baseUrl(url)
                .credentials(credentials)
                .userAgent("flowroute-cli/" + FlowrouteCli.Version.number());
        if (version != null) {
            builder.apiVersion(version);
        }
        return builder.build();
    }

    /** The version a base URL ending in {@code /v1} or {@code /v2} names, else null. */
    static FlowrouteApiVersion versionOf(String url) {
        String path = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        for (FlowrouteApiVersion version : FlowrouteApiVersion.values()) {
            if (path.endsWith("/" + version.pathSegment())) {
                return version;
            }
        }
        return null;
    }

    /** The client, over the API version the options chose. */
    FlowrouteClient client() {
        return client;
    }

    /** The version the numbers and routes operations use. */
    FlowrouteApiVersion version() {
        return client.reactive().apiVersion();
    }

    /**
     * A client of the same account over v2, for look-ups that need v2's ids (a route to delete)
     * when the options chose v1: the client itself when they chose v2.
     */
    synchronized FlowrouteClient v2() {
        if (version() == FlowrouteApiVersion.V2) {
            return client;
        }
        if (v2 == null) {
            FlowrouteApiVersion named = versionOf(baseUrl);
            String root = named == null ? baseUrl
                    : baseUrl.substring(0, baseUrl.replaceAll("/+$", "").length() - named.pathSegment().length() - 1);
            v2 = build(root, FlowrouteApiVersion.V2);
        }
        return v2;
    }

    Shell shell() {
        return cli.shell();
    }

    PrintWriter out() {
        return cli.out();
    }

    PrintWriter err() {
        return cli.err();
    }

    OutputFormat format() {
        return cli.format();
    }

    int concurrency() {
        return cli.concurrency();
    }

    /** A writer of results with these columns, in the chosen format. */
    RowWriter rows(List<Column> columns) {
        return RowWriter.rows(format(), out(), columns);
    }

    /** A writer of one result with these fields, in the chosen format. */
    RowWriter record(List<Column> columns) {
        return RowWriter.record(format(), out(), columns);
    }

    /** A line for the person at the terminal, on stderr; nothing with {@code --quiet}. */
    void note(String line) {
        if (!cli.quiet()) {
            err().println(line);
            err().flush();
        }
    }

    /** A progress bar for {@code total} steps ({@code -1}: unknown), drawn only on a terminal's stderr. */
    Progress progress(String label, int total) {
        return shell().stderrIsTerminal() && !cli.quiet() ? Progress.bar(err(), label, total, System::nanoTime)
                : Progress.none();
    }

    /** Runs {@code work} on each of {@code items} with the chosen concurrency, under a progress bar. */
    BulkRun.Result bulk(List<String> items, Function<String, Mono<Outcome>> work, String label) {
        return BulkRun.run(items, work, concurrency(), progress(label, items.size()), shell().interruption());
    }

    /**
     * Writes each item's outcome (the result rows: {@code itemKey}, {@code outcome},
     * {@code detail}), each failure as an error line and a summary on stderr, and returns the
     * exit status.
     *
     * @param verb what {@link State#DONE} is called, such as {@code bought}
     * @param complete whether the items are all that was asked for (false when a search found fewer)
     */
    int report(BulkRun.Result result, String itemKey, String verb, boolean complete) {
        try (RowWriter rows = rows(List.of(Column.of(itemKey), Column.of("outcome"), Column.of("detail")))) {
            for (Outcome outcome : result.outcomes()) {
                rows.row(outcome.item(), label(outcome.state(), verb), outcome.detail());
            }
        }
        for (Outcome outcome : result.outcomes()) {
            if (outcome.state() == State.FAILED) {
                err().println("flowroute: " + outcome.item() + ": " + outcome.detail());
            }
        }
        List<String> counts = new ArrayList<>();
        counts.add(verb + " " + result.count(State.DONE));
        if (result.count(State.SKIPPED) > 0) {
            counts.add("skipped " + result.count(State.SKIPPED));
        }
        if (result.count(State.FAILED) > 0) {
            counts.add("failed " + result.count(State.FAILED));
        }
        String summary = String.join(", ", counts) + " of " + result.outcomes().size();
        if (result.interrupted()) {
            err().println("flowroute: interrupted: " + summary + "; not done: " + result.count(State.IN_FLIGHT)
                    + " in flight (outcome unknown: check them), " + result.count(State.NOT_STARTED) + " not started");
        } else {
            note("flowroute: " + summary);
        }
        err().flush();
        return result.status(complete);
    }

    private static String label(State state, String verb) {
        return switch (state) {
            case DONE -> verb;
            case SKIPPED -> "skipped";
            case FAILED -> "failed";
            case IN_FLIGHT -> "unknown";
            case NOT_STARTED -> "not-started";
        };
    }

    @Override
    public void close() {
        try {
            client.close();
            synchronized (this) {
                if (v2 != null) {
                    v2.close();
                }
            }
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
