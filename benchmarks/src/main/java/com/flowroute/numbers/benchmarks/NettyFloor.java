package com.flowroute.numbers.benchmarks;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Clock;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * (2) The floor: Reactor Netty's {@link HttpClient} used directly, with the SDK's request
 * (same URL, same four headers, signed per request) and the SDK's models, but nothing else: no
 * timeout, no retry wrapper, no logging hooks, no size limit, a streaming parse. Its pool has the
 * SDK's settings (500 connections, unbounded queue, 20 s idle) and it runs on the same default
 * event loops.
 */
final class NettyFloor implements Contender {
    static final String USER_AGENT = "flowroute-benchmarks/floor (Java " + System.getProperty("java.version") + ")";

    private final ConnectionProvider pool;
    private final HttpClient client;
    private final HandSigner signer;
    private final String origin;

    NettyFloor(String origin, String accessKey, String secretKey) {
        this(origin, accessKey, secretKey, 500);
    }

    NettyFloor(String origin, String accessKey, String secretKey, int maxConnections) {
        this.pool = ConnectionProvider.builder("floor")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        this.client = HttpClient.create(pool);
        this.signer = new HandSigner(accessKey, secretKey, Clock.systemUTC());
        this.origin = origin;
    }

    @Override
    public String name() {
        return "floor (Reactor Netty)";
    }

    @Override
    public boolean blocking() {
        return false;
    }

    @Override
    public void search(Completion done) {
        HandSigner.Headers signed = signer.sign("GET", origin, FixedResponses.SEARCH_PATH, FixedResponses.SEARCH_QUERY, null);
        client.request(HttpMethod.GET)
                .uri(origin + FixedResponses.SEARCH_PATH + "?" + FixedResponses.SEARCH_QUERY)
                .send((request, outbound) -> {
                    request.header(HttpHeaderNames.ACCEPT, "application/json")
                            .header(HttpHeaderNames.USER_AGENT, USER_AGENT)
                            .header("X-Timestamp", signed.timestamp)
                            .header(HttpHeaderNames.AUTHORIZATION, signed.authorization);
                    return outbound;
                })
                .responseSingle((response, body) -> response.status().code() == 200 ? body.asByteArray()
                        : Mono.error(new IllegalStateException("HTTP " + response.status().code())))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("empty body")))
                .map(HandParser::availableNumbers)
                .subscribe(page -> done.complete(page.items().size(), null), error -> done.complete(0, error));
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
