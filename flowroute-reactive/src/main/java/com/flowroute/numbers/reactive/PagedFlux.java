package com.flowroute.numbers.reactive;

import com.flowroute.numbers.Page;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The items of a listing across all its pages, fetched one page at a time and only on demand.
 *
 * <p>Nothing is sent before subscription. Each subscription walks the listing anew: it requests
 * the first page when the subscriber first asks for an item, and the next page (following the
 * server's {@code links.next}) only once every item of the current page has been delivered and
 * more are wanted. So {@code take(5)} on a listing with pages of 10 sends exactly one request,
 * and cancelling stops further requests. The flux completes after the page without
 * {@code links.next}; it errors with the call's exception, or with a
 * {@link com.flowroute.numbers.FlowrouteTransportException} when a {@code links.next} points to
 * another origin or back to a page already read.
 *
 * <p>Why not {@code expand} + {@code concatMapIterable}: both request a page ahead of demand
 * ({@code concatMapIterable} asks for the first page at subscription and the next at each page
 * boundary), so {@code take(5)} would send two requests; {@link PageWalker} asks only when needed.
 *
 * @param <T> the item type
 */
public final class PagedFlux<T> extends Flux<T> {
    private final Function<String, Mono<Page<T>>> fetch;

    private PagedFlux(Function<String, Mono<Page<T>>> fetch) {
        this.fetch = fetch;
    }

    /**
     * A paged flux over any source of pages, for example to stand in for the client in tests.
     *
     * @param firstPage the first page, subscribed once per walk
     * @param nextPage the page at a {@code links.next} value
     * @param <T> the item type
     * @return the paged flux
     */
    public static <T> PagedFlux<T> create(Supplier<Mono<Page<T>>> firstPage, Function<String, Mono<Page<T>>> nextPage) {
        Objects.requireNonNull(firstPage, "firstPage");
        Objects.requireNonNull(nextPage, "nextPage");
        return new PagedFlux<>(link -> link == null ? firstPage.get() : nextPage.apply(link));
    }

    /**
     * The pages themselves, one request per page, on demand. Emits each {@link Page} with its
     * items and links; completes after the last page; errors as the item flux does.
     *
     * @return a cold flux of pages
     */
    public Flux<Page<T>> byPage() {
        return walk(null, List::of);
    }

    /**
     * The pages from a {@code links.next} value of an earlier page onwards, to resume a listing.
     *
     * @param continuationLink a {@link Page#nextLink()} value
     * @return a cold flux of pages starting at that link
     */
    public Flux<Page<T>> byPage(String continuationLink) {
        Objects.requireNonNull(continuationLink, "continuationLink");
        return walk(continuationLink, List::of);
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        walk(null, Page::items).subscribe(actual);
    }

    private <R> Flux<R> walk(String startLink, Function<Page<T>, Iterable<R>> elements) {
        return PageWalker.flux(startLink, fetch, elements);
    }
}
