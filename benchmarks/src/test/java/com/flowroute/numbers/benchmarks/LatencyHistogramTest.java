package com.flowroute.numbers.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void everyValueFallsInABucketThatHoldsIt() {
        for (long value : new long[] {0, 1, 127, 128, 129, 255, 256, 1_000, 123_456, 50_000_000, 1L << 40, Long.MAX_VALUE / 2}) {
            int index = LatencyHistogram.index(value);
            assertTrue(LatencyHistogram.lowerBound(index) <= value, () -> value + " below its bucket");
            assertTrue(LatencyHistogram.lowerBound(index + 1) > value, () -> value + " above its bucket");
        }
    }

    @Test
    void quantilesAreWithinTheBucketWidth() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long micros = 1; micros <= 1000; micros++) {
            histogram.record(micros * 1000);
        }

        assertEquals(1000, histogram.count());
        assertEquals(500_000, histogram.quantile(0.50), 500_000 / 64.0);
        assertEquals(990_000, histogram.quantile(0.99), 990_000 / 64.0);
        assertEquals(0, new LatencyHistogram().quantile(0.5));
    }
}
