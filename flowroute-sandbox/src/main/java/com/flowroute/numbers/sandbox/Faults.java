package com.flowroute.numbers.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * Faults to inject into the sandbox's answers, to test how a client copes with a failing server.
 *
 * <p>A fault is defined in one sentence: how many requests it hits, optionally which ones, and
 * what happens to them.
 *
 * <pre>{@code
 * sandbox.faults().next(2).matching("PUT", "/v1/tns/").respond(503);        // two 503s, then normal
 * sandbox.faults().next(1).respond(429, Duration.ofSeconds(3));             // with Retry-After: 3
 * sandbox.faults().next(1).matching("GET", "/v1/routes/").delay(Duration.ofSeconds(2));
 * sandbox.faults().next(1).dropConnection();                                // closed, unanswered
 * sandbox.faults().next(1).matching("PUT", "/v1/tns/").processThenDrop();   // bought, unanswered
 * sandbox.faults().always().matching("*", "/v1/available-tns/").respond(500);
 * sandbox.faults().randomly(0.02, 42).respond(503);                        // about 2% of requests
 * }</pre>
 *
 * <p>Faults are matched in the order they were defined; a request takes one use of the first
 * fault that matches it and still has uses left, and a fault is forgotten once used up. A
 * {@link #randomly(double, long) random} fault that misses a request leaves it to the faults
 * defined after it. {@link #clear()} and {@link FlowrouteSandbox#reset()} forget them all.
 * Thread-safe.
 */
public final class Faults {
    private final List<PendingFault> armed = new ArrayList<>();

    Faults() {}

    /**
     * Starts defining a fault for the next {@code times} requests that match it.
     *
     * @param times how many requests the fault hits, 1 or more
     * @return the fault being defined: it does nothing until one of its actions is called
     * @throws IllegalArgumentException if {@code times} is less than 1
     */
    public FaultDefinition next(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times " + times + " is invalid: must be 1 or more");
        }
        return new FaultDefinition(times);
    }

    /**
     * Starts defining a fault for every request that matches it, until {@link #clear()} or
     * {@link FlowrouteSandbox#reset()}.
     *
     * @return the fault being defined: it does nothing until one of its actions is called
     */
    public FaultDefinition always() {
        return new FaultDefinition(PendingFault.UNLIMITED);
    }

    /**
     * Starts defining a fault that hits each matching request with probability {@code probability},
     * until {@link #clear()} or {@link FlowrouteSandbox#reset()}: for load tests with a few
     * percent of requests failing. The hits are drawn from a {@link Random} seeded with
     * {@code seed}, one draw per matching request in the order the requests arrive, so the same
     * seed and the same order of requests give the same faults. A request the fault misses goes
     * on to the faults defined after it.
     *
     * @param probability the chance of each matching request being hit, 0.0 to 1.0
     * @param seed the seed of the draws
     * @return the fault being defined: it does nothing until one of its actions is called
     * @throws IllegalArgumentException if {@code probability} is not between 0.0 and 1.0
     */
    public FaultDefinition randomly(double probability, long seed) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability " + probability + " is invalid: must be between 0.0 and 1.0");
        }
        return new FaultDefinition(PendingFault.UNLIMITED, probability, new Random(seed));
    }

    /** Forgets every fault not yet used up. */
    public synchronized void clear() {
        armed.clear();
    }

    /** How many faults still have uses left. */
    public synchronized int pending() {
        return armed.size();
    }

    /** Takes one use of the first fault that matches, or returns null when none does. */
    synchronized Fault take(String method, String rawPath) {
        for (Iterator<PendingFault> it = armed.iterator(); it.hasNext(); ) {
            PendingFault candidate = it.next();
            if (candidate.matches(method, rawPath) && candidate.hits()) {
                if (candidate.remaining != PendingFault.UNLIMITED && --candidate.remaining == 0) {
                    it.remove();
                }
                return candidate.fault;
            }
        }
        return null;
    }

    private synchronized Faults arm(PendingFault fault) {
        armed.add(fault);
        return this;
    }

    /**
     * A fault being defined: optionally narrow it with {@link #matching(String, String)}, then
     * choose what it does. Only that last call arms it, and only once.
     */
    public final class FaultDefinition {
        private final int times;
        private final double probability;
        private final Random random;
        private String method = "*";
        private String pathPrefix = "/";
        private boolean done;

        private FaultDefinition(int times) {
            this(times, 1.0, null);
        }

        private FaultDefinition(int times, double probability, Random random) {
            this.times = times;
            this.probability = probability;
            this.random = random;
        }

        /**
         * Hits only the requests with this method whose path starts with {@code pathPrefix}.
         * Without this call, a fault hits any request.
         *
         * @param method the method, such as {@code PUT} (any case), or {@code *} for any
         * @param pathPrefix the start of the path as sent (percent-encoded), such as {@code /v1/tns/}
         * @return this rule
         */
        public FaultDefinition matching(String method, String pathPrefix) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
            return this;
        }

        /**
         * Answers with {@code status} and a JSON error body instead of handling the request: the
         * request has no effect.
         *
         * @param status an error status, 400 to 599
         * @return the sandbox's faults, to define another
         * @throws IllegalArgumentException if {@code status} is not 400 to 599
         */
        public Faults respond(int status) {
            return arm(Fault.status(status, null));
        }

        /**
         * Like {@link #respond(int)}, with a {@code Retry-After} header of {@code retryAfter} in
         * whole seconds, rounded up: for 429 and 503.
         *
         * @param status an error status, 400 to 599
         * @param retryAfter how long the client should wait, zero or more
         * @return the sandbox's faults, to define another
         * @throws IllegalArgumentException if {@code status} is not 400 to 599 or {@code retryAfter} is negative
         */
        public Faults respond(int status, Duration retryAfter) {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter " + retryAfter + " is invalid: must not be negative");
            }
            return arm(Fault.status(status, retryAfter));
        }

        /**
         * Waits {@code delay} (without holding a thread), then handles the request as usual. A
         * client that gives up and closes the connection during the wait cancels the request,
         * which then has no effect and is journaled unanswered.
         *
         * @param delay how long to wait, zero or more
         * @return the sandbox's faults, to define another
         * @throws IllegalArgumentException if {@code delay} is negative
         */
        public Faults delay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay " + delay + " is invalid: must not be negative");
            }
            return arm(new Fault(Fault.Kind.DELAY, 0, null, delay));
        }

        /**
         * Closes the connection without answering and without handling the request: it has no
         * effect. The client sees the connection closed.
         *
         * @return the sandbox's faults, to define another
         */
        public Faults dropConnection() {
            return arm(new Fault(Fault.Kind.DROP, 0, null, null));
        }

        /**
         * Handles the request as usual (a purchase takes effect, a route is created) and then
         * closes the connection without answering: to test that a client reconciles a request
         * whose outcome it never learned.
         *
         * @return the sandbox's faults, to define another
         */
        public Faults processThenDrop() {
            return arm(new Fault(Fault.Kind.PROCESS_THEN_DROP, 0, null, null));
        }

        private Faults arm(Fault fault) {
            synchronized (Faults.this) {
                if (done) {
                    throw new IllegalStateException("this fault is already defined: start another with next(n) or always()");
                }
                done = true;
            }
            return Faults.this.arm(new PendingFault(method, pathPrefix, times, fault, probability, random));
        }
    }

    /** What an injected fault does. */
    static final class Fault {
        enum Kind { STATUS, DELAY, DROP, PROCESS_THEN_DROP }

        final Kind kind;
        final int status;
        final Duration retryAfter;
        final Duration delay;

        Fault(Kind kind, int status, Duration retryAfter, Duration delay) {
            this.kind = kind;
            this.status = status;
            this.retryAfter = retryAfter;
            this.delay = delay;
        }

        static Fault status(int status, Duration retryAfter) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status " + status + " is invalid: must be an error status, 400 to 599");
            }
            return new Fault(Kind.STATUS, status, retryAfter, null);
        }

        /** {@code Retry-After} in whole seconds, rounded up. */
        long retryAfterSeconds() {
            long seconds = retryAfter.getSeconds();
            return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
        }
    }

    /** A fault with its target, the uses it has left, and for a random one its odds and draws. */
    private static final class PendingFault {
        static final int UNLIMITED = -1;

        final String method;
        final String pathPrefix;
        final Fault fault;
        final double probability;
        final Random random;
        int remaining;

        PendingFault(String method, String pathPrefix, int remaining, Fault fault, double probability, Random random) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.remaining = remaining;
            this.fault = fault;
            this.probability = probability;
            this.random = random;
        }

        /** Whether this matching request is hit: always, unless the fault is random. Called under the Faults lock. */
        boolean hits() {
            return random == null || random.nextDouble() < probability;
        }

        boolean matches(String requestMethod, String rawPath) {
            return (method.equals("*") || method.equalsIgnoreCase(requestMethod)) && rawPath.startsWith(pathPrefix);
        }
    }
}
