package com.flowroute.numbers.blocking;

import io.micrometer.context.ContextSnapshotFactory;
import reactor.util.context.Context;

/**
 * The calling thread's context for a reactive call the blocking facade waits on: with
 * Micrometer's context-propagation library on the class path, the thread-local values it knows
 * (the current observation among them, so the call's observation is a child of the caller's),
 * captured before the thread blocks; without it, nothing.
 */
final class CallerContext {
    private static final boolean PROPAGATION = present("io.micrometer.context.ContextSnapshotFactory");

    private CallerContext() {}

    /** The context to subscribe with, captured now on the calling thread. */
    static Context capture() {
        return PROPAGATION ? Propagation.capture() : Context.empty();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, CallerContext.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    // Loaded only when the library is there.
    private static final class Propagation {
        private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

        static Context capture() {
            return SNAPSHOTS.captureAll().updateContext(Context.empty());
        }
    }
}
