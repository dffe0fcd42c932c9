package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import java.util.ArrayList;
import java.util.List;

/** The SDK's blocking {@link FlowrouteClient}, called from a pool of threads, one per concurrent call. */
final class SdkBlocking implements Contender {
    private final Workload workload;
    private final FlowrouteClient client;

    SdkBlocking(Workload workload, String origin, FlowrouteCredentials credentials) {
        this.workload = workload;
        this.client = FlowrouteClient.builder()
                .baseUrl(origin)
                .apiVersion(workload.version)
                .credentials(credentials)
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    /** The client, for the paging run. */
    FlowrouteClient client() {
        return client;
    }

    @Override
    public String name() {
        return "SDK blocking";
    }

    @Override
    public Workload workload() {
        return workload;
    }

    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    public void call(Completion done) {
        int items;
        try {
            if (workload.isPage()) {
                items = client.numbers().list(Workload.accountQuery(workload.nextPage())).streamByPage().findFirst()
                        .map(Page::items).map(List::size).orElse(0);
            } else {
                List<AvailableNumber> found = new ArrayList<>();
                for (AvailableNumber number : client.availableNumbers().search(Workload.SEARCH)) {
                    found.add(number);
                }
                items = found.size();
            }
        } catch (RuntimeException e) {
            done.complete(0, e);
            return;
        }
        done.complete(items, null);
    }

    @Override
    public void close() {
        client.close();
    }
}
