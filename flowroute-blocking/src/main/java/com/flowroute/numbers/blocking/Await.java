package com.flowroute.numbers.blocking;

import com.flowroute.numbers.FlowrouteTransportException;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * The one place where the blocking facade waits for the reactive client.
 *
 * <p>It refuses to block a non-blocking Reactor thread, waits interruptibly (cancelling the call
 * when interrupted), and rethrows the call's own exception, unwrapped, with the caller's stack
 * trace attached as a suppressed {@link FlowrouteCallSite}. It sets no timeout of its own: every
 * reactive call is already bounded by the client's connect and per-attempt response timeouts and
 * by its retry policy, so a wait here ends when the call does.
 *
 * <p>{@code Mono.block()} and {@code Flux.toIterable()} are not used on purpose: the first wraps
 * interrupts and checked errors in Reactor's own exceptions, the second requests ahead and would
 * fetch pages nobody asked for.
 */
final class Await {
    private Await() {}

    /** Runs {@code call} and returns once it completed; throws what it signalled. */
    static void completion(Mono<Void> call) {
        new Cursor<>(call).next();
    }

    /** Runs {@code call} and returns its value; throws what it signalled. */
    static <T> T value(Mono<T> call) {
        T value = new Cursor<>(call).next();
        if (value == null) {
            throw new FlowrouteTransportException("the call completed without a value", null);
        }
        return value;
    }

    /**
     * Reads a publisher one element at a time on the calling thread: it subscribes on the first
     * {@link #next()}, requests exactly one element per {@code next()} that finds none waiting,
     * and never asks for more. {@link #next()} is for one thread at a time, as for any iterator;
     * {@link #close()} may come from any thread.
     *
     * @param <T> the element type
     */
    static final class Cursor<T> implements CoreSubscriber<T> {
        private static final Object COMPLETE = new Object();

        private final Publisher<? extends T> source;
        // Keeps a request or a cancel made before onSubscribe, and cancels a late subscription.
        private final Operators.DeferredSubscription subscription = new Operators.DeferredSubscription();
        private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
        // Touched by the reading thread only.
        private boolean subscribed;
        private volatile boolean done;
        // The calling thread's observation and the like, captured here, before the thread blocks.
        private final Context context = CallerContext.capture();

        Cursor(Publisher<? extends T> source) {
            this.source = source;
        }

        @Override
        public Context currentContext() {
            return context;
        }

        /**
         * The next element, waiting for it if need be; null once the source completed or the
         * cursor was closed.
         *
         * @throws IllegalStateException on a non-blocking Reactor thread, before anything is sent
         * @throws FlowrouteTransportException when the thread is interrupted (the flag stays set)
         */
        @SuppressWarnings("unchecked")
        T next() {
            if (done) {
                return null;
            }
            refuseNonBlockingThread();
            Object signal = signals.poll();
            if (signal == null) {
                signal = requestOne();
            }
            if (signal == COMPLETE) {
                done = true;
                return null;
            }
            if (signal instanceof Failure) {
                done = true;
                throw rethrow(((Failure) signal).error);
            }
            return (T) signal;
        }

        /**
         * Cancels the subscription: no further request is sent, one in flight is abandoned. A
         * reader waiting in {@link #next()} on another thread (a stream closed from elsewhere)
         * wakes up and gets null.
         */
        void close() {
            done = true;
            subscription.cancel();
            signals.offer(COMPLETE);
        }

        private Object requestOne() {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(new InterruptedException("interrupted before the call"));
            }
            if (!subscribed) {
                subscribed = true;
                source.subscribe(this);
            }
            subscription.request(1);
            try {
                return signals.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(e);
            }
        }

        private FlowrouteTransportException interrupted(InterruptedException cause) {
            close();
            return new FlowrouteTransportException("the blocking FlowrouteClient call was interrupted; its request,"
                    + " if already sent, was cancelled, so whether a write took effect is unknown", cause);
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription.set(s);
        }

        @Override
        public void onNext(T element) {
            signals.offer(element);
        }

        @Override
        public void onError(Throwable error) {
            signals.offer(new Failure(error));
        }

        @Override
        public void onComplete() {
            signals.offer(COMPLETE);
        }
    }

    private static void refuseNonBlockingThread() {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("a blocking FlowrouteClient call was made on the non-blocking Reactor thread "
                    + Thread.currentThread().getName() + ", which must never wait; use ReactiveFlowrouteClient there"
                    + " (FlowrouteClient.reactive()), or make the blocking call on Schedulers.boundedElastic()");
        }
    }

    /** The exception to throw for an error signal: the call's own exception, not a wrapper. */
    private static RuntimeException rethrow(Throwable error) {
        // Unwraps Reactor's carrier of checked exceptions (Exceptions.propagate).
        Throwable cause = Exceptions.unwrap(error);
        if (cause instanceof RuntimeException || cause instanceof Error) {
            cause.addSuppressed(new FlowrouteCallSite());
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            return (RuntimeException) cause;
        }
        return new FlowrouteTransportException("the call failed: " + cause, cause);
    }

    private static final class Failure {
        final Throwable error;

        Failure(Throwable error) {
            this.error = error;
        }
    }

    /**
     * Records where a blocking call was made: the exception it carries was created on a Reactor
     * thread, whose stack trace does not show the caller.
     */
    private static final class FlowrouteCallSite extends Exception {
        private static final long serialVersionUID = 1L;

        FlowrouteCallSite() {
            super("the blocking FlowrouteClient call was made here");
            StackTraceElement[] frames = getStackTrace();
            int first = 0;
            while (first < frames.length && frames[first].getClassName().startsWith(Await.class.getName())) {
                first++;
            }
            setStackTrace(Arrays.copyOfRange(frames, first, frames.length));
        }
    }
}
