package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Paging: one request per page, only on demand, following {@code links.next} safely. */
class PagedFluxTest {
    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create();

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ROUTES = "/v1/routes/";

    /** A {@code GET /routes/} page holding routes {@code r<from>..r<from+count-1>}. */
    static String routesPage(int from, int count, String next, String prev) {
        String routes = IntStream.range(from, from + count)
                .mapToObj(i -> "\"r" + i + "\":{\"type\":\"HOST\",\"value\":\"10.0.0." + (i % 250 + 1) + "\"}")
                .collect(Collectors.joining(","));
        List<String> links = new ArrayList<>();
        if (next != null) {
            links.add("\"next\":\"" + next + "\"");
        }
        if (prev != null) {
            links.add("\"prev\":\"" + prev + "\"");
        }
        return "{\"routes\":{" + routes + "},\"links\":{" + String.join(",", links) + "}}";
    }

    private static void page(String url, String body) {
        flowroute.server().stubFor(get(urlEqualTo(url)).willReturn(okJson(body)));
    }

    /** Three pages of {@code size} routes at {@code /v1/routes/?limit=size[&page=n]}. */
    private static void threePages(int size) {
        page(ROUTES + "?limit=" + size, routesPage(0, size, ROUTES + "?limit=" + size + "&page=2", null));
        // The server's link order is not sorted; the client sends the sorted form.
        page(ROUTES + "?limit=" + size + "&page=2", routesPage(size, size, ROUTES + "?page=3&limit=" + size,
                ROUTES + "?limit=" + size + "&page=1"));
        page(ROUTES + "?limit=" + size + "&page=3", routesPage(2 * size, size, null, ROUTES + "?limit=" + size + "&page=2"));
    }

    private static List<String> urls() {
        return flowroute.requests().stream().map(LoggedRequest::getUrl).collect(Collectors.toList());
    }

    private static PagedFlux<Route> routes(int size) {
        return flowroute.client().routes().list(RouteQuery.builder().pageSize(size).build());
    }

    private static List<String> names(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "r" + i).collect(Collectors.toList());
    }

    /** Lets the client's event loop run for a while (no Thread.sleep), for "nothing more was sent" checks. */
    private static void settle(Duration duration) {
        StepVerifier.create(Mono.delay(duration)).expectNextCount(1).expectComplete().verify(WAIT);
    }

    @Test
    void followsNextLinksThroughThreePages() {
        threePages(3);

        StepVerifier.create(routes(3).map(Route::name).collectList())
                .expectNext(names(0, 9))
                .expectComplete()
                .verify(WAIT);

        assertEquals(List.of(ROUTES + "?limit=3", ROUTES + "?limit=3&page=2", ROUTES + "?limit=3&page=3"), urls());
        flowroute.requests().forEach(MockFlowrouteExtension::assertSigned);
    }

    @Test
    void takeFiveSendsOneRequest() {
        threePages(10);

        StepVerifier.create(routes(10).take(5).map(Route::name))
                .expectNextSequence(names(0, 5))
                .expectComplete()
                .verify(WAIT);

        assertEquals(List.of(ROUTES + "?limit=10"), urls());
    }

    @Test
    void nextSendsOneRequestAlthoughItAsksForEverything() {
        threePages(10);

        // Mono next() requests unbounded and cancels after the first item.
        StepVerifier.create(routes(10).next().map(Route::name)).expectNext("r0").expectComplete().verify(WAIT);
        settle(Duration.ofMillis(300));

        assertEquals(List.of(ROUTES + "?limit=10"), urls());
    }

    @Test
    void cancellingInsideOnNextWithUnboundedDemandSendsNoFurtherRequest() {
        threePages(10);
        AtomicInteger received = new AtomicInteger();

        routes(10).subscribe(new BaseSubscriber<Route>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                requestUnbounded();
            }

            @Override
            protected void hookOnNext(Route value) {
                if (received.incrementAndGet() == 5) {
                    cancel();
                }
            }
        });
        settle(Duration.ofMillis(500));

        assertEquals(5, received.get(), "no item after cancel");
        assertEquals(List.of(ROUTES + "?limit=10"), urls());
    }

    @Test
    void slowSubscriberGetsPageTwoOnlyAfterPageOneIsAllRequested() {
        threePages(3);

        StepVerifier.create(routes(3).map(Route::name), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(200))
                .then(() -> assertEquals(0, urls().size(), "nothing is sent before the first request(n)"))
                .thenRequest(1)
                .expectNext("r0")
                .thenRequest(1)
                .expectNext("r1")
                .thenRequest(1)
                .expectNext("r2")
                .expectNoEvent(Duration.ofMillis(300))
                .then(() -> assertEquals(List.of(ROUTES + "?limit=3"), urls(), "no prefetch of page 2"))
                .thenRequest(1)
                .expectNext("r3")
                .then(() -> assertEquals(2, urls().size()))
                .thenRequest(2)
                .expectNext("r4", "r5")
                .expectNoEvent(Duration.ofMillis(200))
                .then(() -> assertEquals(2, urls().size(), "no prefetch of page 3"))
                .thenRequest(Long.MAX_VALUE)
                .expectNextCount(3)
                .expectComplete()
                .verify(WAIT);

        assertEquals(3, urls().size());
    }

    @Test
    void cancellingAfterAWholePageStopsFurtherRequests() {
        threePages(3);

        StepVerifier.create(routes(3), 3).expectNextCount(3).thenCancel().verify(WAIT);
        settle(Duration.ofMillis(300));

        assertEquals(List.of(ROUTES + "?limit=3"), urls());
    }

    @Test
    void cancellingWhileAPageIsInFlightStopsTheWalk() {
        threePages(3);
        flowroute.server().stubFor(get(urlEqualTo(ROUTES + "?limit=3&page=2"))
                .willReturn(okJson(routesPage(3, 3, ROUTES + "?limit=3&page=3", null)).withFixedDelay(400)));

        StepVerifier.create(routes(3), 4)
                .expectNextCount(3)
                .expectNoEvent(Duration.ofMillis(100))
                .thenCancel()
                .verify(WAIT);
        settle(Duration.ofMillis(800));

        assertEquals(List.of(ROUTES + "?limit=3", ROUTES + "?limit=3&page=2"), urls(), "page 3 is never asked for");
    }

    @Test
    void byPageGivesItemsAndLinks() {
        threePages(2);

        StepVerifier.create(flowroute.client().routes().list(RouteQuery.builder().pageSize(2).build()).byPage())
                .assertNext(page -> {
                    assertEquals(names(0, 2), page.items().stream().map(Route::name).collect(Collectors.toList()));
                    assertEquals(Optional.of(ROUTES + "?limit=2&page=2"), page.nextLink());
                    assertEquals(Optional.empty(), page.prevLink());
                })
                .assertNext(page -> {
                    assertEquals(names(2, 2), page.items().stream().map(Route::name).collect(Collectors.toList()));
                    assertEquals(Optional.of(ROUTES + "?page=3&limit=2"), page.nextLink());
                    assertEquals(Optional.of(ROUTES + "?limit=2&page=1"), page.prevLink());
                })
                .assertNext(page -> {
                    assertEquals(names(4, 2), page.items().stream().map(Route::name).collect(Collectors.toList()));
                    assertEquals(Optional.empty(), page.nextLink());
                    assertEquals(Optional.of(ROUTES + "?limit=2&page=2"), page.prevLink());
                })
                .expectComplete()
                .verify(WAIT);

        assertEquals(3, urls().size());
    }

    @Test
    void byPageTakeOneSendsOneRequest() {
        threePages(2);

        StepVerifier.create(routes(2).byPage().next()).expectNextCount(1).expectComplete().verify(WAIT);
        settle(Duration.ofMillis(300));

        assertEquals(List.of(ROUTES + "?limit=2"), urls());
    }

    @Test
    void byPageWithLinkResumesFromThatPage() {
        threePages(2);

        StepVerifier.create(routes(2).byPage(ROUTES + "?page=2&limit=2").map(Page::items).map(List::size))
                .expectNext(2, 2)
                .expectComplete()
                .verify(WAIT);

        assertEquals(List.of(ROUTES + "?limit=2&page=2", ROUTES + "?limit=2&page=3"), urls());
        flowroute.requests().forEach(MockFlowrouteExtension::assertSigned);
    }

    @Test
    void queryStartPageIsSent() {
        page(ROUTES + "?page=3", routesPage(0, 2, null, ROUTES + "?page=2"));

        StepVerifier.create(flowroute.client().routes().list(RouteQuery.builder().page(3).build())).expectNextCount(2).expectComplete()
                .verify(WAIT);

        assertEquals(List.of(ROUTES + "?page=3"), urls());
    }

    @Test
    void emptyObjectIsAnEmptyListing() {
        flowroute.server().stubFor(get(anyUrl()).willReturn(okJson("{}")));

        StepVerifier.create(flowroute.client().routes().list()).expectComplete().verify(WAIT);
        StepVerifier.create(flowroute.client().routes().list().byPage())
                .assertNext(page -> {
                    assertTrue(page.items().isEmpty());
                    assertTrue(page.nextLink().isEmpty());
                })
                .expectComplete()
                .verify(WAIT);

        assertEquals(List.of(ROUTES, ROUTES), urls());
    }

    @Test
    void eachSubscriptionWalksAnew() {
        threePages(2);
        PagedFlux<Route> listing = routes(2);

        StepVerifier.create(listing).expectNextCount(6).expectComplete().verify(WAIT);
        StepVerifier.create(listing).expectNextCount(6).expectComplete().verify(WAIT);

        assertEquals(6, urls().size());
    }

    @Test
    void nextLinkToAnotherHostIsRefusedAndNotSent() {
        page(ROUTES, routesPage(0, 2, "http://evil.example/v1/routes/?page=2", null));

        StepVerifier.create(flowroute.client().routes().list())
                .expectNextCount(2)
                .expectErrorSatisfies(error -> {
                    assertInstanceOf(FlowrouteTransportException.class, error);
                    assertTrue(error.getMessage().contains("http://evil.example/v1/routes/?page=2"), error.getMessage());
                    assertTrue(error.getMessage().contains("another origin"), error.getMessage());
                })
                .verify(WAIT);

        assertEquals(List.of(ROUTES), urls());
    }

    @Test
    void nextLinkToAnotherPortIsRefusedAndThatServerGetsNothing() {
        WireMockServer other = flowroute.startServer(UnaryOperator.identity());
        other.stubFor(get(anyUrl()).willReturn(okJson("{}")));
        String[] links = {
            "http://127.0.0.1:" + other.port() + "/v1/routes/?page=2",
            "//127.0.0.1:" + other.port() + "/v1/routes/?page=2",
            "https://127.0.0.1:" + flowroute.port() + "/v1/routes/?page=2",
        };
        for (String link : links) {
            flowroute.reset();
            page(ROUTES, routesPage(0, 1, link, null));

            StepVerifier.create(flowroute.client().routes().list())
                    .expectNextCount(1)
                    .expectError(FlowrouteTransportException.class)
                    .verify(WAIT);

            assertEquals(List.of(ROUTES), urls(), link);
        }
        assertEquals(0, other.getAllServeEvents().size());
    }

    @Test
    void byPageFromALinkToAnotherHostIsRefusedAndNothingIsSent() {
        StepVerifier.create(flowroute.client().routes().list().byPage("https://evil.example/v1/routes/?page=2"))
                .expectError(FlowrouteTransportException.class)
                .verify(WAIT);

        assertEquals(List.of(), urls());
    }

    @Test
    void nextLinkToItselfEndsWithAnErrorInsteadOfLooping() {
        page(ROUTES, routesPage(0, 2, ROUTES + "?page=2", null));
        page(ROUTES + "?page=2", routesPage(2, 2, ROUTES + "?page=2", null));

        StepVerifier.create(flowroute.client().routes().list().map(Route::name))
                .expectNextSequence(names(0, 4))
                .expectErrorSatisfies(error -> {
                    assertInstanceOf(FlowrouteTransportException.class, error);
                    assertTrue(error.getMessage().contains("already read"), error.getMessage());
                })
                .verify(WAIT);

        assertEquals(List.of(ROUTES, ROUTES + "?page=2"), urls());
    }

    @Test
    void nextLinkCycleEndsWithAnError() {
        page(ROUTES, routesPage(0, 1, ROUTES + "?page=2", null));
        page(ROUTES + "?page=2", routesPage(1, 1, ROUTES + "?page=3", null));
        page(ROUTES + "?page=3", routesPage(2, 1, ROUTES + "?page=2", null));

        StepVerifier.create(flowroute.client().routes().list()).expectNextCount(3).expectError(FlowrouteTransportException.class)
                .verify(WAIT);

        assertEquals(3, urls().size());
    }

    @Test
    void malformedNextLinkIsATransportError() {
        page(ROUTES, routesPage(0, 1, ROUTES + "?page=%zz", null));

        StepVerifier.create(flowroute.client().routes().list())
                .expectNextCount(1)
                .expectErrorSatisfies(error -> {
                    assertInstanceOf(FlowrouteTransportException.class, error);
                    assertTrue(error.getMessage().contains("links.next"), error.getMessage());
                })
                .verify(WAIT);

        assertEquals(1, urls().size());
    }

    @Test
    void pageErrorEndsTheWalkAfterTheItemsBefore() {
        page(ROUTES, routesPage(0, 2, ROUTES + "?page=2", null));
        flowroute.server().stubFor(get(urlEqualTo(ROUTES + "?page=2")).willReturn(aResponse().withStatus(404)));

        StepVerifier.create(flowroute.client().routes().list())
                .expectNextCount(2)
                .expectError(com.flowroute.numbers.NotFoundException.class)
                .verify(WAIT);
    }

    @Test
    void fiftyPagesOfTwoHundredFromTheServer() {
        int pages = 50;
        for (int p = 1; p <= pages; p++) {
            String url = p == 1 ? ROUTES + "?limit=200" : ROUTES + "?limit=200&page=" + p;
            page(url, routesPage((p - 1) * 200, 200, p == pages ? null : ROUTES + "?limit=200&page=" + (p + 1), null));
        }

        StepVerifier.create(routes(200).count()).expectNext(10_000L).expectComplete().verify(Duration.ofSeconds(30));

        assertEquals(pages, urls().size());
    }

    /** In-memory pages {@code 0..pages-1} of {@code size} integers, linked by {@code "p<n>"}. */
    private static PagedFlux<Integer> inMemory(int pages, int size, AtomicInteger fetches) {
        return PagedFlux.create(() -> memoryPage(0, pages, size, fetches),
                link -> memoryPage(Integer.parseInt(link.substring(1)), pages, size, fetches));
    }

    private static Mono<Page<Integer>> memoryPage(int index, int pages, int size, AtomicInteger fetches) {
        fetches.incrementAndGet();
        List<Integer> items = IntStream.range(index * size, (index + 1) * size).boxed().collect(Collectors.toList());
        return Mono.just(Page.of(items, index + 1 < pages ? Optional.of("p" + (index + 1)) : Optional.empty(),
                Optional.empty()));
    }

    @Test
    void threeHundredSynchronousPagesOfTwoHundredDoNotGrowTheStack() {
        AtomicInteger fetches = new AtomicInteger();

        StepVerifier.create(inMemory(300, 200, fetches).count()).expectNext(60_000L).expectComplete().verify(WAIT);
        StepVerifier.create(inMemory(300, 200, fetches).byPage().count()).expectNext(300L).expectComplete().verify(WAIT);

        assertEquals(600, fetches.get());
    }

    @Test
    void synchronousPagesRequestedOneAtATimeFromInsideOnNext() {
        AtomicInteger fetches = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        AtomicInteger expected = new AtomicInteger();
        List<Throwable> errors = new ArrayList<>();
        List<Boolean> completed = new ArrayList<>();

        inMemory(300, 200, fetches).subscribe(new BaseSubscriber<Integer>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(1);
            }

            @Override
            protected void hookOnNext(Integer value) {
                if (value != expected.getAndIncrement()) {
                    errors.add(new AssertionError("out of order: " + value));
                }
                received.incrementAndGet();
                request(1);
            }

            @Override
            protected void hookOnError(Throwable throwable) {
                errors.add(throwable);
            }

            @Override
            protected void hookOnComplete() {
                completed.add(true);
            }
        });

        // Synchronous pages: everything happened on this thread before subscribe returned.
        assertEquals(List.of(), errors);
        assertEquals(List.of(true), completed);
        assertEquals(60_000, received.get());
        assertEquals(300, fetches.get());
    }

    @Test
    void synchronousPagesWithStepwiseRequests() {
        AtomicInteger fetches = new AtomicInteger();

        StepVerifier.create(inMemory(3, 2, fetches), 0)
                .then(() -> assertEquals(0, fetches.get()))
                .thenRequest(1)
                .expectNext(0)
                .thenRequest(1)
                .expectNext(1)
                .then(() -> assertEquals(1, fetches.get(), "page 2 only on demand"))
                .thenRequest(1)
                .expectNext(2)
                .then(() -> assertEquals(2, fetches.get()))
                .thenRequest(3)
                .expectNext(3, 4, 5)
                .expectComplete()
                .verify(WAIT);

        assertEquals(3, fetches.get());
    }

    @Test
    void emptyFirstPageMonoIsAnError() {
        PagedFlux<Integer> empty = PagedFlux.create(Mono::empty, link -> Mono.empty());

        StepVerifier.create(empty).expectError(FlowrouteTransportException.class).verify(WAIT);
    }

    @Test
    void twoConcurrentSubscribersDoNotShareState() {
        threePages(2);
        PagedFlux<Route> listing = routes(2);

        StepVerifier.create(listing.map(Route::name).collectList().zipWith(listing.map(Route::name).collectList()))
                .assertNext(both -> {
                    assertEquals(names(0, 6), both.getT1());
                    assertEquals(names(0, 6), both.getT2());
                })
                .expectComplete()
                .verify(WAIT);

        assertEquals(6, urls().size());
    }
}
