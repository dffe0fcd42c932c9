package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.Page;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * Walks the pages of one listing for one subscriber, strictly on demand: it holds at most one
 * page, has at most one request in flight, and asks for the next page only when the current
 * one's elements are all delivered and the subscriber wants more. A drain loop (not recursion)
 * moves it along, so hundreds of pages do not grow the stack.
 *
 * @param <T> the item type of the pages
 * @param <R> what is emitted: the pages themselves or their items
 */
final class PageWalker<T, R> {
    private final FluxSink<R> sink;
    private final Function<String, Mono<Page<T>>> fetch;
    private final Function<Page<T>, Iterable<R>> elements;
    // The links read so far, made on the second page: most walks read one page.
    private Set<String> followed;
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicLong requested = new AtomicLong();

    // Touched only inside the drain loop, or before the fetch that the loop waits for completes.
    private String nextLink;
    private boolean started;
    private Iterator<R> current = Collections.emptyIterator();
    private volatile boolean fetching;
    private volatile boolean lastPage;
    private volatile Page<T> arrived;
    private volatile Throwable failure;
    private volatile Disposable inFlight;
    private long emitted;

    /**
     * @param startLink the link to start from, or null for the first page
     * @param fetch fetches a page: null means the first page, otherwise a {@code links.next}
     */
    PageWalker(FluxSink<R> sink, String startLink, Function<String, Mono<Page<T>>> fetch,
            Function<Page<T>, Iterable<R>> elements) {
        this.sink = sink;
        this.fetch = fetch;
        this.elements = elements;
        this.nextLink = startLink;
        if (startLink != null) {
            followed = new HashSet<>();
            followed.add(startLink);
        }
    }

    void start() {
        sink.onRequest(n -> {
            requested.getAndUpdate(r -> Operators.addCap(r, n));
            drain();
        });
        sink.onDispose(() -> {
            Disposable request = inFlight;
            if (request != null) {
                request.dispose();
            }
        });
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (sink.isCancelled()) {
                return;
            }
            Page<T> page = arrived;
            if (page != null) {
                arrived = null;
                current = elements.apply(page).iterator();
                Throwable next = advance(page);
                if (next != null) {
                    failure = next;
                }
                fetching = false;
            }
            while (emitted < requested.get() && current.hasNext()) {
                sink.next(current.next());
                emitted++;
                // A subscriber that asked for everything may cancel from inside onNext (next(),
                // takeUntil): stop here, or the rest of the page and a next request would follow.
                if (sink.isCancelled()) {
                    return;
                }
            }
            if (!current.hasNext() && !fetching) {
                if (failure != null) {
                    sink.error(failure);
                    return;
                }
                if (started && lastPage) {
                    sink.complete();
                    return;
                }
                if (emitted < requested.get()) {
                    fetching = true;
                    String link = nextLink;
                    started = true;
                    Disposable request = Mono.defer(() -> fetch.apply(link))
                            .switchIfEmpty(Mono.error(() -> new FlowrouteTransportException(
                                    "a page request completed without a page", null)))
                            // The subscriber's context (its observation, for one) reaches the page's call.
                            .contextWrite(sink.contextView())
                            .subscribe(
                                    result -> {
                                        // Done: nothing left to cancel (cancelling a finished request
                                        // still walks its whole chain of operators).
                                        inFlight = null;
                                        arrived = result;
                                        drain();
                                    },
                                    error -> {
                                        inFlight = null;
                                        failure = error;
                                        fetching = false;
                                        drain();
                                    });
                    if (!request.isDisposed()) {
                        inFlight = request;
                    }
                    // A cancel on another thread that ran onDispose before the line above.
                    if (sink.isCancelled()) {
                        request.dispose();
                    }
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    // Decides where the walk goes after `page`; returns an error that ends the walk, or null.
    private Throwable advance(Page<T> page) {
        if (page.nextLink().isEmpty()) {
            lastPage = true;
            return null;
        }
        String link = page.nextLink().get();
        if (followed == null) {
            followed = new HashSet<>();
        }
        if (!followed.add(link)) {
            lastPage = true;
            return new FlowrouteTransportException("the server's links.next " + link
                    + " points to a page already read in this listing; stopping instead of looping", null);
        }
        nextLink = link;
        return null;
    }
}
