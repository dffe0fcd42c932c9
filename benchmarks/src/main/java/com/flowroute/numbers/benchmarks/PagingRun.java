package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * The account listing (500 pages of 200 numbers) through {@code PagedFlux}: to a slow
 * subscriber, measuring heap growth and how far page requests run ahead of demand; with
 * {@code take(5)} and the blocking {@code stream().limit(5)}, counting requests; and, for scale,
 * at full speed and collected whole.
 */
final class PagingRun {
    private static final AccountNumberQuery QUERY = AccountNumberQuery.builder().pageSize(FixedResponses.ACCOUNT_PAGE_SIZE).build();
    private static final long ITEMS = (long) FixedResponses.ACCOUNT_PAGE_SIZE * FixedResponses.ACCOUNT_PAGES;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** What the paging run measured. */
    static final class Result {
        long take5Requests;
        long blockingLimit5Requests;
        // The slow walk.
        boolean slowRun;
        long slowItems;
        long slowPageRequests;
        int demandBatch;
        String pace;
        long maxPagesAhead;
        int maxInFlight;
        long baselineHeap;
        long maxRetainedGrowth;
        int retainedSamples;
        long maxUsedGrowth;
        double slowSeconds;
        // For scale.
        double fastSeconds;
        long fastItems;
        long holdAllGrowth;
        // The whole listing at full speed, SDK and floor in turns (median seconds).
        double sdkWalkSeconds = Double.NaN;
        double floorWalkSeconds = Double.NaN;
        int walks;
    }

    private PagingRun() {}

    /** Only the request counts of {@code take(5)} and {@code limit(5)}: the quick check. */
    static Result quick(LoopbackServer server, ReactiveFlowrouteClient rx, FlowrouteClient blocking) {
        Result result = new Result();
        countFirstFive(server, rx, blocking, result);
        return result;
    }

    /**
     * Everything: first five, the slow walk and the figures for scale.
     *
     * @param pauseEvery the slow subscriber sleeps {@code pauseMillis} after every so many items
     */
    static Result full(LoopbackServer server, ReactiveFlowrouteClient rx, FlowrouteClient blocking, int pauseEvery,
            int pauseMillis, int walks) throws InterruptedException {
        Result result = new Result();
        countFirstFive(server, rx, blocking, result);
        slowWalk(server, rx, pauseEvery, pauseMillis, result);
        forScale(rx, result);
        walks(server, rx, walks, result);
        return result;
    }

    /**
     * The 500 pages at full speed, one page in flight: the SDK's {@code list().count()} and the
     * floor fetching the same pages one after the other, in turns; medians of {@code walks} each.
     */
    static void walks(LoopbackServer server, ReactiveFlowrouteClient rx, int walks, Result result) {
        double[] sdk = new double[walks];
        double[] floor = new double[walks];
        try (NettyFloor raw = new NettyFloor(Workload.V1_PAGE, server.origin(), BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY)) {
            for (int i = 0; i < walks; i++) {
                long start = System.nanoTime();
                Long items = rx.numbers().list(QUERY).count().block(Duration.ofSeconds(120));
                sdk[i] = (System.nanoTime() - start) / 1e9;
                check(items != null && items == ITEMS, "the SDK's walk gave " + items + " items");
                start = System.nanoTime();
                Integer rawItems = Flux.range(1, FixedResponses.ACCOUNT_PAGES)
                        .concatMap(raw::fetch)
                        .map(page -> page.items().size())
                        .reduce(0, Integer::sum)
                        .block(Duration.ofSeconds(120));
                floor[i] = (System.nanoTime() - start) / 1e9;
                check(rawItems != null && rawItems == ITEMS, "the floor's walk gave " + rawItems + " items");
            }
        }
        result.sdkWalkSeconds = Stats.median(sdk);
        result.floorWalkSeconds = Stats.median(floor);
        result.walks = walks;
    }

    private static void countFirstFive(LoopbackServer server, ReactiveFlowrouteClient rx, FlowrouteClient blocking,
            Result result) {
        long before = server.pageRequests();
        List<AccountNumber> five = rx.numbers().list(QUERY).take(5).collectList().block(Duration.ofSeconds(30));
        check(five != null && five.size() == 5, "take(5) gave " + five);
        result.take5Requests = server.pageRequests() - before;

        before = server.pageRequests();
        List<AccountNumber> limited = blocking.numbers().list(QUERY).stream().limit(5).collect(Collectors.toList());
        check(limited.size() == 5, "stream().limit(5) gave " + limited.size() + " items");
        result.blockingLimit5Requests = server.pageRequests() - before;
    }

    private static void slowWalk(LoopbackServer server, ReactiveFlowrouteClient rx, int pauseEvery, int pauseMillis,
            Result result) throws InterruptedException {
        int batch = 50;
        AtomicLong demanded = new AtomicLong();
        AtomicLong maxAhead = new AtomicLong(Long.MIN_VALUE);
        server.onPageRequest(page -> {
            // Pages the demand so far can use: a request for a later page runs ahead of demand.
            long usable = (demanded.get() + FixedResponses.ACCOUNT_PAGE_SIZE - 1) / FixedResponses.ACCOUNT_PAGE_SIZE;
            maxAhead.accumulateAndGet(page - usable, Math::max);
        });
        long pagesBefore = server.pageRequests();
        long baseline = retainedHeap();
        server.resetMaxInFlight();
        long maxUsed = Long.MIN_VALUE;
        long maxRetained = Long.MIN_VALUE;
        int samples = 0;
        SlowSubscriber subscriber = new SlowSubscriber();
        long start = System.nanoTime();
        rx.numbers().list(QUERY).subscribe(subscriber);
        long items = 0;
        long outstanding = 0;
        try {
            while (true) {
                if (outstanding == 0) {
                    demanded.addAndGet(batch);
                    subscriber.ask(batch);
                    outstanding = batch;
                }
                Object signal = subscriber.signals.poll(30, TimeUnit.SECONDS);
                check(signal != null, "no item for 30 s after " + items + " items");
                if (signal == SlowSubscriber.DONE) {
                    break;
                }
                if (signal instanceof Throwable) {
                    throw new IllegalStateException("the listing failed after " + items + " items", (Throwable) signal);
                }
                outstanding--;
                items++;
                if (items % pauseEvery == 0) {
                    Thread.sleep(pauseMillis);
                }
                if (items % 1000 == 0) {
                    maxUsed = Math.max(maxUsed, MEMORY.getHeapMemoryUsage().getUsed());
                }
                if (items % 5000 == 0) {
                    maxRetained = Math.max(maxRetained, retainedHeap());
                    samples++;
                }
            }
        } finally {
            subscriber.dispose();
            server.onPageRequest(page -> {});
        }
        result.slowRun = true;
        result.slowSeconds = (System.nanoTime() - start) / 1e9;
        result.slowItems = items;
        result.slowPageRequests = server.pageRequests() - pagesBefore;
        result.demandBatch = batch;
        result.pace = pauseMillis + " ms pause every " + pauseEvery + " items";
        result.maxPagesAhead = maxAhead.get();
        result.maxInFlight = server.maxInFlight();
        result.baselineHeap = baseline;
        result.maxRetainedGrowth = maxRetained - baseline;
        result.retainedSamples = samples;
        result.maxUsedGrowth = maxUsed - baseline;
        check(items == ITEMS, "the slow walk got " + items + " items instead of " + ITEMS);
    }

    private static void forScale(ReactiveFlowrouteClient rx, Result result) {
        long start = System.nanoTime();
        Long count = rx.numbers().list(QUERY).count().block(Duration.ofSeconds(120));
        result.fastSeconds = (System.nanoTime() - start) / 1e9;
        result.fastItems = count == null ? 0 : count;

        long baseline = retainedHeap();
        List<AccountNumber> all = rx.numbers().list(QUERY).collectList().block(Duration.ofSeconds(120));
        result.holdAllGrowth = retainedHeap() - baseline;
        check(all != null && all.size() == ITEMS, "collectList() gave " + (all == null ? 0 : all.size()) + " items");
    }

    /** Heap in use after a full collection: what is still reachable. */
    static long retainedHeap() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** Hands items to the consuming thread; asks for more only when that thread says so. */
    private static final class SlowSubscriber extends BaseSubscriber<AccountNumber> {
        static final Object DONE = new Object();
        final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
        void ask(long n) {
            request(n);
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // No request here (the default asks for everything): demand comes from the consuming thread only.
        }

        @Override
        protected void hookOnNext(AccountNumber value) {
            signals.add(value);
        }

        @Override
        protected void hookOnComplete() {
            signals.add(DONE);
        }

        @Override
        protected void hookOnError(Throwable error) {
            signals.add(error);
        }
    }
}
