package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The SDK's {@link ReactiveFlowrouteClient}, retries off, over the workload's API version: with
 * the connection pool it owns (500 connections), with a Reactor Netty client of the caller's
 * with a larger pool, or observed through a Micrometer registry.
 */
final class SdkReactive implements Contender {
    private final String name;
    private final Workload workload;
    private final ReactiveFlowrouteClient client;
    private final ConnectionProvider callersPool;

    /** The SDK with its own pool. */
    SdkReactive(Workload workload, String origin, FlowrouteCredentials credentials) {
        this.name = "SDK reactive";
        this.workload = workload;
        this.callersPool = null;
        this.client = builder(workload, origin, credentials).build();
    }

    /** The SDK sending through {@code httpClient(...)} with a pool of {@code maxConnections}. */
    SdkReactive(Workload workload, String origin, FlowrouteCredentials credentials, int maxConnections) {
        this.name = "SDK reactive, httpClient() with " + maxConnections + " connections";
        this.workload = workload;
        this.callersPool = ConnectionProvider.builder("sdk-" + maxConnections)
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        this.client = builder(workload, origin, credentials).httpClient(HttpClient.create(callersPool)).build();
    }

    /** The SDK observed: every call and attempt through {@code registry}. */
    SdkReactive(Workload workload, String origin, FlowrouteCredentials credentials, ObservationRegistry registry, String name) {
        this.name = name;
        this.workload = workload;
        this.callersPool = null;
        this.client = builder(workload, origin, credentials).observationRegistry(registry).build();
    }

    private static ReactiveFlowrouteClient.Builder builder(Workload workload, String origin, FlowrouteCredentials credentials) {
        return ReactiveFlowrouteClient.builder()
                .baseUrl(origin)
                .apiVersion(workload.version)
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
    public Workload workload() {
        return workload;
    }

    @Override
    public boolean blocking() {
        return false;
    }

    @Override
    public void call(Completion done) {
        if (workload.isPage()) {
            client.numbers().list(Workload.accountQuery(workload.nextPage())).byPage().next()
                    .subscribe(page -> done.complete(page.items().size(), null), error -> done.complete(0, error));
        } else {
            client.availableNumbers().search(Workload.SEARCH).collectList()
                    .subscribe(items -> done.complete(items.size(), null), error -> done.complete(0, error));
        }
    }

    @Override
    public void close() {
        client.close();
        if (callersPool != null) {
            callersPool.dispose();
        }
    }
}
