package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.Page;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The floor: Reactor Netty's {@link HttpClient} used directly, with the SDK's request (same URL,
 * same headers, v1 signed per request or v2 HTTP Basic) and the SDK's models, but nothing else:
 * no timeout, no retry wrapper, no logging hooks, no size limit, a hand-written streaming parse.
 * Its pool has the SDK's settings (500 connections, unbounded queue, 20 s idle) and it runs on
 * the same default event loops.
 */
final class NettyFloor implements Contender {
    static final String USER_AGENT = "flowroute-benchmarks/floor (Java " + System.getProperty("java.version") + ")";

    private final Workload workload;
    private final ConnectionProvider pool;
    private final HttpClient client;
    private final HandAuth auth;
    private final String origin;
    private final boolean blocking;

    NettyFloor(Workload workload, String origin, String accessKey, String secretKey) {
        this(workload, origin, accessKey, secretKey, 500, false);
    }

    NettyFloor(Workload workload, String origin, String accessKey, String secretKey, int maxConnections) {
        this(workload, origin, accessKey, secretKey, maxConnections, false);
    }

    /**
     * The floor waited for on the calling thread ({@code Mono.block()}, one caller thread per call
     * in flight when {@code blocking}): what blocking costs with no SDK at all.
     */
    NettyFloor(Workload workload, String origin, String accessKey, String secretKey, int maxConnections, boolean blocking) {
        this.blocking = blocking;
        this.workload = workload;
        this.pool = ConnectionProvider.builder("floor")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        this.client = HttpClient.create(pool);
        this.auth = new HandAuth(workload.version, origin, accessKey, secretKey);
        this.origin = origin;
    }

    @Override
    public String name() {
        return blocking ? Report.FLOOR_BLOCKING : Report.FLOOR;
    }

    @Override
    public Workload workload() {
        return workload;
    }

    @Override
    public boolean blocking() {
        return blocking;
    }

    @Override
    public void call(Completion done) {
        if (blocking) {
            Page<?> page;
            try {
                page = fetch(workload.nextPage()).block();
            } catch (RuntimeException e) {
                done.complete(0, e);
                return;
            }
            done.complete(page.items().size(), null);
            return;
        }
        fetch(workload.nextPage()).subscribe(page -> done.complete(page.items().size(), null), error -> done.complete(0, error));
    }

    /** The workload's call for {@code page} (1-based; a search has only page 1). */
    Mono<Page<?>> fetch(int page) {
        String query = workload.query(page);
        String[] headers = auth.headers(workload.path, query);
        return client.request(HttpMethod.GET)
                .uri(origin + workload.path + "?" + query)
                .send((request, outbound) -> {
                    request.header(HttpHeaderNames.ACCEPT, workload.accept())
                            .header(HttpHeaderNames.USER_AGENT, USER_AGENT);
                    for (int i = 0; i < headers.length; i += 2) {
                        request.header(headers[i], headers[i + 1]);
                    }
                    return outbound;
                })
                .responseSingle((response, body) -> response.status().code() == 200 ? body.asByteArray()
                        : Mono.error(new IllegalStateException("HTTP " + response.status().code())))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("empty body")))
                .map(workload.parse);
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
