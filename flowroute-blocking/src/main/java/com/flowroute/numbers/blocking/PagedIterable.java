package com.flowroute.numbers.blocking;

import com.flowroute.numbers.Page;
import com.flowroute.numbers.reactive.PagedFlux;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import reactor.core.publisher.Flux;

/**
 * The items of a listing across all its pages, fetched lazily, one page at a time, on the
 * calling thread: the blocking view of a {@link PagedFlux}.
 *
 * <p>Nothing is sent until the first item (or page) is asked for. The next page is requested
 * only when an iterator has handed out every item of the current one and is asked for more; no
 * page is fetched ahead. So {@code stream().limit(5)}, or a {@code for} loop that breaks after
 * five items, sends one request on a listing with pages of 10. Each {@link #iterator()},
 * {@link #stream()} or {@link #iterableByPage()} iteration walks the listing anew from its first
 * page, independently of any other. Closing a stream ({@code try (Stream<T> s = ...)}) cancels
 * its walk: a request in flight is abandoned and no further page is fetched. An iterator left
 * behind (a loop that breaks) has no request in flight between pages and needs no closing.
 *
 * <p>Iterating throws the contract's exceptions, as {@link FlowrouteClient} does: a
 * {@link com.flowroute.numbers.FlowrouteException} subtype for a failed page request,
 * {@link com.flowroute.numbers.FlowrouteTransportException} when the thread is interrupted while
 * waiting (the interrupt flag stays set), {@link IllegalStateException} on a non-blocking Reactor
 * thread. An instance is immutable and may be shared; its iterators and streams are for one
 * thread each. Streams are sequential and stay lazy even under {@code parallel()}, which
 * cannot split them.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
    private final PagedFlux<T> pagedFlux;

    /**
     * The blocking view of {@code pagedFlux}, for example one made with {@link PagedFlux#create}
     * to stand in for the client in tests.
     *
     * @param pagedFlux the listing; each iteration subscribes to its {@link PagedFlux#byPage()}
     */
    public PagedIterable(PagedFlux<T> pagedFlux) {
        this.pagedFlux = Objects.requireNonNull(pagedFlux, "pagedFlux");
    }

    /** A new walk over every item, from the first page, fetching each page when it is reached. */
    @Override
    public Iterator<T> iterator() {
        return new Items<>(new Pages<>(pagedFlux.byPage()));
    }

    /**
     * A sequential stream of every item, from the first page, fetching each page when it is
     * reached; closing the stream cancels the walk.
     */
    public Stream<T> stream() {
        Items<T> items = new Items<>(new Pages<>(pagedFlux.byPage()));
        return stream(items).onClose(items::close);
    }

    /** The pages themselves, each iteration from the first page, each page fetched when it is reached. */
    public Iterable<Page<T>> iterableByPage() {
        return () -> new Pages<>(pagedFlux.byPage());
    }

    /**
     * The pages from a {@link Page#nextLink()} of an earlier walk onwards, to resume a listing.
     *
     * @param continuationLink a {@code links.next} value of an earlier page
     */
    public Iterable<Page<T>> iterableByPage(String continuationLink) {
        Objects.requireNonNull(continuationLink, "continuationLink");
        return () -> new Pages<>(pagedFlux.byPage(continuationLink));
    }

    /** A sequential stream of the pages from the first one; closing it cancels the walk. */
    public Stream<Page<T>> streamByPage() {
        Pages<T> pages = new Pages<>(pagedFlux.byPage());
        return stream(pages).onClose(pages::close);
    }

    /**
     * A sequential stream of the pages from a {@link Page#nextLink()} of an earlier walk onwards;
     * closing it cancels the walk.
     *
     * @param continuationLink a {@code links.next} value of an earlier page
     */
    public Stream<Page<T>> streamByPage(String continuationLink) {
        Objects.requireNonNull(continuationLink, "continuationLink");
        Pages<T> pages = new Pages<>(pagedFlux.byPage(continuationLink));
        return stream(pages).onClose(pages::close);
    }

    private static <E> Stream<E> stream(Iterator<E> iterator) {
        return StreamSupport.stream(new NonSplittingSpliterator<>(iterator), false);
    }

    /**
     * Pulls one element per {@code tryAdvance} and never splits: the JDK's iterator spliterators
     * split by reading a batch ahead (up to thousands of items), which under {@code parallel()}
     * would fetch pages nobody asked for.
     */
    private static final class NonSplittingSpliterator<E> implements Spliterator<E> {
        private final Iterator<E> iterator;

        NonSplittingSpliterator(Iterator<E> iterator) {
            this.iterator = iterator;
        }

        @Override
        public boolean tryAdvance(Consumer<? super E> action) {
            if (!iterator.hasNext()) {
                return false;
            }
            action.accept(iterator.next());
            return true;
        }

        @Override
        public Spliterator<E> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return Long.MAX_VALUE;
        }

        @Override
        public int characteristics() {
            return Spliterator.ORDERED | Spliterator.NONNULL;
        }
    }

    /** One walk over the pages of a listing: a page is requested when hasNext() needs it. */
    private static final class Pages<T> implements Iterator<Page<T>> {
        private final Await.Cursor<Page<T>> cursor;
        private Page<T> next;

        Pages(Flux<Page<T>> pages) {
            this.cursor = new Await.Cursor<>(pages);
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = cursor.next();
            }
            return next != null;
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more pages");
            }
            Page<T> page = next;
            next = null;
            return page;
        }

        void close() {
            next = null;
            cursor.close();
        }
    }

    /** One walk over the items of a listing, page by page. */
    private static final class Items<T> implements Iterator<T> {
        private final Pages<T> pages;
        private Iterator<T> current = Collections.emptyIterator();

        Items(Pages<T> pages) {
            this.pages = pages;
        }

        @Override
        public boolean hasNext() {
            // A loop, since a page may be empty yet not the last.
            while (!current.hasNext()) {
                if (!pages.hasNext()) {
                    return false;
                }
                current = pages.next().items().iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more items");
            }
            return current.next();
        }

        void close() {
            current = Collections.emptyIterator();
            pages.close();
        }
    }
}
