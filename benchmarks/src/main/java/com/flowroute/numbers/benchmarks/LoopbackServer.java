package com.flowroute.numbers.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A minimal server on 127.0.0.1 for the benchmark: fixed answers to the number search and to
 * the 500 pages of the account listing, over v1 and over v2, an optional delay before each answer, and counters of
 * what it received. It checks no signature and keeps no state, so that the clients, not the
 * server, are what is measured. Its threads (event loops and delay timer) are its own, named
 * {@value #THREAD_PREFIX}..., so that their allocations can be left out of the clients'.
 */
final class LoopbackServer implements AutoCloseable {
    private static final String JSON_API = "application/vnd.api+json";

    /** The name prefix of every thread of the server. */
    static final String THREAD_PREFIX = "loopback-server";

    private final LoopResources loops = LoopResources.create(THREAD_PREFIX, 1, 2, true);
    private final Scheduler timer = Schedulers.newSingle(THREAD_PREFIX + "-timer", true);
    private final LongAdder searches = new LongAdder();
    private final LongAdder pages = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final DisposableServer server;
    private volatile Duration latency = Duration.ZERO;
    private volatile IntConsumer pageObserver = page -> {};

    private LoopbackServer() {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .runOn(loops)
                // Once per TCP connection (doOnConnection would fire once per request on a kept-alive one).
                .doOnChannelInit((observer, channel, remoteAddress) -> connections.increment())
                .handle(this::answer)
                .bindNow(Duration.ofSeconds(10));
    }

    /**
     * Runs the server alone, for profiling a client by hand: prints its origin, then serves until
     * killed. {@code java -cp flowroute-benchmarks.jar com.flowroute.numbers.benchmarks.LoopbackServer}.
     */
    public static void main(String[] args) throws InterruptedException {
        LoopbackServer server = start();
        System.out.println(server.origin());
        Thread.currentThread().join();
    }

    /** A server listening on a free port of 127.0.0.1. */
    static LoopbackServer start() {
        return new LoopbackServer();
    }

    /** {@code http://127.0.0.1:PORT}. */
    String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Sets the delay before each answer from now on; zero for none. */
    void latency(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    /** Called with the page number (1-based) of each account-listing request, on a server thread. */
    void onPageRequest(IntConsumer observer) {
        this.pageObserver = Objects.requireNonNull(observer, "observer");
    }

    /** Search requests received so far (v1 and v2). */
    long searches() {
        return searches.sum();
    }

    /** Account-listing page requests received so far. */
    long pageRequests() {
        return pages.sum();
    }

    /** Connections accepted so far. */
    long connections() {
        return connections.sum();
    }

    /** The most requests answered at once since the last {@link #resetMaxInFlight()}. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    /** Starts counting {@link #maxInFlight()} afresh. */
    void resetMaxInFlight() {
        maxInFlight.set(inFlight.get());
    }

    private Publisher<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        if (!HttpMethod.GET.equals(request.method())) {
            return response.status(HttpResponseStatus.METHOD_NOT_ALLOWED).send();
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        Mono<ByteBuf> body;
        String type = "application/json";
        if (path.equals(FixedResponses.SEARCH_PATH)) {
            searches.increment();
            body = Mono.fromSupplier(() -> Unpooled.wrappedBuffer(FixedResponses.SEARCH));
        } else if (path.equals(FixedResponses.ACCOUNT_PATH)) {
            int page = parameter(query < 0 ? "" : uri.substring(query + 1), "page=", 1);
            if (page < 1 || page > FixedResponses.ACCOUNT_PAGES) {
                return response.status(HttpResponseStatus.BAD_REQUEST).send();
            }
            pages.increment();
            pageObserver.accept(page);
            body = Mono.fromSupplier(() -> Unpooled.wrappedBuffer(FixedResponses.accountItemsPart(),
                    FixedResponses.accountLinksPart(page)));
        } else if (path.equals(FixedResponses.V2_SEARCH_PATH)) {
            searches.increment();
            type = JSON_API;
            body = Mono.fromSupplier(() -> Unpooled.wrappedBuffer(FixedResponses.V2_SEARCH));
        } else if (path.equals(FixedResponses.V2_ACCOUNT_PATH)) {
            int offset = parameter(query < 0 ? "" : uri.substring(query + 1), "offset=", 0);
            if (offset < 0 || offset % FixedResponses.ACCOUNT_PAGE_SIZE != 0
                    || offset >= FixedResponses.ACCOUNT_PAGE_SIZE * FixedResponses.ACCOUNT_PAGES) {
                return response.status(HttpResponseStatus.BAD_REQUEST).send();
            }
            pages.increment();
            pageObserver.accept(offset / FixedResponses.ACCOUNT_PAGE_SIZE + 1);
            type = JSON_API;
            body = Mono.fromSupplier(() -> Unpooled.wrappedBuffer(FixedResponses.v2AccountItemsPart(),
                    FixedResponses.v2AccountLinksPart(offset)));
        } else {
            return response.status(HttpResponseStatus.NOT_FOUND).send();
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        Mono<Void> send = response.header(HttpHeaderNames.CONTENT_TYPE, type)
                .send(body)
                .then();
        Duration wait = latency;
        return (wait.isZero() ? send : Mono.delay(wait, timer).then(send))
                .doFinally(signal -> inFlight.decrementAndGet());
    }

    private static int parameter(String query, String prefix, int otherwise) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(prefix)) {
                try {
                    return Integer.parseInt(pair.substring(prefix.length()));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return otherwise;
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
        timer.dispose();
        loops.disposeLater().block(Duration.ofSeconds(10));
    }
}
