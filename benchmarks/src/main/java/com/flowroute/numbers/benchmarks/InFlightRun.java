package com.flowroute.numbers.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many searches started at once against a server that waits before each answer: how long until
 * the last one ends, against the ideal; how many the server saw at once; which threads worked;
 * how many failed.
 */
final class InFlightRun {
    /** What one burst measured. */
    static final class Burst {
        final String contender;
        final int calls;
        final Duration latency;
        final int poolSize;
        final double wallMillis;
        final long errors;
        final Throwable firstError;
        final int serverMaxInFlight;
        final long connectionsOpened;
        final Map<String, Integer> busyThreads;
        final int threadsStarted;

        Burst(String contender, int calls, Duration latency, int poolSize, double wallMillis, long errors,
                Throwable firstError, int serverMaxInFlight, long connectionsOpened, Map<String, Integer> busyThreads,
                int threadsStarted) {
            this.contender = contender;
            this.calls = calls;
            this.latency = latency;
            this.poolSize = poolSize;
            this.wallMillis = wallMillis;
            this.errors = errors;
            this.firstError = firstError;
            this.serverMaxInFlight = serverMaxInFlight;
            this.connectionsOpened = connectionsOpened;
            this.busyThreads = busyThreads;
            this.threadsStarted = threadsStarted;
        }

        /** The best possible wall time with this pool: one server latency per wave of {@code poolSize} calls. */
        double idealMillis() {
            return Math.ceil((double) calls / poolSize) * latency.toMillis();
        }

        /** Threads of the JVM itself, left out of {@link #busyThreads}. */
        static boolean housekeeping(String name) {
            return name.equals("Common-Cleaner") || name.equals("Reference Handler") || name.equals("Finalizer")
                    || name.equals("Signal Dispatcher") || name.equals("Notification Thread") || name.equals("Attach Listener");
        }

        int busyThreadCount() {
            return busyThreads.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private InFlightRun() {}

    /**
     * Starts {@code calls} searches of {@code contender} at once and waits for all of them.
     *
     * @param poolSize the contender's connection limit, for the ideal
     */
    static Burst run(LoopbackServer server, Contender contender, int poolSize, int calls, Duration latency) {
        server.latency(latency);
        server.resetMaxInFlight();
        long connectionsBefore = server.connections();
        LongAdder errors = new LongAdder();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(calls);
        Contender.Completion done = (items, error) -> {
            if (error != null || items != contender.workload().items) {
                errors.increment();
                firstError.compareAndSet(null, error != null ? error : new IllegalStateException(items + " items"));
            }
            finished.countDown();
        };
        ThreadSnapshot before = ThreadSnapshot.take();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < calls; i++) {
                contender.call(done);
            }
            if (!finished.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(contender.name() + ": " + finished.getCount() + " of " + calls
                        + " calls still running after 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            server.latency(Duration.ZERO);
        }
        double wallMillis = (System.nanoTime() - start) / 1e6;
        ThreadSnapshot after = ThreadSnapshot.take();
        return new Burst(contender.name(), calls, latency, poolSize, wallMillis, errors.sum(), firstError.get(),
                server.maxInFlight(), server.connections() - connectionsBefore,
                withoutHousekeeping(after.busyThreadsSince(before, Thread.currentThread())), after.startedSince(before));
    }

    private static Map<String, Integer> withoutHousekeeping(Map<String, Integer> threads) {
        threads.keySet().removeIf(Burst::housekeeping);
        return threads;
    }
}
