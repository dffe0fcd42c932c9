package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.Page;
import com.flowroute.numbers.internal.v1.V1Wire;
import com.flowroute.numbers.internal.v2.V2Wire;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Decoding alone, on one thread: the SDK's decoder of each benchmark body against the floor's
 * hand-written streaming parser, in bytes allocated and CPU time per decode (the median of
 * several batches, the decoders interleaved). Deterministic enough to judge a change to a
 * decoder on a busy machine, where throughput is not:
 * {@code java -cp flowroute-benchmarks.jar com.flowroute.numbers.benchmarks.DecodeProfile}.
 */
final class DecodeProfile {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static volatile int sink;

    /** One decoder of one body. */
    record Decoder(String body, String name, byte[] bytes, Function<byte[], Page<?>> decode) {}

    /** The median figures of one decoder. */
    record Figures(Decoder decoder, double bytesPerDecode, double cpuNanosPerDecode, double spread) {}

    private DecodeProfile() {}

    static List<Decoder> decoders() {
        byte[] v1Page = FixedResponses.accountPage(2);
        byte[] v2Page = FixedResponses.v2AccountPage(FixedResponses.ACCOUNT_PAGE_SIZE);
        return List.of(
                new Decoder("v1 search, 10 numbers", "SDK", FixedResponses.SEARCH, V1Wire.SEARCH::decode),
                new Decoder("v1 search, 10 numbers", "hand", FixedResponses.SEARCH, HandParser::availableNumbers),
                new Decoder("v1 account page, 200 numbers", "SDK", v1Page, V1Wire.ACCOUNT_NUMBERS::decode),
                new Decoder("v1 account page, 200 numbers", "hand", v1Page, HandParser::accountNumbers),
                new Decoder("v2 search, 10 numbers", "SDK", FixedResponses.V2_SEARCH, V2Wire.SEARCH::decode),
                new Decoder("v2 search, 10 numbers", "hand", FixedResponses.V2_SEARCH, HandParser::v2AvailableNumbers),
                new Decoder("v2 account page, 200 numbers", "SDK", v2Page, V2Wire.ACCOUNT_NUMBERS::decode),
                new Decoder("v2 account page, 200 numbers", "hand", v2Page, HandParser::v2AccountNumbers));
    }

    /**
     * {@code [seconds per batch] [batches] [index of one decoder]}: the last runs only that
     * decoder (for a profiler such as JFR).
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 0.5;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        List<Decoder> decoders = args.length > 2 ? List.of(decoders().get(Integer.parseInt(args[2]))) : decoders();
        print(run(decoders, seconds, batches), System.out);
    }

    /** Warms every decoder up, then runs {@code batches} interleaved batches of about {@code seconds} each. */
    static List<Figures> run(List<Decoder> decoders, double seconds, int batches) {
        int[] perBatch = new int[decoders.size()];
        for (int i = 0; i < decoders.size(); i++) {
            // Warm-up, and a batch size that takes about `seconds`.
            long start = System.nanoTime();
            int n = 0;
            while (System.nanoTime() - start < 3e9 * seconds) {
                sink += decoders.get(i).decode().apply(decoders.get(i).bytes()).items().size();
                n++;
            }
            perBatch[i] = Math.max(1, n / 3);
        }
        double[][] bytes = new double[decoders.size()][batches];
        double[][] cpu = new double[decoders.size()][batches];
        long thread = Thread.currentThread().getId();
        for (int b = 0; b < batches; b++) {
            for (int k = 0; k < decoders.size(); k++) {
                int i = (k + b) % decoders.size();
                Decoder decoder = decoders.get(i);
                long allocated = THREADS.getThreadAllocatedBytes(thread);
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                for (int n = 0; n < perBatch[i]; n++) {
                    sink += decoder.decode().apply(decoder.bytes()).items().size();
                }
                cpu[i][b] = (double) (THREADS.getCurrentThreadCpuTime() - cpuStart) / perBatch[i];
                bytes[i][b] = (double) (THREADS.getThreadAllocatedBytes(thread) - allocated) / perBatch[i];
            }
        }
        List<Figures> out = new ArrayList<>();
        for (int i = 0; i < decoders.size(); i++) {
            double[] sorted = cpu[i].clone();
            Arrays.sort(sorted);
            out.add(new Figures(decoders.get(i), median(bytes[i]), median(cpu[i]),
                    (sorted[sorted.length - 1] - sorted[0]) / median(cpu[i])));
        }
        return out;
    }

    static void print(List<Figures> figures, PrintStream out) {
        out.printf(Locale.ROOT, "%-30s %-5s %12s %12s %8s%n", "body", "who", "bytes/decode", "CPU us/dec", "spread");
        for (Figures f : figures) {
            out.printf(Locale.ROOT, "%-30s %-5s %12.0f %12.2f %7.0f%%%n", f.decoder().body(), f.decoder().name(),
                    f.bytesPerDecode(), f.cpuNanosPerDecode() / 1e3, f.spread() * 100);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
