package com.flowroute.numbers.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The results as Markdown: the tables, the paired ratios, every goal of issue 16 (and issue 12's
 * v2 row) met or missed. A full run writes them to {@code BENCHMARKS.md}, keeping whatever
 * follows {@link #HAND_WRITTEN} in that file.
 */
final class Report {
    /** The line after which BENCHMARKS.md is written by hand and kept across runs. */
    static final String HAND_WRITTEN = "<!-- Written by hand below this line; the benchmark keeps it when it rewrites the file. -->";
    static final String BUILD_COMMAND = "mvn -B -q -DskipTests package -pl user-classpath,benchmarks -am";
    /** Where the user-classpath module writes the runtime class path of flowroute-blocking. */
    static final Path USER_CLASSPATH = Path.of("user-classpath", "target", "runtime.classpath");

    static final String SEARCH_GROUP = "10-number search";
    static final String PAGE_GROUP = "200-number account page";
    static final String OBSERVED = "SDK reactive, observed (Micrometer timers)";
    static final String OBSERVED_NOOP = "SDK reactive, observed (handler doing nothing)";
    static final String FLOOR_BLOCKING = "floor, blocking (block())";

    static final String SDK = "SDK reactive";
    static final String FLOOR = "floor (Reactor Netty)";
    static final String BLOCKING = "SDK blocking";
    static final String WEBCLIENT = "Spring WebClient";

    // Goals of issue 16 (and issue 12's v2 row).
    static final double THROUGHPUT_GOAL = 1.0;
    static final double ALLOCATION_GOAL = 1.1;
    static final double LATENCY_GOAL = 1.1;
    static final double BLOCKING_GOAL = 0.9;
    static final double FIRST_CALL_GOAL = 1.1;
    static final double OBSERVATION_GOAL = 0.95;
    static final double PAGING_TIME_GOAL = 1.1;
    static final double V2_GOAL = 0.9;
    static final long HEAP_GOAL_BYTES = 32L * 1024 * 1024;
    static final long FOOTPRINT_GOAL_BYTES = 11L * 1000 * 1000;

    private final Machine machine;
    private final Instant date;
    private final boolean full;
    private final String loadAtStart = Machine.loadAverage();
    private String loadAtEnd;
    private final Map<String, ThroughputRun.Results> groups = new LinkedHashMap<>();
    private PagingRun.Result paging;
    private Map<String, FirstCallRun.Result> firstCalls;
    private final List<InFlightRun.Burst> bursts = new ArrayList<>();
    private Duration runTime;
    private double othersCores = Double.NaN;
    private final StringBuilder out = new StringBuilder();

    Report(Machine machine, Instant date, boolean full) {
        this.machine = machine;
        this.date = date.truncatedTo(ChronoUnit.SECONDS);
        this.full = full;
    }

    void throughput(ThroughputRun.Results results) {
        groups.put(results.group, results);
    }

    void paging(PagingRun.Result result) {
        this.paging = result;
    }

    void firstCalls(Map<String, FirstCallRun.Result> results) {
        this.firstCalls = results;
    }

    void burst(InFlightRun.Burst burst) {
        bursts.add(burst);
    }

    void runTime(Duration runTime) {
        this.runTime = runTime;
    }

    void loadAtEnd(String load) {
        this.loadAtEnd = load;
    }

    /** The cores other processes used during the whole run, on average. */
    void othersCores(double othersCores) {
        this.othersCores = othersCores;
    }

    // ---- the paired ratios ----------------------------------------------------------------------

    private static String sdk(Workload workload) {
        return workload.label + ", " + SDK;
    }

    private static String floor(Workload workload) {
        return workload.label + ", " + FLOOR;
    }

    /** One contender over another, round by round: the median of the rounds' ratios and their range. */
    record Paired(double median, double min, double max) {
        String text() {
            return Double.isNaN(median) ? "n/a" : String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", median, min, max);
        }
    }

    Paired paired(String group, String numerator, String denominator, int level,
            ToDoubleBiFunction<ThroughputRun.Cell, Integer> metric) {
        ThroughputRun.Results results = groups.get(group);
        if (results == null || !results.has(numerator) || !results.has(denominator)) {
            return new Paired(Double.NaN, Double.NaN, Double.NaN);
        }
        ThroughputRun.Cell top = results.cell(numerator, level);
        ThroughputRun.Cell bottom = results.cell(denominator, level);
        int rounds = Math.min(top.rounds.size(), bottom.rounds.size());
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratios[r] = metric.applyAsDouble(top, r) / metric.applyAsDouble(bottom, r);
        }
        return new Paired(Stats.median(ratios), Stats.min(ratios), Stats.max(ratios));
    }

    static double throughputOf(ThroughputRun.Cell cell, int round) {
        return cell.rounds.get(round).perSecond();
    }

    static double bytesOf(ThroughputRun.Cell cell, int round) {
        return cell.roundBytesPerCall(round);
    }

    static double cpuOf(ThroughputRun.Cell cell, int round) {
        return cell.roundCpuMicros(round);
    }

    Paired throughput(String group, String numerator, String denominator, int level) {
        return paired(group, numerator, denominator, level, Report::throughputOf);
    }

    double p50Ratio(String group, String numerator, String denominator, int level) {
        ThroughputRun.Results results = groups.get(group);
        if (results == null || !results.has(numerator) || !results.has(denominator)) {
            return Double.NaN;
        }
        return results.cell(numerator, level).p50Millis() / results.cell(denominator, level).p50Millis();
    }

    private int[] levels(String group) {
        ThroughputRun.Results results = groups.get(group);
        return results == null ? new int[0] : results.levels;
    }

    private boolean hasLevel(String group, int level) {
        for (int l : levels(group)) {
            if (l == level) {
                return true;
            }
        }
        return false;
    }

    /** The short mode's lines: the key ratios. */
    String keyRatios() {
        StringBuilder text = new StringBuilder();
        for (ThroughputRun.Results results : groups.values()) {
            for (int level : results.levels) {
                text.append(String.format(Locale.ROOT, "%s, c=%d:%n", results.group, level));
                for (String name : results.cells.keySet()) {
                    ThroughputRun.Cell cell = results.cell(name, level);
                    text.append(String.format(Locale.ROOT, "  %-58s %,9.0f calls/s  p50 %6.3f ms  %7.1f KB/call  %6.1f us CPU%s%n",
                            name, cell.perSecond(), cell.p50Millis(), cell.bytesPerCall() / 1024, cell.clientCpuMicros(),
                            cell.errors() == 0 ? "" : "  errors " + cell.errors()));
                }
                for (Workload workload : List.of(Workload.V1_SEARCH, Workload.V2_SEARCH, Workload.V1_PAGE, Workload.V2_PAGE)) {
                    if (results.has(sdk(workload))) {
                        text.append(String.format(Locale.ROOT, "  %s SDK/floor: throughput %s, CPU %s, bytes %s%n", workload.label,
                                throughput(results.group, sdk(workload), floor(workload), level).text(),
                                paired(results.group, sdk(workload), floor(workload), level, Report::cpuOf).text(),
                                paired(results.group, sdk(workload), floor(workload), level, Report::bytesOf).text()));
                    }
                }
            }
        }
        if (firstCalls != null) {
            text.append(String.format(Locale.ROOT, "first call: SDK %.0f ms, Reactor Netty %.0f ms%n",
                    firstCalls.get("sdk").medianMillis(), firstCalls.get("netty").medianMillis()));
        }
        if (paging != null) {
            text.append(String.format(Locale.ROOT, "paging: take(5) sent %d request(s), blocking stream().limit(5) sent %d%n",
                    paging.take5Requests, paging.blockingLimit5Requests));
        }
        for (InFlightRun.Burst burst : bursts) {
            text.append(String.format(Locale.ROOT, "in flight: %,d calls at %d ms, %s: %.0f ms (ideal %.0f ms with %d"
                    + " connections), %d errors%n", burst.calls, burst.latency.toMillis(), burst.contender,
                    burst.wallMillis, burst.idealMillis(), burst.poolSize, burst.errors));
        }
        return text.toString();
    }

    // ---- the document -----------------------------------------------------------------------------

    /** The whole Markdown document, without the hand-written part. */
    String markdown() {
        out.setLength(0);
        line("# Benchmarks");
        line("");
        line("Throughput, latency, CPU and allocation of the SDK's clients against the floor (Reactor Netty used directly,");
        line("with hand-written signing and streaming parse into the same models) and against the JDK's `HttpClient` and");
        line("Spring's `WebClient` at their best, side by side in one run against a loopback server, over v1 and v2; then");
        line("paging, concurrency, the first call in a fresh JVM and the class path a user gets. Generated by the");
        line("`benchmarks` module (`" + BenchmarkMain.class.getName() + "`): a full run rewrites everything above the");
        line("hand-written reading at the end.");
        line("");
        machineSection();
        methodSection();
        goalsSection();
        for (ThroughputRun.Results results : groups.values()) {
            groupSection(results);
        }
        firstCallSection();
        footprintSection();
        pagingSection();
        burstSection();
        return out.toString();
    }

    /** Writes the document to {@code file}, keeping the hand-written part already there. */
    void write(Path file) throws IOException {
        String kept = "\n" + HAND_WRITTEN + "\n\n## Reading\n\n(to be written)\n";
        if (Files.exists(file)) {
            String existing = Files.readString(file, StandardCharsets.UTF_8);
            int marker = existing.indexOf(HAND_WRITTEN);
            if (marker >= 0) {
                kept = "\n" + existing.substring(marker);
            }
        }
        Files.writeString(file, markdown() + kept, StandardCharsets.UTF_8);
    }

    private void machineSection() {
        line("## Machine and command");
        line("");
        line("| | |");
        line("|---|---|");
        line("| date (UTC) | " + date + " |");
        line("| command | `" + BUILD_COMMAND + " && " + machine.javaCommand() + "` (from the project root) |");
        line("| machine | " + machine.cores + " cores (" + machine.cpu + "), " + machine.memory() + " of memory |");
        line("| Java | " + machine.java + " |");
        line("| OS | " + machine.os + " |");
        line("| heap, GC | max " + machine.maxHeap() + ", " + machine.gc + " |");
        if (runTime != null) {
            line("| run time | " + runTime.toMinutesPart() + " min " + runTime.toSecondsPart() + " s |");
        }
        line("| load average (1 / 5 / 15 min) | " + loadAtStart + " at the start, " + loadAtEnd + " at the end |");
        if (!Double.isNaN(othersCores)) {
            line(String.format(Locale.ROOT, "| other processes on the machine | %.2f of the %d cores busy on average during the run"
                    + " (from `/proc/stat`, less this JVM's own CPU time) |", othersCores, machine.cores));
        }
        line("");
        line("Server and clients share the same " + machine.cores + " cores: every client's figures include the CPU the");
        line("server takes from it, and noise from the other processes. Compare the clients with each other, within this run,");
        line("round by round; the absolute numbers say little about a real deployment, where the network and Flowroute's");
        line("server dominate.");
        line("");
    }

    private void methodSection() {
        line("## What is measured");
        line("");
        line("- **Server**: Reactor Netty `HttpServer` on 127.0.0.1 with its own two event loops, answering fixed bodies: the");
        line("  v1 search (`GET " + FixedResponses.SEARCH_PATH + "?" + FixedResponses.SEARCH_QUERY + "`: " + FixedResponses.SEARCH_ITEMS
                + " numbers, " + FixedResponses.SEARCH.length + " bytes), the v2 search (`GET " + FixedResponses.V2_SEARCH_PATH + "?"
                + FixedResponses.V2_SEARCH_QUERY + "`: JSON:API, " + FixedResponses.V2_SEARCH.length + " bytes), and 500 pages of 200");
        line("  account numbers over v1 (`GET " + FixedResponses.ACCOUNT_PATH + "?limit=200&page=N`, about "
                + (FixedResponses.accountItemsPart().length / 1024) + " KB each) and v2 (`GET " + FixedResponses.V2_ACCOUNT_PATH
                + "?limit=200&offset=N`, about " + (FixedResponses.v2AccountItemsPart().length / 1024) + " KB). It checks no signature.");
        line("- **Workloads**: every contender of a workload sends the same request (v1 signed per request; v2 HTTP Basic) and");
        line("  ends with the same models (`AvailableNumber`, `AccountNumber`); page calls cycle through the 500 pages.");
        line("- **Contenders**:");
        line("  - `" + SDK + "`: `ReactiveFlowrouteClient` (its own pool: 500 connections), retries off;");
        line("    `availableNumbers().search(query).collectList()`, or `numbers().list(query).byPage().next()` for a page.");
        line("  - `" + OBSERVED + "`: the same with an `ObservationRegistry` holding Micrometer's");
        line("    `DefaultMeterObservationHandler` (timers in a `SimpleMeterRegistry`).");
        line("  - `" + OBSERVED_NOOP + "`: the same with a handler that accepts every observation and does nothing:");
        line("    the SDK's own cost of observing (two observations per call: the call and its attempt), without Micrometer's timers.");
        line("  - `" + FLOOR + "`: Reactor Netty's `HttpClient` used directly, a pool with the SDK's settings, the request");
        line("    signed by hand (one `Mac` per thread) or with a Basic header built once, the body parsed with a hand-written");
        line("    Jackson streaming parser into the SDK's models; no timeout, retry, logging hook or size limit.");
        line("  - `" + JdkHttp.Mode.FIXED_EXECUTOR.label + "`: `java.net.http.HttpClient` (HTTP/1.1), `sendAsync` with an executor");
        line("    of one thread per core; `" + JdkHttp.Mode.THREAD_POOL.label + "`: `send` from one caller thread per call in flight;");
        line("    `" + JdkHttp.Mode.DEFAULT_EXECUTOR.label + "`: `sendAsync` on its default (cached) executor, the slow way, kept for");
        line("    comparison with earlier runs. All three with the floor's signing and parsing and their URLs built once.");
        line("  - `" + WEBCLIENT + "`: spring-webflux's `WebClient` (no Spring Boot) on Reactor Netty with the floor's pool settings,");
        line("    `retrieve().bodyToMono(byte[].class)` and the floor's parser, its URLs built once.");
        line("  - `" + BLOCKING + "`: `FlowrouteClient` (its own pool), one caller thread per call in flight.");
        line("  - `" + FLOOR_BLOCKING + "`: the floor's call waited for with `Mono.block()`, one caller thread per call in flight:");
        line("    what waiting on a thread costs with no SDK at all (each call wakes the event loop to write and the caller to read).");
        ThroughputRun.Results any = groups.values().stream().findFirst().orElse(null);
        if (any != null) {
            line("- **Method**: closed loop, c calls in flight (each call's end starts the next)."
                    + (any.jitWarmup.isZero() ? "" : " First every contender runs " + seconds(any.jitWarmup)
                    + " at c=16 for the JIT compiler."));
            line("  At each c, every contender warms up for " + seconds(any.warmup) + ", then the contenders of a group take turns in "
                    + any.rounds + " rounds of " + seconds(any.round) + " each, the order rotating every round.");
            line("  Ratios are **paired by round**: the median over rounds of one contender's figure over another's in the same");
            line("  round, with the range of the rounds' ratios in brackets. Throughput is calls per second; CPU is the CPU");
            line("  time of every thread but the server's per call (`ThreadMXBean`); allocation is the bytes allocated by every");
            line("  thread but the server's per call (so it includes the harness's small, equal share); latency runs from the");
            line("  start of a call to its parsed result (histogram, buckets under 1.6 % wide). \"late / early\" is the median");
            line("  throughput of the last third of the rounds over the first third: above about 1.1, a contender was still");
            line("  getting faster when measuring began.");
        }
        line("");
    }

    private void goalsSection() {
        line("## Goals (issue 16, and issue 12's v2 row)");
        line("");
        line("Each figure is from this run; ratios are medians of per-round ratios with their range.");
        line("");
        line("| goal | figure | met |");
        line("|---|---|---|");
        for (String group : List.of(SEARCH_GROUP, PAGE_GROUP)) {
            List<Workload> workloads = group.equals(SEARCH_GROUP) ? List.of(Workload.V1_SEARCH, Workload.V2_SEARCH)
                    : List.of(Workload.V1_PAGE, Workload.V2_PAGE);
            for (Workload workload : workloads) {
                for (int level : new int[] {16, 256}) {
                    if (!hasLevel(group, level) || !groups.get(group).has(sdk(workload))) {
                        continue;
                    }
                    Paired ratio = throughput(group, sdk(workload), floor(workload), level);
                    Paired cpu = paired(group, sdk(workload), floor(workload), level, Report::cpuOf);
                    goal("throughput, SDK reactive / floor, " + workload.label + ", c=" + level + ": at least " + THROUGHPUT_GOAL,
                            ratio.text() + "; CPU per call " + cpu.text(), ratio.median() >= THROUGHPUT_GOAL);
                }
            }
        }
        for (String group : List.of(SEARCH_GROUP, PAGE_GROUP)) {
            List<Workload> workloads = group.equals(SEARCH_GROUP) ? List.of(Workload.V1_SEARCH, Workload.V2_SEARCH)
                    : List.of(Workload.V1_PAGE, Workload.V2_PAGE);
            for (Workload workload : workloads) {
                if (!groups.containsKey(group) || !groups.get(group).has(sdk(workload))) {
                    continue;
                }
                List<String> figures = new ArrayList<>();
                boolean met = true;
                for (int level : levels(group)) {
                    Paired bytes = paired(group, sdk(workload), floor(workload), level, Report::bytesOf);
                    figures.add(String.format(Locale.ROOT, "c=%d: %.2f", level, bytes.median()));
                    met &= bytes.median() <= ALLOCATION_GOAL;
                }
                goal("allocation per call, SDK reactive / floor, " + workload.label + ": at most " + ALLOCATION_GOAL,
                        String.join(", ", figures), met);
            }
        }
        for (String group : List.of(SEARCH_GROUP, PAGE_GROUP)) {
            List<Workload> workloads = group.equals(SEARCH_GROUP) ? List.of(Workload.V1_SEARCH, Workload.V2_SEARCH)
                    : List.of(Workload.V1_PAGE, Workload.V2_PAGE);
            for (Workload workload : workloads) {
                if (!hasLevel(group, 1) || !groups.get(group).has(sdk(workload))) {
                    continue;
                }
                double p50 = p50Ratio(group, sdk(workload), floor(workload), 1);
                ThroughputRun.Results results = groups.get(group);
                goal("p50 latency at c=1, SDK reactive / floor, " + workload.label + ": at most " + LATENCY_GOAL,
                        String.format(Locale.ROOT, "%.2f (%.3f against %.3f ms)", p50, results.cell(sdk(workload), 1).p50Millis(),
                                results.cell(floor(workload), 1).p50Millis()), p50 <= LATENCY_GOAL);
            }
        }
        if (hasLevel(SEARCH_GROUP, 16)) {
            Paired blocking = throughput(SEARCH_GROUP, Workload.V1_SEARCH.label + ", " + BLOCKING, sdk(Workload.V1_SEARCH), 16);
            String context = "";
            if (groups.get(SEARCH_GROUP).has(Workload.V1_SEARCH.label + ", " + FLOOR_BLOCKING)) {
                Paired floorBlocking = throughput(SEARCH_GROUP, Workload.V1_SEARCH.label + ", " + FLOOR_BLOCKING,
                        floor(Workload.V1_SEARCH), 16);
                context = "; without the SDK, the floor blocking / the floor: " + floorBlocking.text();
            }
            goal("throughput, SDK blocking / SDK reactive, v1 search, c=16: at least " + BLOCKING_GOAL, blocking.text() + context,
                    blocking.median() >= BLOCKING_GOAL);
        }
        if (firstCalls != null) {
            FirstCallRun.Result sdk = firstCalls.get("sdk");
            FirstCallRun.Result netty = firstCalls.get("netty");
            double ratio = sdk.medianMillis() / netty.medianMillis();
            goal("first call in a fresh JVM, SDK / raw Reactor Netty: at most " + FIRST_CALL_GOAL,
                    String.format(Locale.ROOT, "%.2f (%.0f against %.0f ms, medians of %d; %,d against %,d classes loaded)", ratio,
                            sdk.medianMillis(), netty.medianMillis(), sdk.millis.size(), sdk.medianClasses(), netty.medianClasses()),
                    ratio <= FIRST_CALL_GOAL);
        }
        for (int level : levels(SEARCH_GROUP)) {
            if (level == 1) {
                continue;
            }
            Paired observed = throughput(SEARCH_GROUP, Workload.V1_SEARCH.label + ", " + OBSERVED, sdk(Workload.V1_SEARCH), level);
            Paired cpu = paired(SEARCH_GROUP, Workload.V1_SEARCH.label + ", " + OBSERVED, sdk(Workload.V1_SEARCH), level, Report::cpuOf);
            String own = "";
            if (groups.get(SEARCH_GROUP).has(Workload.V1_SEARCH.label + ", " + OBSERVED_NOOP)) {
                Paired noop = throughput(SEARCH_GROUP, Workload.V1_SEARCH.label + ", " + OBSERVED_NOOP, sdk(Workload.V1_SEARCH), level);
                Paired noopCpu = paired(SEARCH_GROUP, Workload.V1_SEARCH.label + ", " + OBSERVED_NOOP, sdk(Workload.V1_SEARCH), level,
                        Report::cpuOf);
                own = "; the SDK's own share (a handler doing nothing): " + noop.text() + ", CPU per call " + noopCpu.text();
            }
            goal("observation with a registry: throughput at least " + OBSERVATION_GOAL + " of the unobserved SDK's (under 5 %"
                    + " cost), v1 search, c=" + level, observed.text() + "; CPU per call " + cpu.text() + own,
                    observed.median() >= OBSERVATION_GOAL);
        }
        if (firstCalls != null) {
            int micrometer = firstCalls.get("sdk").byLibrary.getOrDefault("micrometer", 0);
            goal("observation without a registry costs nothing: no Micrometer class loaded by the SDK's first call, and"
                    + " `CallObserver.NONE` hands each call back unwrapped", micrometer + " Micrometer classes loaded", micrometer == 0);
        }
        if (paging != null && paging.slowRun) {
            goal("paging 100,000 numbers: heap growth under 32 MB", megabytes(paging.maxRetainedGrowth) + " reachable ("
                    + megabytes(paging.maxUsedGrowth) + " with garbage)", paging.maxRetainedGrowth < HEAP_GOAL_BYTES);
            goal("paging: at most one page ahead of demand", paging.maxPagesAhead + " page(s) ahead, " + paging.maxInFlight
                    + " in flight at most", paging.maxPagesAhead <= 1 && paging.maxInFlight <= 1);
            if (!Double.isNaN(paging.sdkWalkSeconds)) {
                double ratio = paging.sdkWalkSeconds / paging.floorWalkSeconds;
                goal("paging: time per page, SDK / floor: at most " + PAGING_TIME_GOAL, String.format(Locale.ROOT,
                        "%.2f (%.0f against %.0f µs per page, medians of %d walks of 500 pages)", ratio,
                        paging.sdkWalkSeconds / FixedResponses.ACCOUNT_PAGES * 1e6,
                        paging.floorWalkSeconds / FixedResponses.ACCOUNT_PAGES * 1e6, paging.walks), ratio <= PAGING_TIME_GOAL);
            }
        }
        Footprint footprint = Footprint.read(USER_CLASSPATH);
        if (footprint != null) {
            goal("footprint: a user's runtime class path for flowroute-blocking under 11 MB", String.format(Locale.ROOT,
                    "%.1f MB in %d files", footprint.bytes / 1e6, footprint.files), footprint.bytes < FOOTPRINT_GOAL_BYTES);
        }
        for (int level : levels(SEARCH_GROUP)) {
            Paired v2 = throughput(SEARCH_GROUP, sdk(Workload.V2_SEARCH), sdk(Workload.V1_SEARCH), level);
            goal("issue 12: v2 search within 10 % of v1's throughput, SDK reactive, c=" + level, v2.text(), v2.median() >= V2_GOAL);
        }
        line("");
        line("Timing goals are reported here, never asserted by a test.");
        line("");
    }

    private void groupSection(ThroughputRun.Results results) {
        line("## " + capitalized(results.group));
        line("");
        line("### Throughput (calls per second; slowest and fastest round in brackets) and warm-up check");
        line("");
        header(results, "contender", level -> "c=" + level);
        for (String name : results.cells.keySet()) {
            row(results, name, level -> {
                ThroughputRun.Cell cell = results.cell(name, level);
                return String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f)", cell.perSecond(), cell.slowestRound(), cell.fastestRound());
            });
        }
        line("");
        header(results, "late / early rounds", level -> "c=" + level);
        for (String name : results.cells.keySet()) {
            row(results, name, level -> String.format(Locale.ROOT, "%.2f", results.cell(name, level).lateOverEarly()));
        }
        line("");
        line("### Latency, p50 / p99 (milliseconds)");
        line("");
        header(results, "contender", level -> "c=" + level);
        for (String name : results.cells.keySet()) {
            row(results, name, level -> {
                ThroughputRun.Cell cell = results.cell(name, level);
                return String.format(Locale.ROOT, "%.3f / %.3f", cell.p50Millis(), cell.p99Millis());
            });
        }
        line("");
        line("### Allocation per call (KB) and CPU per call (µs, client side + the loopback server's share)");
        line("");
        header(results, "contender", level -> "c=" + level);
        for (String name : results.cells.keySet()) {
            row(results, name, level -> {
                ThroughputRun.Cell cell = results.cell(name, level);
                return String.format(Locale.ROOT, "%.1f KB, %.0f + %.0f µs", cell.bytesPerCall() / 1024, cell.clientCpuMicros(),
                        cell.serverCpuMicros());
            });
        }
        line("");
        line("By thread group (client side, at least 1 µs per call), at the highest c:");
        line("");
        int top = results.levels[results.levels.length - 1];
        for (String name : results.cells.keySet()) {
            String threads = results.cell(name, top).cpuMicrosPerCall().entrySet().stream()
                    .filter(e -> !ThreadSnapshot.isServer(e.getKey()) && e.getValue() >= 1)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
            line("- " + name + ": " + threads);
        }
        line("");
        line("Cores that other processes kept busy during each contender's rounds, on average (noise that interleaving");
        line("spreads over all contenders but cannot remove):");
        line("");
        header(results, "contender", level -> "c=" + level);
        for (String name : results.cells.keySet()) {
            row(results, name, level -> String.format(Locale.ROOT, "%.2f", results.cell(name, level).othersCores()));
        }
        line("");
        line("### Paired ratios (median of the rounds' ratios, range in brackets)");
        line("");
        line("| ratio | c | throughput | CPU per call | bytes per call | p50 latency |");
        line("|---|---:|---:|---:|---:|---:|");
        for (String[] pair : pairs(results)) {
            for (int level : results.levels) {
                line(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %.2f |", pair[2], level,
                        throughput(results.group, pair[0], pair[1], level).text(),
                        paired(results.group, pair[0], pair[1], level, Report::cpuOf).text(),
                        paired(results.group, pair[0], pair[1], level, Report::bytesOf).text(),
                        p50Ratio(results.group, pair[0], pair[1], level)));
            }
        }
        line("");
        List<String> failures = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        for (String name : results.cells.keySet()) {
            for (int level : results.levels) {
                ThroughputRun.Cell cell = results.cell(name, level);
                if (cell.errors() > 0) {
                    failures.add(name + " at c=" + level + ": " + cell.errors() + " failed calls, first: " + cell.firstError());
                }
                if (!cell.threadsEnded().isEmpty()) {
                    ended.add(name + " at c=" + level + ": " + describe(cell.threadsEnded()));
                }
            }
        }
        line(failures.isEmpty() ? "No call failed." : "Failed calls:");
        failures.forEach(failure -> line("- " + failure));
        line("");
        if (!ended.isEmpty()) {
            line("Threads that ended during a contender's rounds (what they allocated in those rounds is not counted):");
            line("");
            ended.forEach(note -> line("- " + note));
            line("");
        }
    }

    // numerator key, denominator key, label
    private List<String[]> pairs(ThroughputRun.Results results) {
        List<String[]> pairs = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            if (results.has(sdk(workload))) {
                pairs.add(new String[] {sdk(workload), floor(workload), workload.label + ": SDK reactive / floor"});
            }
        }
        Workload v1 = results.group.equals(SEARCH_GROUP) ? Workload.V1_SEARCH : Workload.V1_PAGE;
        Workload v2 = results.group.equals(SEARCH_GROUP) ? Workload.V2_SEARCH : Workload.V2_PAGE;
        if (results.has(sdk(v2))) {
            pairs.add(new String[] {sdk(v2), sdk(v1), "SDK reactive, v2 / v1"});
            pairs.add(new String[] {floor(v2), floor(v1), "floor, v2 / v1"});
        }
        for (String name : new String[] {BLOCKING, OBSERVED, OBSERVED_NOOP}) {
            if (results.has(v1.label + ", " + name)) {
                pairs.add(new String[] {v1.label + ", " + name, sdk(v1), v1.label + ": " + name + " / SDK reactive"});
            }
        }
        if (results.has(v1.label + ", " + FLOOR_BLOCKING)) {
            pairs.add(new String[] {v1.label + ", " + FLOOR_BLOCKING, floor(v1), v1.label + ": " + FLOOR_BLOCKING + " / floor"});
        }
        for (String name : new String[] {JdkHttp.Mode.FIXED_EXECUTOR.label, JdkHttp.Mode.THREAD_POOL.label,
                JdkHttp.Mode.DEFAULT_EXECUTOR.label, WEBCLIENT}) {
            if (results.has(v1.label + ", " + name)) {
                pairs.add(new String[] {sdk(v1), v1.label + ", " + name, v1.label + ": SDK reactive / " + name});
            }
        }
        return pairs;
    }

    private void firstCallSection() {
        if (firstCalls == null) {
            return;
        }
        line("## First call in a fresh JVM");
        line("");
        line("`java -cp flowroute-benchmarks.jar " + FirstCall.class.getName() + " sdk|netty ORIGIN` with default JVM flags:");
        line("from starting the process to its line saying the page is parsed, one search (v1) against the loopback server,");
        line("the two taking turns; then one run each with `-Xlog:class+load` to see where the classes came from. Both");
        line("run from the same (shaded) jar.");
        line("");
        line("| | SDK reactive | raw Reactor Netty |");
        line("|---|---:|---:|");
        FirstCallRun.Result sdk = firstCalls.get("sdk");
        FirstCallRun.Result netty = firstCalls.get("netty");
        line(String.format(Locale.ROOT, "| process start to parsed page, median of %d (range) | %.0f ms (%.0f–%.0f) | %.0f ms (%.0f–%.0f) |",
                sdk.millis.size(), sdk.medianMillis(), min(sdk.millis), max(sdk.millis), netty.medianMillis(), min(netty.millis),
                max(netty.millis)));
        line(String.format(Locale.ROOT, "| classes loaded | %,d | %,d |", sdk.medianClasses(), netty.medianClasses()));
        line(String.format(Locale.ROOT, "| launches that failed (and were launched again) | %d | %d |", sdk.failures.size(),
                netty.failures.size()));
        for (String library : Stream.concat(sdk.byLibrary.keySet().stream(), netty.byLibrary.keySet().stream()).distinct().sorted()
                .collect(Collectors.toList())) {
            line(String.format(Locale.ROOT, "| … from %s | %,d | %,d |", library, sdk.byLibrary.getOrDefault(library, 0),
                    netty.byLibrary.getOrDefault(library, 0)));
        }
        line("");
    }

    private void footprintSection() {
        Footprint footprint = Footprint.read(USER_CLASSPATH);
        line("## A user's class path");
        line("");
        if (footprint == null) {
            line("(`" + USER_CLASSPATH + "` not found: build the `user-classpath` module to measure it.)");
            line("");
            return;
        }
        line(String.format(Locale.ROOT, "The runtime class path of `flowroute-blocking` as Maven resolves it for a user (written by the"
                + " `user-classpath` module, whose tests run HTTP/1.1 and HTTP/2 calls on exactly that class path): %.1f MB in %d"
                + " files.", footprint.bytes / 1e6, footprint.files));
        line("");
        line("| file | KB |");
        line("|---|---:|");
        footprint.sizes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line(String.format(Locale.ROOT, "| %s | %,d |", e.getKey(), e.getValue() / 1000)));
        line("");
    }

    private void pagingSection() {
        if (paging == null) {
            return;
        }
        line("## Paging: 100,000 account numbers through `PagedFlux`");
        line("");
        line("| | |");
        line("|---|---|");
        line("| `list(pageSize 200).take(5)`: requests sent | " + paging.take5Requests + " |");
        line("| blocking `list(pageSize 200).stream().limit(5)`: requests sent | " + paging.blockingLimit5Requests + " |");
        if (paging.slowRun) {
            line(String.format(Locale.ROOT, "| slow subscriber (asks for %d items at a time, %s) | %,d items, %d page requests,"
                    + " %.1f s |", paging.demandBatch, paging.pace, paging.slowItems, paging.slowPageRequests, paging.slowSeconds));
            line("| pages requested ahead of demand, at most (requested page − pages the demand so far can use) | "
                    + paging.maxPagesAhead + " |");
            line("| page requests in flight at once, at most (seen by the server) | " + paging.maxInFlight + " |");
            line(String.format(Locale.ROOT, "| heap growth over the start, reachable (after a full GC every 25 pages, %d samples),"
                    + " at most | %s |", paging.retainedSamples, megabytes(paging.maxRetainedGrowth)));
            line("| heap growth, used including garbage (sampled every 5 pages), at most | " + megabytes(paging.maxUsedGrowth) + " |");
            line(String.format(Locale.ROOT, "| for scale: the same listing at full speed (`count()`) | %,d items in %.2f s"
                    + " (%,.0f pages/s) |", paging.fastItems, paging.fastSeconds, FixedResponses.ACCOUNT_PAGES / paging.fastSeconds));
            line("| for scale: the whole listing held in memory (`collectList()`) | " + megabytes(paging.holdAllGrowth) + " |");
            if (!Double.isNaN(paging.sdkWalkSeconds)) {
                line(String.format(Locale.ROOT, "| the 500 pages at full speed, one in flight, medians of %d walks: SDK `count()` /"
                        + " the floor fetching page after page | %.3f s / %.3f s |", paging.walks, paging.sdkWalkSeconds,
                        paging.floorWalkSeconds));
            }
        }
        line("");
    }

    private void burstSection() {
        if (bursts.isEmpty()) {
            return;
        }
        InFlightRun.Burst first = bursts.get(0);
        line(String.format(Locale.ROOT, "## Concurrency: %,d searches started at once, server latency %d ms", first.calls,
                first.latency.toMillis()));
        line("");
        line("The ideal with a pool of N connections is one server latency per wave of N calls. Each client is fresh, so its");
        line("first burst includes opening its connections; the next bursts reuse them.");
        line("");
        line("| client | burst | wall time | ideal for its pool | wall / ideal | server saw at once | connections opened | errors |");
        line("|---|---|---|---|---|---|---|---|");
        String previous = null;
        int burst = 0;
        for (InFlightRun.Burst b : bursts) {
            burst = b.contender.equals(previous) ? burst + 1 : 1;
            previous = b.contender;
            line(String.format(Locale.ROOT, "| %s | %d | %.0f ms | %.0f ms (%d connections) | %.2f | %,d | %,d | %d%s |",
                    b.contender, burst, b.wallMillis, b.idealMillis(), b.poolSize, b.wallMillis / b.idealMillis(),
                    b.serverMaxInFlight, b.connectionsOpened, b.errors,
                    b.firstError == null ? "" : " (" + b.firstError.toString().replace('|', '/') + ")"));
        }
        line("");
        line("Threads that used CPU during each client's first burst, besides the server's, the caller's and the JVM's own");
        line("housekeeping (by name, without the trailing number):");
        line("");
        previous = null;
        for (InFlightRun.Burst b : bursts) {
            if (!b.contender.equals(previous)) {
                line("- " + b.contender + ": " + b.busyThreadCount() + " (" + describe(b.busyThreads) + "); threads started"
                        + " during the burst: " + b.threadsStarted);
            }
            previous = b.contender;
        }
        line("");
    }

    /** The files of a class path and their sizes. */
    static final class Footprint {
        final long bytes;
        final int files;
        final Map<String, Long> sizes;

        private Footprint(Map<String, Long> sizes) {
            this.sizes = sizes;
            this.bytes = sizes.values().stream().mapToLong(Long::longValue).sum();
            this.files = sizes.size();
        }

        /** The class path listed in {@code file} (separated by the platform's separator); null when there is none. */
        static Footprint read(Path file) {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                Map<String, Long> sizes = new LinkedHashMap<>();
                for (String entry : Files.readString(file).trim().split(java.io.File.pathSeparator)) {
                    Path path = Path.of(entry);
                    if (Files.isRegularFile(path)) {
                        sizes.put(path.getFileName().toString(), Files.size(path));
                    } else if (Files.isDirectory(path)) {
                        try (Stream<Path> tree = Files.walk(path)) {
                            sizes.put(path.toString(), tree.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum());
                        }
                    }
                }
                return new Footprint(sizes);
            } catch (IOException e) {
                return null;
            }
        }
    }

    private void goal(String goal, String figure, boolean met) {
        line("| " + goal + " | " + figure + " | " + (met ? "yes" : "**no**") + " |");
    }

    private interface PerLevel {
        String text(int level);
    }

    private void header(ThroughputRun.Results results, String first, PerLevel title) {
        StringBuilder header = new StringBuilder("| " + first + " |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int level : results.levels) {
            header.append(' ').append(title.text(level)).append(" |");
            rule.append("---:|");
        }
        line(header.toString());
        line(rule.toString());
    }

    private void row(ThroughputRun.Results results, String first, PerLevel cell) {
        StringBuilder row = new StringBuilder("| " + first + " |");
        for (int level : results.levels) {
            row.append(' ').append(cell.text(level)).append(" |");
        }
        line(row.toString());
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String describe(Map<String, Integer> threads) {
        return threads.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
