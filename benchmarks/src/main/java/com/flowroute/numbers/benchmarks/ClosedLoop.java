package com.flowroute.numbers.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps a fixed number of calls in flight for a while: each call, when it ends, starts the
 * next (on the thread that completed it, as a reactive application would), until the time is
 * up; then waits for the last calls. A blocking contender gets one caller thread per concurrent
 * call instead. Measures the calls, their latencies, and the bytes the clients allocated.
 */
final class ClosedLoop {
    /** Stops a window early when calls fail this often: the figures would mean nothing. */
    private static final long MAX_ERRORS = 1000;

    /** What one window measured. */
    static final class Window {
        final long calls;
        final long errors;
        final long nanos;
        final long allocatedBytes;
        /** Threads that ended during the window, by group: what they allocated in it is not counted. */
        final Map<String, Integer> threadsEnded;
        final LatencyHistogram latencies;
        final Throwable firstError;
        /** Cores used by other processes during the window, on average; NaN when unknown. */
        final double othersCores;
        /** CPU time of this JVM's threads during the window, by thread group. */
        final Map<String, Long> cpuNanos;

        Window(long calls, long errors, long nanos, long allocatedBytes, Map<String, Integer> threadsEnded, LatencyHistogram latencies,
                Throwable firstError, double othersCores, Map<String, Long> cpuNanos) {
            this.calls = calls;
            this.errors = errors;
            this.nanos = nanos;
            this.allocatedBytes = allocatedBytes;
            this.threadsEnded = threadsEnded;
            this.latencies = latencies;
            this.firstError = firstError;
            this.othersCores = othersCores;
            this.cpuNanos = cpuNanos;
        }

        double perSecond() {
            return calls * 1e9 / nanos;
        }
    }

    private ClosedLoop() {}

    /**
     * Runs {@code contender} with {@code concurrency} calls in flight for {@code duration}.
     *
     * @param callers the threads of a blocking contender: at least {@code concurrency}, started
     */
    static Window run(Contender contender, int concurrency, Duration duration, ExecutorService callers) {
        LatencyHistogram latencies = new LatencyHistogram();
        LongAdder calls = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(concurrency);
        ThreadSnapshot before = ThreadSnapshot.take();
        CpuMeter cpuBefore = CpuMeter.read();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int i = 0; i < concurrency; i++) {
            Caller caller = new Caller(contender, deadline, latencies, calls, errors, firstError, finished);
            if (contender.blocking()) {
                callers.execute(caller::loop);
            } else {
                caller.next();
            }
        }
        try {
            if (!finished.await(duration.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(contender.name() + ": calls still running 60 s after the window closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        long nanos = System.nanoTime() - start;
        double othersCores = CpuMeter.read().othersCoresSince(cpuBefore);
        ThreadSnapshot after = ThreadSnapshot.take();
        return new Window(calls.sum(), errors.sum(), nanos, after.clientBytesSince(before), after.endedSince(before),
                latencies, firstError.get(), othersCores, after.cpuNanosSince(before));
    }

    /** One of the concurrent chains of calls. */
    private static final class Caller implements Contender.Completion {
        private final Contender contender;
        private final long deadline;
        private final LatencyHistogram latencies;
        private final LongAdder calls;
        private final LongAdder errors;
        private final AtomicReference<Throwable> firstError;
        private final CountDownLatch finished;
        // Written before each call and read by its completion, which the client's hand-off orders after it.
        private long started;

        Caller(Contender contender, long deadline, LatencyHistogram latencies, LongAdder calls, LongAdder errors,
                AtomicReference<Throwable> firstError, CountDownLatch finished) {
            this.contender = contender;
            this.deadline = deadline;
            this.latencies = latencies;
            this.calls = calls;
            this.errors = errors;
            this.firstError = firstError;
            this.finished = finished;
        }

        /** Blocking contenders: calls one after the other on this thread until the deadline. */
        void loop() {
            try {
                while (System.nanoTime() < deadline && errors.sum() < MAX_ERRORS) {
                    started = System.nanoTime();
                    contender.call(this);
                }
            } finally {
                finished.countDown();
            }
        }

        /** Non-blocking contenders: starts the next call, or ends the chain when the time is up. */
        void next() {
            if (System.nanoTime() >= deadline || errors.sum() >= MAX_ERRORS) {
                finished.countDown();
                return;
            }
            started = System.nanoTime();
            try {
                contender.call(this);
            } catch (RuntimeException e) {
                complete(0, e);
            }
        }

        @Override
        public void complete(int items, Throwable error) {
            latencies.record(System.nanoTime() - started);
            calls.increment();
            int expected = contender.workload().items;
            if (error != null || items != expected) {
                errors.increment();
                firstError.compareAndSet(null, error != null ? error
                        : new IllegalStateException(items + " items instead of " + expected));
            }
            if (!contender.blocking()) {
                next();
            }
        }
    }
}
