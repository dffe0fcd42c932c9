package com.flowroute.numbers.blocking;

import static com.flowroute.numbers.blocking.TestServer.requestCount;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.testing.MockFlowrouteExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Which threads may block, interruption, and one client shared by many threads. */
class FlowrouteClientThreadsTest {
    private static final String DETAILS = "/v1/tns/12066417744";
    private static final String DETAILS_BODY = "{\"billing_method\": \"METERED\", \"routes\": ["
            + "{\"type\": \"SIP-REG\", \"name\": \"sip-reg\"}, {\"type\": \"SIP-REG\", \"name\": \"sip-reg\"}]}";

    @RegisterExtension
    static final MockFlowrouteExtension flowroute = TestServer.extension();

    /** A blocking client over this test's reactive client. */
    private static FlowrouteClient client() {
        return TestServer.client(flowroute);
    }


    private static void assertRefusedOnNonBlockingThread(Throwable error, String threadPrefix) {
        assertInstanceOf(IllegalStateException.class, error);
        assertTrue(error.getMessage().contains("non-blocking Reactor thread " + threadPrefix), error.getMessage());
        assertTrue(error.getMessage().contains("ReactiveFlowrouteClient"), error.getMessage());
    }

    @Test
    void callOnAParallelSchedulerThreadFailsAtOnceWithoutARequest() {
        Mono<NumberDetails> details = Mono.fromCallable(() -> client().numbers().details("12066417744"))
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(details)
                .expectErrorSatisfies(error -> assertRefusedOnNonBlockingThread(error, "parallel-"))
                .verify(Duration.ofSeconds(5));
        assertEquals(0, requestCount(flowroute));
    }

    @Test
    void voidCallsAndListingsAreRefusedTooWithoutARequest() {
        Mono<Object> purchase = Mono.fromRunnable(() -> client().numbers().purchase("12066417744"))
                .subscribeOn(Schedulers.single());
        Mono<Long> listing = Mono.fromCallable(() -> client().routes().list().stream().count())
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(purchase)
                .expectErrorSatisfies(error -> assertRefusedOnNonBlockingThread(error, "single-"))
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(listing)
                .expectErrorSatisfies(error -> assertRefusedOnNonBlockingThread(error, "parallel-"))
                .verify(Duration.ofSeconds(5));
        assertEquals(0, requestCount(flowroute));
    }

    @Test
    void callOnANettyEventLoopIsRefused() {
        flowroute.server().stubFor(get(urlEqualTo(DETAILS)).willReturn(okJson(DETAILS_BODY)));
        // Blocking inside a reactive callback: the callback runs on the event loop that read the answer.
        Mono<NumberDetails> nested = client().reactive().numbers().details("12066417744")
                .map(outer -> client().numbers().details("12066417744"));

        StepVerifier.create(nested)
                .expectErrorSatisfies(error -> assertRefusedOnNonBlockingThread(error, "reactor-http-"))
                .verify(Duration.ofSeconds(5));
        assertEquals(1, requestCount(flowroute), "only the outer, reactive call was sent");
    }

    @Test
    void callOnBoundedElasticIsAllowed() {
        flowroute.server().stubFor(get(urlEqualTo(DETAILS)).willReturn(okJson(DETAILS_BODY)));
        Mono<NumberDetails> details = Mono.fromCallable(() -> client().numbers().details("12066417744"))
                .subscribeOn(Schedulers.boundedElastic());

        StepVerifier.create(details)
                .assertNext(value -> assertEquals(Optional.of(BillingMethod.METERED), value.billingMethod()))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    /**
     * Runs {@code call} on a new thread, interrupts it once its request reached the server and it
     * waits for the answer, and returns what it threw and its interrupt flag.
     */
    private static Interrupted interruptWhileWaiting(String path, Supplier<Object> call) throws Exception {
        CompletableFuture<Interrupted> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                call.get();
                outcome.complete(new Interrupted(null, Thread.currentThread().isInterrupted()));
            } catch (Throwable error) {
                outcome.complete(new Interrupted(error, Thread.currentThread().isInterrupted()));
            }
        }, "blocking-caller");
        caller.start();
        Threads.awaitRequest(flowroute.server(), path);
        Threads.awaitParked(caller);

        long start = System.nanoTime();
        caller.interrupt();
        Interrupted result = outcome.get(5, TimeUnit.SECONDS);
        result.millis = (System.nanoTime() - start) / 1_000_000;
        caller.join(TimeUnit.SECONDS.toMillis(5));
        return result;
    }

    private static final class Interrupted {
        final Throwable error;
        final boolean flagSet;
        long millis;

        Interrupted(Throwable error, boolean flagSet) {
            this.error = error;
            this.flagSet = flagSet;
        }
    }

    private static void assertInterrupted(Interrupted result) {
        assertInstanceOf(FlowrouteTransportException.class, result.error);
        assertTrue(result.error.getMessage().contains("interrupted"), result.error.getMessage());
        assertInstanceOf(InterruptedException.class, result.error.getCause());
        assertTrue(result.flagSet, "the interrupt flag is restored");
        assertTrue(result.millis < 1000, "answered " + result.millis + " ms after the interrupt, not after the 5 s delay");
    }

    @Test
    void interruptingAWaitingCallCancelsItPromptly() throws Exception {
        flowroute.server().stubFor(get(urlEqualTo(DETAILS)).willReturn(okJson(DETAILS_BODY).withFixedDelay(5000)));

        Interrupted result = interruptWhileWaiting(DETAILS, () -> client().numbers().details("12066417744"));

        assertInterrupted(result);
        flowroute.server().verify(1, getRequestedFor(urlEqualTo(DETAILS)));
    }

    @Test
    void interruptingAWaitingListingCancelsItPromptly() throws Exception {
        flowroute.server().stubFor(get(urlEqualTo("/v1/routes/")).willReturn(okJson("{}").withFixedDelay(5000)));

        Interrupted result = interruptWhileWaiting("/v1/routes/", () -> client().routes().list().iterator().hasNext());

        assertInterrupted(result);
    }

    @Test
    void anAlreadyInterruptedThreadSendsNothing() throws Exception {
        flowroute.server().stubFor(get(urlEqualTo(DETAILS)).willReturn(okJson(DETAILS_BODY)));
        CompletableFuture<Interrupted> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                client().numbers().details("12066417744");
                outcome.complete(new Interrupted(null, Thread.currentThread().isInterrupted()));
            } catch (Throwable error) {
                outcome.complete(new Interrupted(error, Thread.currentThread().isInterrupted()));
            }
        });
        caller.start();

        Interrupted result = outcome.get(5, TimeUnit.SECONDS);

        assertInstanceOf(FlowrouteTransportException.class, result.error);
        assertTrue(result.flagSet);
        assertEquals(0, requestCount(flowroute));
    }

    @Test
    void oneClientServesThirtyTwoThreadsAtOnce() throws Exception {
        int threads = 32;
        for (int i = 0; i < threads; i++) {
            flowroute.server().stubFor(get(urlEqualTo("/v1/tns/" + number(i))).willReturn(okJson("{\"billing_method\": \"METERED\","
                    + " \"routes\": [{\"type\": \"HOST\", \"name\": \"primary-" + i + "\", \"value\": \"10.0.0." + i + ":5060\"},"
                    + " {\"type\": \"PSTN\", \"name\": \"failover-" + i + "\", \"value\": \"" + number(i) + "\"}]}")));
        }
        flowroute.server().stubFor(get(urlEqualTo("/v1/routes/?limit=2")).willReturn(okJson("{\"routes\": {"
                + "\"a\": {\"type\": \"HOST\", \"value\": \"10.0.0.1\"}, \"b\": {\"type\": \"SIP-REG\", \"value\": null}},"
                + " \"links\": {\"next\": \"/v1/routes/?limit=2&page=2\"}}")));
        flowroute.server().stubFor(get(urlEqualTo("/v1/routes/?limit=2&page=2")).willReturn(okJson("{\"routes\": {"
                + "\"c\": {\"type\": \"URI\", \"value\": \"sip:c@example.com\"}}}")));
        List<Route> allRoutes = List.of(Route.of("a", RouteType.HOST, "10.0.0.1"), Route.of("b", RouteType.SIP_REG, null),
                Route.of("c", RouteType.URI, "sip:c@example.com"));
        PagedIterable<Route> routes = client().routes().list(RouteQuery.builder().pageSize(2).build());

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                results.add(pool.submit(() -> {
                    start.await();
                    NumberDetails details = client().numbers().details(number(index));
                    assertEquals(Route.of("primary-" + index, RouteType.HOST, "10.0.0." + index + ":5060"), details.primaryRoute());
                    assertEquals(Route.of("failover-" + index, RouteType.PSTN, number(index)), details.failoverRoute());
                    assertEquals(allRoutes, routes.stream().toList());
                    return null;
                }));
            }
            start.countDown();
            for (Future<Void> result : results) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new AssertionError("a thread failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        for (int i = 0; i < threads; i++) {
            flowroute.server().verify(1, getRequestedFor(urlEqualTo("/v1/tns/" + number(i))));
        }
        flowroute.server().verify(threads, getRequestedFor(urlEqualTo("/v1/routes/?limit=2")));
        flowroute.server().verify(threads, getRequestedFor(urlEqualTo("/v1/routes/?limit=2&page=2")));
        assertEquals(threads * 3, requestCount(flowroute));
    }

    /** A distinct NANP number per thread: 1206555 followed by 0100-0131. */
    private static String number(int index) {
        return "1206555" + String.format("%04d", 100 + index);
    }
}
