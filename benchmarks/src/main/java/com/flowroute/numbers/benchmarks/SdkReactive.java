package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import java.time.Duration;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * (1) The SDK's {@link ReactiveFlowrouteClient}, retries off: with the connection pool it owns
 * (500 connections), or with a Reactor Netty client of the caller's with a larger pool.
 */
final class SdkReactive implements Contender {
    private final String name;
    private final ReactiveFlowrouteClient client;
    private final ConnectionProvider callersPool;
    private final NumberSearch search = NumberSearch.builder().npa("206").pageSize(FixedResponses.SEARCH_ITEMS).build();

    /** The SDK with its own pool. */
    SdkReactive(String baseUrl, FlowrouteCredentials credentials) {
        this.name = "SDK reactive";
        this.callersPool = null;
        this.client = builder(baseUrl, credentials).build();
    }

    /** The SDK sending through {@code httpClient(...)} with a pool of {@code maxConnections}. */
    SdkReactive(String baseUrl, FlowrouteCredentials credentials, int maxConnections) {
        this.name = "SDK reactive, httpClient() with " + maxConnections + " connections";
        this.callersPool = ConnectionProvider.builder("sdk-" + maxConnections)
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        this.client = builder(baseUrl, credentials).httpClient(HttpClient.create(callersPool)).build();
    }

    private static ReactiveFlowrouteClient.Builder builder(String baseUrl, FlowrouteCredentials credentials) {
        return ReactiveFlowrouteClient.builder()
                .baseUrl(baseUrl)
                .credentials(credentials)
                .retryPolicy(RetryPolicy.none());
    }

    /** The client, for the paging run. */
    ReactiveFlowrouteClient client() {
        return client;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean blocking() {
        return false;
    }

    @Override
    public void search(Completion done) {
        client.availableNumbers().search(search)
                .collectList()
                .subscribe(items -> done.complete(items.size(), null), error -> done.complete(0, error));
    }

    @Override
    public void close() {
        client.close();
        if (callersPool != null) {
            callersPool.dispose();
        }
    }
}
