package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.internal.WireRequest;
import com.flowroute.numbers.internal.v1.RequestSigner;
import com.flowroute.numbers.internal.v1.V1Wire;
import com.flowroute.numbers.internal.v2.BasicAuthenticator;
import com.flowroute.numbers.internal.v2.V2Wire;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
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

    /** One decoder of one body (or, for signing, one signer of one request: {@code bytes} unused). */
    record Decoder(String body, String name, byte[] bytes, Function<byte[], Object> decode) {
        static Decoder of(String body, String name, byte[] bytes, Function<byte[], Page<?>> decode) {
            return new Decoder(body, name, bytes, decode::apply);
        }
    }

    /** The median figures of one decoder. */
    record Figures(Decoder decoder, double bytesPerDecode, double cpuNanosPerDecode, double spread) {}

    private DecodeProfile() {}

    static List<Decoder> decoders() {
        byte[] v1Page = FixedResponses.accountPage(2);
        byte[] v2Page = FixedResponses.v2AccountPage(FixedResponses.ACCOUNT_PAGE_SIZE);
        return List.of(
                Decoder.of("v1 search, 10 numbers", "SDK", FixedResponses.SEARCH, V1Wire.SEARCH::decode),
                Decoder.of("v1 search, 10 numbers", "hand", FixedResponses.SEARCH, HandParser::availableNumbers),
                Decoder.of("v1 account page, 200 numbers", "SDK", v1Page, V1Wire.ACCOUNT_NUMBERS::decode),
                Decoder.of("v1 account page, 200 numbers", "hand", v1Page, HandParser::accountNumbers),
                Decoder.of("v2 search, 10 numbers", "SDK", FixedResponses.V2_SEARCH, V2Wire.SEARCH::decode),
                Decoder.of("v2 search, 10 numbers", "hand", FixedResponses.V2_SEARCH, HandParser::v2AvailableNumbers),
                Decoder.of("v2 account page, 200 numbers", "SDK", v2Page, V2Wire.ACCOUNT_NUMBERS::decode),
                Decoder.of("v2 account page, 200 numbers", "hand", v2Page, HandParser::v2AccountNumbers));
    }

    /** Authenticating the search request: the SDK's v1 signer and v2 Basic, against the floor's. */
    static List<Decoder> signers() {
        FlowrouteCredentials credentials = FlowrouteCredentials.of(BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY);
        URI origin = URI.create("http://127.0.0.1:8080");
        RequestSigner signer = new RequestSigner(credentials, Clock.systemUTC());
        BasicAuthenticator basic = new BasicAuthenticator(credentials, origin);
        WireRequest v1 = WireRequest.get(FixedResponses.SEARCH_PATH, List.of(Map.entry("npa", "206"), Map.entry("limit", "10")));
        WireRequest v2 = WireRequest.get(FixedResponses.V2_SEARCH_PATH, List.of(Map.entry("starts_with", "1206"),
                Map.entry("limit", "10")));
        HandAuth handV1 = new HandAuth(FlowrouteApiVersion.V1, origin.toString(), BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY);
        HandAuth handV2 = new HandAuth(FlowrouteApiVersion.V2, origin.toString(), BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY);
        byte[] none = new byte[0];
        return List.of(
                new Decoder("v1 search request", "SDK", none, b -> signer.sign(origin, v1)),
                new Decoder("v1 search request", "hand", none,
                        b -> handV1.headers(FixedResponses.SEARCH_PATH, FixedResponses.SEARCH_QUERY)),
                new Decoder("v2 search request", "SDK", none, b -> basic.prepare(v2)),
                new Decoder("v2 search request", "hand", none,
                        b -> handV2.headers(FixedResponses.V2_SEARCH_PATH, FixedResponses.V2_SEARCH_QUERY)));
    }

    /**
     * {@code [seconds per batch] [batches] [index of one decoder]}: the last runs only that
     * decoder (for a profiler such as JFR).
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 0.5;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        List<Decoder> all = args.length > 2 && args[2].equals("sign") ? signers() : decoders();
        List<Decoder> decoders = args.length > 2 && !args[2].equals("sign") ? List.of(all.get(Integer.parseInt(args[2]))) : all;
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
                sink += decoders.get(i).decode().apply(decoders.get(i).bytes()).hashCode();
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
                    sink += decoder.decode().apply(decoder.bytes()).hashCode();
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
