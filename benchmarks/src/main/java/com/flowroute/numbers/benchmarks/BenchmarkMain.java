package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.FlowrouteCredentials;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the benchmark: {@code java -jar flowroute-benchmarks.jar} for the full run (about twenty
 * minutes), which writes {@code BENCHMARKS.md}; {@code --short} for a quick check of the key
 * ratios (under a minute), printed only. {@code --out FILE} writes the report elsewhere.
 */
public final class BenchmarkMain {
    static final String ACCESS_KEY = "benchmark-access-key";
    static final String SECRET_KEY = "benchmark-secret-key";
    static final int MAX_CALLERS = 256;

    /** The settings of a run. */
    static final class Plan {
        final boolean full;
        final int[] levels;
        final Duration jitWarmup;
        final Duration warmup;
        final int rounds;
        final Duration round;
        final int burstCalls;
        final int burstsPerClient;
        final int firstCalls;
        final int walks;
        final Duration burstLatency = Duration.ofMillis(50);

        private Plan(boolean full, int[] levels, Duration jitWarmup, Duration warmup, int rounds, Duration round, int burstCalls,
                int burstsPerClient, int firstCalls, int walks) {
            this.full = full;
            this.levels = levels;
            this.jitWarmup = jitWarmup;
            this.warmup = warmup;
            this.rounds = rounds;
            this.round = round;
            this.burstCalls = burstCalls;
            this.burstsPerClient = burstsPerClient;
            this.firstCalls = firstCalls;
            this.walks = walks;
        }

        static Plan full() {
            return new Plan(true, new int[] {1, 16, 256}, Duration.ofSeconds(15), Duration.ofSeconds(2), 9, Duration.ofMillis(1500),
                    10_000, 3, 7, 5);
        }

        static Plan quick() {
            return new Plan(false, new int[] {16}, Duration.ZERO, Duration.ofMillis(500), 2, Duration.ofMillis(400), 1_000, 1, 1, 1);
        }
    }

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--short":
                    quick = true;
                    break;
                case "--out":
                    if (i + 1 >= args.length) {
                        usage("--out needs a file");
                    }
                    out = Path.of(args[++i]);
                    break;
                default:
                    usage("unknown argument " + args[i]);
            }
        }
        if (out == null && !quick) {
            out = Path.of("BENCHMARKS.md");
        }
        Report report = run(quick ? Plan.quick() : Plan.full(), System.out);
        if (out != null) {
            report.write(out);
            System.out.println("wrote " + out.toAbsolutePath());
        }
        // Reactor Netty's event loops are daemon threads; nothing else keeps the JVM alive.
        System.exit(0);
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: java -jar flowroute-benchmarks.jar [--short] [--out FILE]");
        System.exit(2);
    }

    /** The contenders of the 10-number search: the SDK over v1 and v2 and its rivals, each against its floor. */
    static List<Contender> searchContenders(String origin, FlowrouteCredentials credentials) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new SdkReactive(Workload.V1_SEARCH, origin, credentials));
        contenders.add(new NettyFloor(Workload.V1_SEARCH, origin, ACCESS_KEY, SECRET_KEY));
        contenders.add(new SdkReactive(Workload.V2_SEARCH, origin, credentials));
        contenders.add(new NettyFloor(Workload.V2_SEARCH, origin, ACCESS_KEY, SECRET_KEY));
        contenders.add(new SdkBlocking(Workload.V1_SEARCH, origin, credentials));
        contenders.add(new SdkReactive(Workload.V1_SEARCH, origin, credentials, registry, Report.OBSERVED));
        ObservationRegistry doingNothing = ObservationRegistry.create();
        doingNothing.observationConfig().observationHandler(context -> true);
        contenders.add(new SdkReactive(Workload.V1_SEARCH, origin, credentials, doingNothing, Report.OBSERVED_NOOP));
        contenders.add(new NettyFloor(Workload.V1_SEARCH, origin, ACCESS_KEY, SECRET_KEY, 500, true));
        contenders.add(new JdkHttp(Workload.V1_SEARCH, JdkHttp.Mode.FIXED_EXECUTOR, origin, ACCESS_KEY, SECRET_KEY));
        contenders.add(new JdkHttp(Workload.V1_SEARCH, JdkHttp.Mode.THREAD_POOL, origin, ACCESS_KEY, SECRET_KEY));
        contenders.add(new JdkHttp(Workload.V1_SEARCH, JdkHttp.Mode.DEFAULT_EXECUTOR, origin, ACCESS_KEY, SECRET_KEY));
        contenders.add(new SpringWebClient(Workload.V1_SEARCH, origin, ACCESS_KEY, SECRET_KEY));
        return contenders;
    }

    /** The contenders of the 200-number account page. */
    static List<Contender> pageContenders(String origin, FlowrouteCredentials credentials) {
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new SdkReactive(Workload.V1_PAGE, origin, credentials));
        contenders.add(new NettyFloor(Workload.V1_PAGE, origin, ACCESS_KEY, SECRET_KEY));
        contenders.add(new SdkReactive(Workload.V2_PAGE, origin, credentials));
        contenders.add(new NettyFloor(Workload.V2_PAGE, origin, ACCESS_KEY, SECRET_KEY));
        contenders.add(new JdkHttp(Workload.V1_PAGE, JdkHttp.Mode.FIXED_EXECUTOR, origin, ACCESS_KEY, SECRET_KEY));
        contenders.add(new JdkHttp(Workload.V1_PAGE, JdkHttp.Mode.THREAD_POOL, origin, ACCESS_KEY, SECRET_KEY));
        contenders.add(new SpringWebClient(Workload.V1_PAGE, origin, ACCESS_KEY, SECRET_KEY));
        return contenders;
    }

    /** Runs {@code plan}, printing progress and the key ratios to {@code log}; returns the report. */
    static Report run(Plan plan, PrintStream log) throws IOException, InterruptedException {
        Instant date = Instant.now();
        long started = System.nanoTime();
        CpuMeter cpuAtStart = CpuMeter.read();
        Machine machine = new Machine();
        Report report = new Report(machine, date, plan.full);
        log.printf(Locale.ROOT, "%s run, %d cores, %s, load average %s%n", plan.full ? "full" : "short", machine.cores, machine.java,
                Machine.loadAverage());
        FlowrouteCredentials credentials = FlowrouteCredentials.of(ACCESS_KEY, SECRET_KEY);
        ThreadPoolExecutor callers = callers();
        try (LoopbackServer server = LoopbackServer.start()) {
            String origin = server.origin();
            List<Contender> search = searchContenders(origin, credentials);
            List<Contender> pages = pageContenders(origin, credentials);
            try {
                for (Contender contender : search) {
                    checkOneCall(contender, callers);
                }
                for (Contender contender : pages) {
                    checkOneCall(contender, callers);
                }
                log.println("first call in a fresh JVM:");
                report.firstCalls(FirstCallRun.run(origin, plan.firstCalls));
                log.println("10-number search:");
                report.throughput(ThroughputRun.run(Report.SEARCH_GROUP, search, plan.levels, plan.jitWarmup, plan.warmup,
                        plan.rounds, plan.round, callers, log));
                closeAll(search);
                log.println("200-number account page:");
                report.throughput(ThroughputRun.run(Report.PAGE_GROUP, pages, plan.levels, plan.jitWarmup, plan.warmup,
                        plan.rounds, plan.round, callers, log));
            } finally {
                closeAll(search);
                closeAll(pages);
            }
            log.println("paging:");
            try (SdkReactive sdk = new SdkReactive(Workload.V1_PAGE, origin, credentials);
                    SdkBlocking blocking = new SdkBlocking(Workload.V1_PAGE, origin, credentials)) {
                report.paging(plan.full ? PagingRun.full(server, sdk.client(), blocking.client(), 250, 1, plan.walks)
                        : PagingRun.quick(server, sdk.client(), blocking.client()));
            }
            log.println("in flight:");
            bursts(plan, server, credentials, report, log);
        } finally {
            callers.shutdownNow();
        }
        report.runTime(Duration.ofNanos(System.nanoTime() - started));
        report.othersCores(CpuMeter.read().othersCoresSince(cpuAtStart));
        report.loadAtEnd(Machine.loadAverage());
        log.println();
        log.print(report.keyRatios());
        if (!plan.full) {
            log.println("(short run: the JIT compiler is barely warm and each client ran about a second, so these ratios"
                    + " move by tens of percent from run to run; the full run is the reference)");
        }
        log.printf(Locale.ROOT, "%s run took %.1f s%n", plan.full ? "full" : "short", (System.nanoTime() - started) / 1e9);
        return report;
    }

    private static void closeAll(List<Contender> contenders) {
        for (Contender contender : contenders) {
            contender.close();
        }
    }

    private static void bursts(Plan plan, LoopbackServer server, FlowrouteCredentials credentials, Report report, PrintStream log) {
        try (SdkReactive sdk = new SdkReactive(Workload.V1_SEARCH, server.origin(), credentials)) {
            burst(plan, server, sdk, 500, report, log);
        }
        if (!plan.full) {
            return;
        }
        try (NettyFloor floor = new NettyFloor(Workload.V1_SEARCH, server.origin(), ACCESS_KEY, SECRET_KEY)) {
            burst(plan, server, floor, 500, report, log);
        }
        try (SdkReactive larger = new SdkReactive(Workload.V1_SEARCH, server.origin(), credentials, 2000)) {
            burst(plan, server, larger, 2000, report, log);
        }
    }

    private static void burst(Plan plan, LoopbackServer server, Contender contender, int poolSize, Report report, PrintStream log) {
        for (int i = 0; i < plan.burstsPerClient; i++) {
            InFlightRun.Burst burst = InFlightRun.run(server, contender, poolSize, plan.burstCalls, plan.burstLatency);
            report.burst(burst);
            log.printf(Locale.ROOT, "  %-45s %,d calls: %5.0f ms (ideal %.0f), server saw %d at once, %d errors%n",
                    contender.name(), burst.calls, burst.wallMillis, burst.idealMillis(), burst.serverMaxInFlight, burst.errors);
        }
    }

    /** One caller thread per concurrent call of the blocking contenders, all started now so none starts mid-round. */
    static ThreadPoolExecutor callers() {
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor callers = new ThreadPoolExecutor(MAX_CALLERS, MAX_CALLERS, 1, TimeUnit.HOURS,
                new ArrayBlockingQueue<>(MAX_CALLERS), task -> {
                    Thread thread = new Thread(task, "benchmark-caller-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        callers.prestartAllCoreThreads();
        return callers;
    }

    /** Fails fast when a contender cannot do one call right, before anything is measured. */
    static void checkOneCall(Contender contender, ThreadPoolExecutor callers) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> problem = new AtomicReference<>();
        Contender.Completion completion = (items, error) -> {
            if (error != null) {
                problem.set(error.toString());
            } else if (items != contender.workload().items) {
                problem.set(items + " items instead of " + contender.workload().items);
            }
            done.countDown();
        };
        if (contender.blocking()) {
            callers.execute(() -> contender.call(completion));
        } else {
            contender.call(completion);
        }
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(ThroughputRun.key(contender) + ": no answer within 30 s");
        }
        if (problem.get() != null) {
            throw new IllegalStateException(ThroughputRun.key(contender) + ": " + problem.get());
        }
    }
}
