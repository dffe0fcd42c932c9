package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.Page;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Function;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Walks the pages of one listing for one subscriber, strictly on demand: it holds at most one
 * page, has at most one request in flight, and asks for the next page only when the current
 * one's elements are all delivered and the subscriber wants more. A drain loop (not recursion)
 * moves it along, so hundreds of pages do not grow the stack. It is the subscriber's
 * {@link Subscription} itself: no sink, no queue between the walk and its subscriber.
 *
 * @param <T> the item type of the pages
 * @param <R> what is emitted: the pages themselves or their items
 */
final class PageWalker<T, R> implements Subscription {
    @SuppressWarnings("rawtypes")
    private static final AtomicLongFieldUpdater<PageWalker> REQUESTED_UPDATER =
            AtomicLongFieldUpdater.newUpdater(PageWalker.class, "requested");

    private final CoreSubscriber<? super R> actual;
    private final Function<String, Mono<Page<T>>> fetch;
    private final Function<Page<T>, Iterable<R>> elements;
    // The links read so far, made on the second page: most walks read one page.
    private Set<String> followed;
    private final AtomicInteger wip = new AtomicInteger();
    private volatile long requested;

    // Touched only inside the drain loop, or before the fetch that the loop waits for completes.
    private String nextLink;
    private boolean started;
    private Iterator<R> current = Collections.emptyIterator();
    private volatile boolean fetching;
    private volatile boolean lastPage;
    private volatile Page<T> arrived;
    private volatile Throwable failure;
    private volatile Disposable inFlight;
    private volatile boolean cancelled;
    private long emitted;

    /**
     * @param startLink the link to start from, or null for the first page
     * @param fetch fetches a page: null means the first page, otherwise a {@code links.next}
     */
    PageWalker(CoreSubscriber<? super R> actual, String startLink, Function<String, Mono<Page<T>>> fetch,
            Function<Page<T>, Iterable<R>> elements) {
        this.actual = actual;
        this.fetch = fetch;
        this.elements = elements;
        this.nextLink = startLink;
        if (startLink != null) {
            followed = new HashSet<>();
            followed.add(startLink);
        }
    }

    /** A cold flux whose every subscriber gets a walk of its own. */
    static <T, R> Flux<R> flux(String startLink, Function<String, Mono<Page<T>>> fetch, Function<Page<T>, Iterable<R>> elements) {
        return new Flux<R>() {
            @Override
            public void subscribe(CoreSubscriber<? super R> actual) {
                actual.onSubscribe(new PageWalker<>(actual, startLink, fetch, elements));
            }
        };
    }

    @Override
    public void request(long n) {
        if (Operators.validate(n)) {
            Operators.addCap(REQUESTED_UPDATER, this, n);
            drain();
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        Disposable request = inFlight;
        if (request != null) {
            request.dispose();
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (cancelled) {
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
            while (emitted < requested && current.hasNext()) {
                actual.onNext(current.next());
                emitted++;
                // A subscriber that asked for everything may cancel from inside onNext (next(),
                // takeUntil): stop here, or the rest of the page and a next request would follow.
                if (cancelled) {
                    return;
                }
            }
            if (!current.hasNext() && !fetching) {
                if (failure != null) {
                    actual.onError(failure);
                    return;
                }
                if (started && lastPage) {
                    actual.onComplete();
                    return;
                }
                if (emitted < requested) {
                    fetching = true;
                    String link = nextLink;
                    started = true;
                    PageRequest request = new PageRequest();
                    Mono<Page<T>> pageCall;
                    try {
                        pageCall = Objects.requireNonNull(fetch.apply(link), "the page request is null");
                    } catch (RuntimeException e) {
                        request.onError(e);
                        pageCall = null;
                    }
                    if (pageCall != null) {
                        pageCall.subscribe(request);
                        if (!request.done) {
                            inFlight = request;
                        }
                        // A cancel on another thread that ran before the line above.
                        if (cancelled) {
                            request.dispose();
                        }
                    }
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /**
     * The subscriber of one page's call: hands the page (or the failure) to the drain loop, gives
     * the call the walk's subscriber context (its observation, for one), and counts a call that
     * completes without a page as a failure.
     */
    private final class PageRequest implements CoreSubscriber<Page<T>>, Disposable {
        @SuppressWarnings("rawtypes")
        private static final AtomicReferenceFieldUpdater<PageWalker.PageRequest, Subscription> SUBSCRIPTION =
                AtomicReferenceFieldUpdater.newUpdater(PageWalker.PageRequest.class, Subscription.class, "subscription");
        private volatile Subscription subscription;
        // Set before the page or failure is handed over, so that a finished call is never cancelled.
        volatile boolean done;

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.setOnce(SUBSCRIPTION, this, s)) {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(Page<T> page) {
            if (done) {
                return;
            }
            done = true;
            // Done: nothing left to cancel (cancelling a finished request still walks its whole chain of operators).
            inFlight = null;
            arrived = page;
            drain();
        }

        @Override
        public void onError(Throwable error) {
            if (done) {
                Operators.onErrorDropped(error, actual.currentContext());
                return;
            }
            done = true;
            inFlight = null;
            failure = error;
            fetching = false;
            drain();
        }

        @Override
        public void onComplete() {
            if (!done) {
                onError(new FlowrouteTransportException("a page request completed without a page", null));
            }
        }

        @Override
        public void dispose() {
            Operators.terminate(SUBSCRIPTION, this);
        }

        @Override
        public boolean isDisposed() {
            return subscription == Operators.cancelledSubscription();
        }
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
