package com.flowroute.numbers.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;

/**
 * The side-by-side comparison of one group of contenders: at each concurrency, every contender
 * warms up, then all of them take turns in rounds (the order rotating from round to round), so
 * that whatever else the machine does falls on all of them alike, and two contenders' figures in
 * the same round can be compared as a pair.
 */
final class ThroughputRun {
    /** The figures of one contender at one concurrency, over all its rounds. */
    static final class Cell {
        final String contender;
        final int concurrency;
        final List<ClosedLoop.Window> rounds = new ArrayList<>();
        final LatencyHistogram latencies = new LatencyHistogram();

        Cell(String contender, int concurrency) {
            this.contender = contender;
            this.concurrency = concurrency;
        }

        void add(ClosedLoop.Window window) {
            rounds.add(window);
            latencies.add(window.latencies);
        }

        long calls() {
            return rounds.stream().mapToLong(w -> w.calls).sum();
        }

        long errors() {
            return rounds.stream().mapToLong(w -> w.errors).sum();
        }

        /** Calls per second over all rounds. */
        double perSecond() {
            return calls() * 1e9 / rounds.stream().mapToLong(w -> w.nanos).sum();
        }

        double slowestRound() {
            return rounds.stream().mapToDouble(ClosedLoop.Window::perSecond).min().orElse(0);
        }

        double fastestRound() {
            return rounds.stream().mapToDouble(ClosedLoop.Window::perSecond).max().orElse(0);
        }

        double p50Millis() {
            return latencies.quantile(0.50) / 1e6;
        }

        double p99Millis() {
            return latencies.quantile(0.99) / 1e6;
        }

        /** Bytes allocated by the client side per call. */
        double bytesPerCall() {
            long calls = calls();
            return calls == 0 ? 0 : (double) rounds.stream().mapToLong(w -> w.allocatedBytes).sum() / calls;
        }

        /** Cores used by other processes during this cell's rounds, on average; NaN when unknown. */
        double othersCores() {
            double weighted = 0;
            long nanos = 0;
            for (ClosedLoop.Window window : rounds) {
                weighted += window.othersCores * window.nanos;
                nanos += window.nanos;
            }
            return weighted / nanos;
        }

        /** CPU time per call, in microseconds, by thread group, over all rounds. */
        Map<String, Double> cpuMicrosPerCall() {
            Map<String, Double> perCall = new TreeMap<>();
            long calls = calls();
            for (ClosedLoop.Window window : rounds) {
                window.cpuNanos.forEach((group, nanos) -> perCall.merge(group, nanos / 1e3 / calls, Double::sum));
            }
            return perCall;
        }

        /** CPU time per call of the client side (every thread but the server's), in microseconds. */
        double clientCpuMicros() {
            return cpuMicrosPerCall().entrySet().stream().filter(e -> !ThreadSnapshot.isServer(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        /** CPU time per call of the loopback server's threads, in microseconds. */
        double serverCpuMicros() {
            return cpuMicrosPerCall().entrySet().stream().filter(e -> ThreadSnapshot.isServer(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        Map<String, Integer> threadsEnded() {
            Map<String, Integer> ended = new TreeMap<>();
            rounds.forEach(window -> window.threadsEnded.forEach((group, count) -> ended.merge(group, count, Integer::sum)));
            return ended;
        }

        Throwable firstError() {
            return rounds.stream().map(w -> w.firstError).filter(e -> e != null).findFirst().orElse(null);
        }

        /** Bytes allocated per call in round {@code r}. */
        double roundBytesPerCall(int r) {
            ClosedLoop.Window window = rounds.get(r);
            return window.calls == 0 ? 0 : (double) window.allocatedBytes / window.calls;
        }

        /** Client CPU per call in round {@code r}, in microseconds. */
        double roundCpuMicros(int r) {
            ClosedLoop.Window window = rounds.get(r);
            long nanos = window.cpuNanos.entrySet().stream().filter(e -> !ThreadSnapshot.isServer(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            return window.calls == 0 ? 0 : nanos / 1e3 / window.calls;
        }

        /**
         * The throughput of the last third of the rounds over the first third (medians): above 1
         * when the contender was still getting faster, that is, not warm when measuring began.
         */
        double lateOverEarly() {
            int third = Math.max(1, rounds.size() / 3);
            double[] early = new double[third];
            double[] late = new double[third];
            for (int i = 0; i < third; i++) {
                early[i] = rounds.get(i).perSecond();
                late[i] = rounds.get(rounds.size() - third + i).perSecond();
            }
            return Stats.median(late) / Stats.median(early);
        }
    }

    /** The cells by contender (its {@link #key}), then by concurrency, in the order given. */
    static final class Results {
        final String group;
        final Map<String, Map<Integer, Cell>> cells = new LinkedHashMap<>();
        final int[] levels;
        final int rounds;
        final Duration round;
        final Duration jitWarmup;
        final Duration warmup;

        Results(String group, int[] levels, int rounds, Duration round, Duration jitWarmup, Duration warmup) {
            this.group = group;
            this.levels = levels;
            this.jitWarmup = jitWarmup;
            this.rounds = rounds;
            this.round = round;
            this.warmup = warmup;
        }

        Cell cell(String contender, int concurrency) {
            Map<Integer, Cell> byLevel = cells.get(contender);
            if (byLevel == null) {
                throw new IllegalArgumentException("no contender " + contender + " in " + group + ": " + cells.keySet());
            }
            return byLevel.get(concurrency);
        }

        boolean has(String contender) {
            return cells.containsKey(contender);
        }
    }

    /** How a contender is named in the tables: its workload, then its name. */
    static String key(Contender contender) {
        return contender.workload().label + ", " + contender.name();
    }

    private ThroughputRun() {}

    /**
     * Runs the comparison.
     *
     * @param jitWarmup a first warm-up of each contender at c=16, before any level (zero for none),
     *     so that the compiler's work is done before anything is measured
     * @param warmup the warm-up of each contender at each level
     */
    static Results run(String group, List<Contender> contenders, int[] levels, Duration jitWarmup, Duration warmup, int rounds,
            Duration round, ExecutorService callers, PrintStream log) {
        Results results = new Results(group, levels, rounds, round, jitWarmup, warmup);
        for (Contender contender : contenders) {
            Map<Integer, Cell> byLevel = new LinkedHashMap<>();
            for (int level : levels) {
                byLevel.put(level, new Cell(key(contender), level));
            }
            results.cells.put(key(contender), byLevel);
        }
        if (!jitWarmup.isZero()) {
            for (Contender contender : contenders) {
                ClosedLoop.Window warm = ClosedLoop.run(contender, 16, jitWarmup, callers);
                log.printf(Locale.ROOT, "  JIT warm-up c=16 %-50s %9.0f/s%n", key(contender), warm.perSecond());
            }
        }
        for (int level : levels) {
            for (Contender contender : contenders) {
                ClosedLoop.Window warm = ClosedLoop.run(contender, level, warmup, callers);
                log.printf(Locale.ROOT, "  warm-up  c=%-3d %-50s %9.0f/s%n", level, key(contender), warm.perSecond());
            }
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < contenders.size(); i++) {
                    Contender contender = contenders.get((i + r) % contenders.size());
                    ClosedLoop.Window window = ClosedLoop.run(contender, level, round, callers);
                    results.cell(key(contender), level).add(window);
                    log.printf(Locale.ROOT, "  round %d  c=%-3d %-50s %9.0f/s  %6.1f KB/call  others' CPU %.2f cores%s%n",
                            r + 1, level, key(contender), window.perSecond(),
                            window.allocatedBytes / 1024.0 / Math.max(1, window.calls), window.othersCores,
                            window.errors == 0 ? "" : "  ERRORS " + window.errors + ": " + window.firstError);
                }
            }
        }
        return results;
    }
}
