package com.flowroute.numbers.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report pairs contenders round by round and says which goals are met, from figures made up here. */
class ReportTest {
    // A round of `calls` in one second, `bytes` and `cpuMicros` per call.
    private static ClosedLoop.Window window(long calls, long bytes, long cpuMicros) {
        return new ClosedLoop.Window(calls, 0, 1_000_000_000L, bytes * calls, Map.of(), new LatencyHistogram(), null, 0,
                Map.of("reactor-http-epoll", cpuMicros * 1000 * calls));
    }

    private static ThroughputRun.Results search(long[] sdkCalls, long[] floorCalls, long sdkBytes, long floorBytes) {
        ThroughputRun.Results results = new ThroughputRun.Results(Report.SEARCH_GROUP, new int[] {16}, sdkCalls.length,
                Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO);
        ThroughputRun.Cell sdk = new ThroughputRun.Cell("v1 search, SDK reactive", 16);
        ThroughputRun.Cell floor = new ThroughputRun.Cell("v1 search, floor (Reactor Netty)", 16);
        for (int r = 0; r < sdkCalls.length; r++) {
            sdk.add(window(sdkCalls[r], sdkBytes, 20));
            floor.add(window(floorCalls[r], floorBytes, 25));
        }
        results.cells.put(sdk.contender, Map.of(16, sdk));
        results.cells.put(floor.contender, Map.of(16, floor));
        return results;
    }

    @Test
    void ratiosArePairedByRoundAndTheirMedianDecides() {
        Report report = new Report(new Machine(), Instant.parse("2026-01-01T00:00:00Z"), true);
        // Round ratios 0.5, 1.2, 1.1: the median is 1.1, although the totals give 0.93.
        report.throughput(search(new long[] {500, 1200, 1100}, new long[] {1000, 1000, 1000}, 1000, 1000));

        Report.Paired throughput = report.throughput(Report.SEARCH_GROUP, "v1 search, SDK reactive",
                "v1 search, floor (Reactor Netty)", 16);
        assertEquals(1.1, throughput.median(), 1e-9);
        assertEquals(0.5, throughput.min(), 1e-9);
        assertEquals(1.2, throughput.max(), 1e-9);
        assertEquals(0.8, report.paired(Report.SEARCH_GROUP, "v1 search, SDK reactive", "v1 search, floor (Reactor Netty)", 16,
                Report::cpuOf).median(), 1e-9);
        String markdown = report.markdown();
        assertTrue(markdown.contains("| throughput, SDK reactive / floor, v1 search, c=16: at least 1.0 | 1.10 (0.50–1.20);"),
                markdown);
        assertTrue(markdown.contains("| allocation per call, SDK reactive / floor, v1 search: at most 1.1 | c=16: 1.00 | yes |"),
                markdown);
    }

    @Test
    void aMissedGoalIsSaidSo() {
        Report report = new Report(new Machine(), Instant.parse("2026-01-01T00:00:00Z"), true);
        report.throughput(search(new long[] {900, 900, 900}, new long[] {1000, 1000, 1000}, 1300, 1000));

        String markdown = report.markdown();
        assertTrue(markdown.contains("v1 search, c=16: at least 1.0 | 0.90 (0.90–0.90); CPU per call 0.80 (0.80–0.80) | **no** |"),
                markdown);
        assertTrue(markdown.contains("| allocation per call, SDK reactive / floor, v1 search: at most 1.1 | c=16: 1.30 | **no** |"),
                markdown);
    }
}
