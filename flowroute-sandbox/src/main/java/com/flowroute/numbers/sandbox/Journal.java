package com.flowroute.numbers.sandbox;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The requests received, oldest first. Bounded, so that a sandbox left running for days does not
 * grow without limit: past {@link #CAPACITY} entries the oldest are forgotten.
 */
final class Journal {
    static final int CAPACITY = 10_000;

    private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();

    synchronized void record(RecordedRequest entry) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    synchronized List<RecordedRequest> entries() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
