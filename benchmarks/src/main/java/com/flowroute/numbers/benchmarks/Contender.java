package com.flowroute.numbers.benchmarks;

/**
 * One way of sending a workload's request and parsing its answer into the SDK's models. Every
 * contender of a workload sends the same request to the same server and ends with the same
 * models.
 */
interface Contender extends AutoCloseable {
    /** How the end of a call is reported. */
    interface Completion {
        /**
         * Called once per call: with the number of items parsed, or with the failure.
         *
         * @param items the items of the answer, when {@code error} is null
         * @param error the failure, or null
         */
        void complete(int items, Throwable error);
    }

    /** The name in the tables. */
    String name();

    /** What each call sends and parses. */
    Workload workload();

    /**
     * Whether {@link #call} waits for the answer on the calling thread. The driver then runs one
     * thread per concurrent call, as a user of a blocking client would.
     */
    boolean blocking();

    /**
     * Sends one call. A non-blocking contender returns at once and completes {@code done} later,
     * on a thread of its own; a blocking one completes it before returning.
     */
    void call(Completion done);

    @Override
    void close();
}
