package com.flowroute.numbers.benchmarks;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in nanoseconds, counted in buckets at most 1/64 (1.6 %) wide, from any number of
 * threads without allocating: exact below 128 ns, then 64 buckets per power of two.
 */
final class LatencyHistogram {
    private static final int LINEAR = 128;
    private static final int PER_OCTAVE = 64;
    private final AtomicLongArray counts = new AtomicLongArray(LINEAR + PER_OCTAVE * 57);

    /** Counts one latency. */
    void record(long nanos) {
        counts.incrementAndGet(index(Math.max(0, nanos)));
    }

    /** Adds every count of {@code other} to this one. */
    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length(); i++) {
            long count = other.counts.get(i);
            if (count != 0) {
                counts.addAndGet(i, count);
            }
        }
    }

    /** The number of latencies counted. */
    long count() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The latency at {@code quantile} (0..1), in nanoseconds: the middle of its bucket; 0 when empty. */
    long quantile(double quantile) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return lowerBound(i) + width(i) / 2;
            }
        }
        return lowerBound(counts.length() - 1);
    }

    static int index(long nanos) {
        if (nanos < LINEAR) {
            return (int) nanos;
        }
        int shift = (63 - Long.numberOfLeadingZeros(nanos)) - 6;
        return LINEAR + (shift - 1) * PER_OCTAVE + (int) ((nanos >>> shift) - PER_OCTAVE);
    }

    static long lowerBound(int index) {
        if (index < LINEAR) {
            return index;
        }
        int shift = (index - LINEAR) / PER_OCTAVE + 1;
        return ((long) ((index - LINEAR) % PER_OCTAVE + PER_OCTAVE)) << shift;
    }

    private static long width(int index) {
        return index < LINEAR ? 1 : 1L << ((index - LINEAR) / PER_OCTAVE + 1);
    }
}
