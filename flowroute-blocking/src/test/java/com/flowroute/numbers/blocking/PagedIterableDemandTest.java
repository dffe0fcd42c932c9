package com.flowroute.numbers.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.reactive.PagedFlux;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Demand, counted exactly: page fetches of a {@link PagedFlux#create} source are recorded the
 * moment they are subscribed, so a page fetched ahead would show at once, not after a network race.
 */
class PagedIterableDemandTest {
    private final List<String> fetched = new CopyOnWriteArrayList<>();

    /** Three pages of ten integers, 1-30, each fetch recorded by its link ("first", "2", "3"). */
    private PagedIterable<Integer> threePages() {
        return new PagedIterable<>(PagedFlux.create(() -> fetch("first"), this::fetch));
    }

    private Mono<Page<Integer>> fetch(String link) {
        return Mono.fromCallable(() -> {
            fetched.add(link);
            int number = link.equals("first") ? 1 : Integer.parseInt(link);
            List<Integer> items = IntStream.rangeClosed(number * 10 - 9, number * 10).boxed().toList();
            return Page.of(items, number < 3 ? Optional.of(Integer.toString(number + 1)) : Optional.empty(), Optional.empty());
        });
    }

    private static List<Integer> numbers(int first, int last) {
        return IntStream.rangeClosed(first, last).boxed().toList();
    }

    @Test
    void nothingIsFetchedBeforeTheFirstItemIsAskedFor() {
        PagedIterable<Integer> pages = threePages();
        Iterator<Integer> iterator = pages.iterator();
        Stream<Integer> stream = pages.stream();

        assertEquals(List.of(), fetched);
        assertTrue(iterator.hasNext());
        assertEquals(List.of("first"), fetched);
        stream.close();
    }

    @Test
    void limitFiveFetchesOnePage() {
        assertEquals(numbers(1, 5), threePages().stream().limit(5).toList());
        assertEquals(List.of("first"), fetched);
    }

    @Test
    void aParallelStreamDoesNotReadAhead() {
        assertEquals(numbers(1, 5), threePages().stream().parallel().limit(5).toList());
        assertEquals(List.of("first"), fetched);
    }

    @Test
    void breakAtThePageBoundaryFetchesNothingAhead() {
        List<Integer> seen = new ArrayList<>();
        for (int n : threePages()) {
            seen.add(n);
            if (seen.size() == 10) {
                break;
            }
        }

        assertEquals(numbers(1, 10), seen);
        assertEquals(List.of("first"), fetched);
    }

    @Test
    void theNextPageIsFetchedWhenHasNextNeedsIt() {
        Iterator<Integer> iterator = threePages().iterator();
        for (int i = 0; i < 10; i++) {
            iterator.next();
        }
        assertEquals(List.of("first"), fetched);

        assertTrue(iterator.hasNext());
        assertEquals(List.of("first", "2"), fetched);
        assertEquals(11, iterator.next());
    }

    @Test
    void everyWalkStartsAgain() {
        PagedIterable<Integer> pages = threePages();

        assertEquals(numbers(1, 30), pages.stream().toList());
        assertEquals(numbers(1, 30), pages.stream().toList());
        assertEquals(List.of("first", "2", "3", "first", "2", "3"), fetched);
    }

    @Test
    void emptyPagesInTheMiddleAreSkipped() {
        PagedIterable<Integer> pages = new PagedIterable<>(PagedFlux.create(
                () -> Mono.just(Page.of(List.<Integer>of(), Optional.of("2"), Optional.empty())),
                link -> Mono.just(Page.of(List.of(7), Optional.empty(), Optional.empty()))));

        assertEquals(List.of(7), pages.stream().toList());
        assertEquals(2, pages.streamByPage().count());
    }

    @Test
    void aFailedPageIsThrownAfterTheItemsBeforeIt() {
        NotFoundException gone = new NotFoundException(404, "GET", "/v1/tns/?page=2", "", List.of());
        PagedIterable<Integer> pages = new PagedIterable<>(PagedFlux.create(
                () -> Mono.just(Page.of(List.of(1, 2), Optional.of("2"), Optional.empty())),
                link -> Mono.error(gone)));
        Iterator<Integer> iterator = pages.iterator();

        assertEquals(1, iterator.next());
        assertEquals(2, iterator.next());
        NotFoundException thrown = assertThrows(NotFoundException.class, iterator::hasNext);
        assertSame(gone, thrown);
        assertEquals(1, thrown.getSuppressed().length, "the caller's stack is attached");
        assertFalse(iterator.hasNext(), "the walk ended with the error");
    }

    @Test
    void closingAStreamFromAnotherThreadCancelsThePageInFlightAndWakesItsReader() throws Exception {
        Sinks.One<Page<Integer>> never = Sinks.one();
        CountDownLatch cancelled = new CountDownLatch(1);
        PagedIterable<Integer> pages = new PagedIterable<>(PagedFlux.create(
                () -> never.asMono().doOnCancel(cancelled::countDown),
                link -> Mono.error(new AssertionError("no second page"))));
        Stream<Integer> stream = pages.stream();
        Iterator<Integer> iterator = stream.iterator();
        CompletableFuture<Boolean> hasNext = new CompletableFuture<>();
        Thread reader = new Thread(() -> hasNext.complete(iterator.hasNext()), "reader");
        reader.start();

        Threads.awaitParked(reader);
        stream.close();

        assertTrue(cancelled.await(5, TimeUnit.SECONDS), "the page request was cancelled");
        assertFalse(hasNext.get(5, TimeUnit.SECONDS), "the waiting reader sees the end of the walk");
    }
}
