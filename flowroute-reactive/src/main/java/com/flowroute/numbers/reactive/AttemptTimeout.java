package com.flowroute.numbers.reactive;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The response timeout of one attempt, as {@code Mono.timeout} kept it (from subscription to the
 * answer, a {@link TimeoutException} when it elapses, the attempt cancelled), but with its timer
 * on one of the HTTP client's Netty event loops: the one subscribing when there is one, which
 * is where a reactive caller's next call starts. There a timer is an entry in the loop's own
 * queue, where {@code Mono.timeout} puts a task on Reactor's {@code parallel} scheduler (a lock,
 * and a wake-up of its thread for every call when few are in flight) and describes the operator
 * chain for its message on every subscription.
 */
final class AttemptTimeout<T> extends Mono<T> {
    private final Mono<T> source;
    private final long millis;
    private final Timers timers;

    AttemptTimeout(Mono<T> source, Duration timeout, Timers timers) {
        this.source = source;
        this.millis = timeout.toMillis();
        this.timers = timers;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        source.subscribe(new TimeoutSubscriber<>(actual, millis, timers.current()));
    }

    /** The event loops of a client, resolved on first use (so that building a client starts no thread). */
    static final class Timers {
        private final java.util.function.Supplier<EventLoopGroup> group;
        private volatile EventExecutor[] loops;

        Timers(java.util.function.Supplier<EventLoopGroup> group) {
            this.group = group;
        }

        /** The loop running the current thread, or the group's next one. */
        EventExecutor current() {
            EventExecutor[] known = loops;
            if (known == null) {
                List<EventExecutor> all = new ArrayList<>();
                group.get().forEach(all::add);
                known = all.toArray(new EventExecutor[0]);
                loops = known;
            }
            for (EventExecutor loop : known) {
                if (loop.inEventLoop()) {
                    return loop;
                }
            }
            return known.length == 1 ? known[0] : group.get().next();
        }
    }

    private static final class TimeoutSubscriber<T> implements CoreSubscriber<T>, Subscription, Runnable {
        private static final int RUNNING = 0;
        private static final int VALUE = 1;
        private static final int DONE = 2;
        private static final int TIMED_OUT = 3;
        @SuppressWarnings("rawtypes")
        private static final AtomicIntegerFieldUpdater<TimeoutSubscriber> STATE =
                AtomicIntegerFieldUpdater.newUpdater(TimeoutSubscriber.class, "state");

        private final CoreSubscriber<? super T> actual;
        private final long millis;
        private final EventExecutor loop;
        private volatile int state;
        private Subscription upstream;
        private volatile ScheduledFuture<?> timer;

        TimeoutSubscriber(CoreSubscriber<? super T> actual, long millis, EventExecutor loop) {
            this.actual = actual;
            this.millis = millis;
            this.loop = loop;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            if (Operators.validate(upstream, subscription)) {
                upstream = subscription;
                timer = loop.schedule(this, millis, TimeUnit.MILLISECONDS);
                actual.onSubscribe(this);
            }
        }

        // The timer.
        @Override
        public void run() {
            if (STATE.compareAndSet(this, RUNNING, TIMED_OUT)) {
                upstream.cancel();
                actual.onError(new TimeoutException("no answer within " + millis + " ms"));
            }
        }

        @Override
        public void onNext(T value) {
            if (STATE.compareAndSet(this, RUNNING, VALUE)) {
                stopTimer();
                actual.onNext(value);
            } else {
                Operators.onNextDropped(value, actual.currentContext());
            }
        }

        @Override
        public void onError(Throwable error) {
            int now = state;
            if (now == VALUE ? STATE.compareAndSet(this, VALUE, DONE) : STATE.compareAndSet(this, RUNNING, DONE)) {
                stopTimer();
                actual.onError(error);
            } else {
                Operators.onErrorDropped(error, actual.currentContext());
            }
        }

        @Override
        public void onComplete() {
            int now = state;
            if (now == VALUE ? STATE.compareAndSet(this, VALUE, DONE) : STATE.compareAndSet(this, RUNNING, DONE)) {
                stopTimer();
                actual.onComplete();
            }
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            STATE.set(this, DONE);
            stopTimer();
            upstream.cancel();
        }

        private void stopTimer() {
            ScheduledFuture<?> scheduled = timer;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
