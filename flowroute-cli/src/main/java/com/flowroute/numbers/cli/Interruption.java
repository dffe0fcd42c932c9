package com.flowroute.numbers.cli;

/**
 * Ctrl-C, as the command running sees it. {@link #request()} (from the JVM's shutdown hook, or a
 * test) marks the run as interrupted and interrupts the thread running the command: a blocking
 * call then cancels its request, and a bulk run cancels the work in flight and reports what was
 * done and what was not. Thread-safe.
 */
final class Interruption {
    private volatile Thread worker;
    private volatile boolean requested;

    /** Marks the calling thread as the one running the command. */
    void enter() {
        worker = Thread.currentThread();
        if (requested) {
            worker.interrupt();
        }
    }

    /** The command has ended: a later request interrupts nothing. Clears the thread's interrupt flag. */
    void leave() {
        worker = null;
        Thread.interrupted();
    }

    /** Asks the running command to stop. */
    void request() {
        requested = true;
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    /** Whether Ctrl-C came. */
    boolean requested() {
        return requested;
    }
}
