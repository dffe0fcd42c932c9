package com.flowroute.numbers.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work on many items (numbers to buy, route or release) with bounded concurrency on the
 * reactive client, waiting on the calling thread. One item's failure is that item's outcome,
 * never the end of the run. Ctrl-C (an interrupt of the waiting thread) cancels the calls in
 * flight and starts no more: each item is then reported done, failed, in flight (outcome unknown)
 * or not started.
 */
final class BulkRun {
    private BulkRun() {}

    /** What became of one item. */
    enum State {
        /** Done as asked. */
        DONE,
        /** Nothing to do: already so, or given twice. */
        SKIPPED,
        /** Flowroute refused or failed; the detail says why. */
        FAILED,
        /** Cancelled by Ctrl-C while its call was in flight: it may or may not have taken effect. */
        IN_FLIGHT,
        /** Not started before Ctrl-C. */
        NOT_STARTED
    }

    /** The outcome of {@code item}, with a detail (a reason, a warning) or null. */
    record Outcome(String item, State state, String detail) {
        static Outcome done(String item, String detail) {
            return new Outcome(item, State.DONE, detail);
        }

        static Outcome skipped(String item, String reason) {
            return new Outcome(item, State.SKIPPED, reason);
        }

        static Outcome failed(String item, String reason) {
            return new Outcome(item, State.FAILED, reason);
        }
    }

    /** Every item's outcome, in the order given, and whether Ctrl-C stopped the run. */
    record Result(List<Outcome> outcomes, boolean interrupted) {
        long count(State state) {
            return outcomes.stream().filter(outcome -> outcome.state() == state).count();
        }

        /**
         * The exit status: 130 when interrupted; 0 when every item was done or skipped and
         * {@code complete} (nothing asked for is missing); 1 when none was; 3 otherwise.
         */
        int status(boolean complete) {
            if (interrupted) {
                return Exit.INTERRUPTED;
            }
            long achieved = count(State.DONE) + count(State.SKIPPED);
            if (achieved == outcomes.size() && complete) {
                return Exit.OK;
            }
            return achieved == 0 ? Exit.FAILED : Exit.PARTIAL;
        }
    }

    /**
     * Runs {@code work} on each of {@code items} (distinct), at most {@code concurrency} at a
     * time, and returns once all are done or Ctrl-C came.
     *
     * @param work the call for one item: emits its outcome; an error is the item's failure
     * @param progress stepped once per item finished
     */
    static Result run(List<String> items, Function<String, Mono<Outcome>> work, int concurrency, Progress progress,
            Interruption interruption) {
        Map<String, Outcome> finished = new ConcurrentHashMap<>();
        Set<String> started = ConcurrentHashMap.newKeySet();
        CountDownLatch end = new CountDownLatch(1);
        AtomicReference<Throwable> crash = new AtomicReference<>();
        // Starting an item and stopping the run exclude each other, so that once stopped, the set
        // of items started is final: flatMap may still be subscribing to the next item on a Netty
        // thread while the waiting thread cancels.
        Object startLock = new Object();
        AtomicBoolean stopped = new AtomicBoolean();
        boolean interrupted = interruption.requested();
        if (!interrupted) {
            Disposable run = Flux.fromIterable(items)
                    .flatMap(item -> Mono.defer(() -> {
                                synchronized (startLock) {
                                    if (stopped.get()) {
                                        return Mono.<Outcome>empty();
                                    }
                                    started.add(item);
                                }
                                return work.apply(item);
                            })
                            // A failed item is an outcome to report, not the end of the run.
                            .onErrorResume(error -> Mono.just(Outcome.failed(item, Exit.describe(error))))
                            .doOnNext(outcome -> {
                                finished.put(item, outcome);
                                progress.step();
                            }), concurrency)
                    .subscribe(null, error -> {
                        crash.set(error);
                        end.countDown();
                    }, end::countDown);
            try {
                end.await();
            } catch (InterruptedException e) {
                interrupted = true;
                synchronized (startLock) {
                    stopped.set(true);
                }
                run.dispose();
            }
        }
        progress.close();
        if (crash.get() != null) {
            throw new IllegalStateException("the bulk run failed: " + crash.get().getMessage(), crash.get());
        }
        List<Outcome> outcomes = new ArrayList<>(items.size());
        for (String item : items) {
            Outcome outcome = finished.get(item);
            if (outcome == null) {
                outcome = started.contains(item)
                        ? new Outcome(item, State.IN_FLIGHT, "in flight when interrupted: it may or may not have taken effect")
                        : new Outcome(item, State.NOT_STARTED, "not started: interrupted");
            }
            outcomes.add(outcome);
        }
        return new Result(List.copyOf(outcomes), interrupted);
    }
}
