package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.FlowrouteCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The SDK's reactive client against the floor, call by call: bytes allocated and CPU time per
 * call (client side, every thread but the loopback server's), the medians of interleaved rounds.
 * Far steadier than throughput on a busy machine, so it is what a change to the send path is
 * judged by ({@code --extra}: also the observed, blocking and JDK thread-pool contenders of the workload):
 * {@code java -cp flowroute-benchmarks.jar com.flowroute.numbers.benchmarks.CallProfile [c] [rounds] [seconds] [warm-up seconds] [workload...] [--sdk-only | --floor-only] [--extra] [--only NAME-PREFIX]}.
 */
final class CallProfile {
    private CallProfile() {}

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        double warmup = args.length > 3 ? Double.parseDouble(args[3]) : 10;
        List<Workload> workloads = new ArrayList<>();
        boolean sdkOnly = false;
        boolean floorOnly = false;
        boolean extra = false;
        String only = null;
        for (int i = 4; i < args.length; i++) {
            if (args[i].equals("--only") && i + 1 < args.length) {
                only = args[++i];
            } else if (args[i].equals("--extra")) {
                extra = true;
            } else if (args[i].equals("--sdk-only")) {
                sdkOnly = true;
            } else if (args[i].equals("--floor-only")) {
                floorOnly = true;
            } else {
                workloads.add(Workload.valueOf(args[i]));
            }
        }
        if (workloads.isEmpty()) {
            workloads.add(Workload.V1_SEARCH);
        }
        FlowrouteCredentials credentials = FlowrouteCredentials.of(BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY);
        ExecutorService callers = Executors.newFixedThreadPool(Math.max(1, concurrency));
        List<Contender> contenders = new ArrayList<>();
        try (LoopbackServer server = LoopbackServer.start()) {
            for (Workload workload : workloads) {
                if (!floorOnly) {
                    contenders.add(new SdkReactive(workload, server.origin(), credentials));
                }
                if (!sdkOnly) {
                    contenders.add(new NettyFloor(workload, server.origin(), BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY));
                }
                if (extra) {
                    for (Contender c : BenchmarkMain.searchContenders(server.origin(), credentials)) {
                        if (c.workload() == workload && (c.blocking() || c.name().equals(Report.OBSERVED) || c.name().equals(Report.OBSERVED_NOOP))) {
                            contenders.add(c);
                        } else {
                            c.close();
                        }
                    }
                }
            }
            if (only != null) {
                String prefix = only;
                contenders.stream().filter(c -> !c.name().startsWith(prefix)).forEach(Contender::close);
                contenders.removeIf(c -> !c.name().startsWith(prefix));
            }
            for (Contender contender : contenders) {
                ClosedLoop.run(contender, concurrency, Duration.ofMillis((long) (warmup * 1000)), callers);
            }
            double[][] bytes = new double[contenders.size()][rounds];
            double[][] cpu = new double[contenders.size()][rounds];
            double[][] rate = new double[contenders.size()][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < contenders.size(); k++) {
                    int i = (k + r) % contenders.size();
                    ClosedLoop.Window window = ClosedLoop.run(contenders.get(i), concurrency,
                            Duration.ofMillis((long) (seconds * 1000)), callers);
                    if (window.errors > 0) {
                        throw new IllegalStateException(contenders.get(i).name() + ": " + window.firstError);
                    }
                    bytes[i][r] = (double) window.allocatedBytes / window.calls;
                    long clientNanos = 0;
                    for (Map.Entry<String, Long> group : window.cpuNanos.entrySet()) {
                        if (!ThreadSnapshot.isServer(group.getKey())) {
                            clientNanos += group.getValue();
                        }
                    }
                    cpu[i][r] = clientNanos / 1e3 / window.calls;
                    rate[i][r] = window.perSecond();
                }
            }
            System.out.printf(Locale.ROOT, "c=%d, %d rounds of %.1f s; medians (min-max)%n", concurrency, rounds, seconds);
            System.out.printf(Locale.ROOT, "%-10s %-24s %22s %24s %12s%n", "workload", "client", "bytes/call",
                    "client CPU us/call", "calls/s");
            for (int i = 0; i < contenders.size(); i++) {
                Contender c = contenders.get(i);
                System.out.printf(Locale.ROOT, "%-10s %-24s %8.0f (%5.0f-%5.0f) %8.1f (%5.1f-%5.1f) %12.0f%n", c.workload().label,
                        c.name(), median(bytes[i]), min(bytes[i]), max(bytes[i]), median(cpu[i]), min(cpu[i]), max(cpu[i]),
                        median(rate[i]));
            }
        } finally {
            contenders.forEach(Contender::close);
            callers.shutdownNow();
        }
        System.exit(0);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
