package com.flowroute.numbers.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine's CPUs were, and how much of that was this JVM: two readings give the
 * cores that other processes used in between, the noise that no interleaving removes. Reads
 * {@code /proc/stat}; elsewhere it reports nothing.
 */
final class CpuMeter {
    private static final Path STAT = Path.of("/proc/stat");
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final long busyTicks;
    private final long totalTicks;
    private final long processNanos;
    private final long wallNanos;

    private CpuMeter(long busyTicks, long totalTicks) {
        this.busyTicks = busyTicks;
        this.totalTicks = totalTicks;
        this.processNanos = OS.getProcessCpuTime();
        this.wallNanos = System.nanoTime();
    }

    /** The counters now. */
    static CpuMeter read() {
        try {
            String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new CpuMeter(total - idle, total);
        } catch (IOException | RuntimeException e) {
            return new CpuMeter(-1, -1);
        }
    }

    /** Cores that other processes kept busy since {@code before}, on average; NaN when unknown. */
    double othersCoresSince(CpuMeter before) {
        if (busyTicks < 0 || before.busyTicks < 0 || totalTicks == before.totalTicks) {
            return Double.NaN;
        }
        double machineCores = (double) (busyTicks - before.busyTicks) / (totalTicks - before.totalTicks) * CORES;
        double ownCores = (double) (processNanos - before.processNanos) / (wallNanos - before.wallNanos);
        return Math.max(0, machineCores - ownCores);
    }

    /** Cores that this JVM kept busy since {@code before}, on average. */
    double ownCoresSince(CpuMeter before) {
        return (double) (processNanos - before.processNanos) / (wallNanos - before.wallNanos);
    }
}
