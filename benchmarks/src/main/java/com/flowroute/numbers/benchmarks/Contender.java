package com.flowroute.numbers.benchmarks;

/**
 * One way of sending the benchmark's number search and parsing its answer into the SDK's models.
 * Every contender sends the same signed request to the same server and ends with the same
 * {@code List<AvailableNumber>}.
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

    /**
     * Whether {@link #search} waits for the answer on the calling thread. The driver then runs one
     * thread per concurrent call, as a user of a blocking client would.
     */
    boolean blocking();

    /**
     * Sends one search. A non-blocking contender returns at once and completes {@code done} later,
     * on a thread of its own; a blocking one completes it before returning.
     */
    void search(Completion done);

    @Override
    void close();
}
