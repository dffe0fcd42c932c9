package com.flowroute.numbers.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bytes allocated and CPU time used so far by each live thread, from
 * {@code com.sun.management.ThreadMXBean}. Two snapshots give what the clients allocated in
 * between (every thread but the loopback server's) and which threads did work.
 */
final class ThreadSnapshot {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        if (THREADS.isThreadAllocatedMemorySupported()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
        if (THREADS.isThreadCpuTimeSupported()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
    }

    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> allocated = new HashMap<>();
    private final Map<Long, Long> cpu = new HashMap<>();

    private ThreadSnapshot() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        long[] times = THREADS.getThreadCpuTime(ids);
        ThreadInfo[] infos = THREADS.getThreadInfo(ids, 0);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && bytes[i] >= 0) {
                names.put(ids[i], infos[i].getThreadName());
                allocated.put(ids[i], bytes[i]);
                cpu.put(ids[i], Math.max(0, times[i]));
            }
        }
    }

    /** The counters of every live thread now. */
    static ThreadSnapshot take() {
        return new ThreadSnapshot();
    }

    /** Whether a thread of this name belongs to the loopback server. */
    static boolean isServer(String name) {
        return name.startsWith(LoopbackServer.THREAD_PREFIX);
    }

    /**
     * Bytes allocated since {@code before} by the threads alive now that are not the server's.
     * A thread that ended in between is missing (its count went with it); one that started in
     * between counts from zero.
     */
    long clientBytesSince(ThreadSnapshot before) {
        long total = 0;
        for (Map.Entry<Long, Long> thread : allocated.entrySet()) {
            if (!isServer(names.get(thread.getKey()))) {
                total += thread.getValue() - before.allocated.getOrDefault(thread.getKey(), 0L);
            }
        }
        return total;
    }

    /** Threads alive at {@code before} that are gone now, counted by thread group. */
    Map<String, Integer> endedSince(ThreadSnapshot before) {
        Map<String, Integer> ended = new TreeMap<>();
        for (Map.Entry<Long, String> thread : before.names.entrySet()) {
            if (!names.containsKey(thread.getKey())) {
                ended.merge(group(thread.getValue()), 1, Integer::sum);
            }
        }
        return ended;
    }

    /** Threads alive now that were not at {@code before}. */
    int startedSince(ThreadSnapshot before) {
        int started = 0;
        for (Long id : names.keySet()) {
            if (!before.names.containsKey(id)) {
                started++;
            }
        }
        return started;
    }

    /**
     * CPU time used since {@code before} by the threads alive now, summed by thread group (the name
     * without its trailing number).
     */
    Map<String, Long> cpuNanosSince(ThreadSnapshot before) {
        Map<String, Long> used = new TreeMap<>();
        for (Map.Entry<Long, Long> thread : cpu.entrySet()) {
            long nanos = thread.getValue() - before.cpu.getOrDefault(thread.getKey(), 0L);
            if (nanos > 0) {
                used.merge(group(names.get(thread.getKey())), nanos, Long::sum);
            }
        }
        return used;
    }

    /** A thread's name without its trailing number: {@code reactor-http-epoll-3} is {@code reactor-http-epoll}. */
    static String group(String name) {
        return name.replaceAll("[-#]?\\d+$", "");
    }

    /**
     * The threads other than the server's and {@code except} that used CPU since {@code before},
     * counted by name with the trailing number left out ({@code reactor-http-nio-3} counts as
     * {@code reactor-http-nio}).
     */
    Map<String, Integer> busyThreadsSince(ThreadSnapshot before, Thread except) {
        Map<String, Integer> busy = new TreeMap<>();
        for (Map.Entry<Long, Long> thread : cpu.entrySet()) {
            String name = names.get(thread.getKey());
            if (isServer(name) || thread.getKey() == except.getId()) {
                continue;
            }
            if (thread.getValue() - before.cpu.getOrDefault(thread.getKey(), 0L) > 0) {
                busy.merge(group(name), 1, Integer::sum);
            }
        }
        return busy;
    }
}
