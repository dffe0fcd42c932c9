package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import java.util.ArrayList;
import java.util.List;

/** (4) The SDK's blocking {@link FlowrouteClient}, called from a pool of threads, one per concurrent call. */
final class SdkBlocking implements Contender {
    private final FlowrouteClient client;
    private final NumberSearch search = NumberSearch.builder().npa("206").pageSize(FixedResponses.SEARCH_ITEMS).build();

    SdkBlocking(String baseUrl, FlowrouteCredentials credentials) {
        this.client = FlowrouteClient.builder()
                .baseUrl(baseUrl)
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
    public boolean blocking() {
        return true;
    }

    @Override
    public void search(Completion done) {
        List<AvailableNumber> items = new ArrayList<>();
        try {
            for (AvailableNumber number : client.availableNumbers().search(search)) {
                items.add(number);
            }
        } catch (RuntimeException e) {
            done.complete(0, e);
            return;
        }
        done.complete(items.size(), null);
    }

    @Override
    public void close() {
        client.close();
    }
}
