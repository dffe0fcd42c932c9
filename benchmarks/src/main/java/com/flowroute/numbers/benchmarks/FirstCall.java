package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import reactor.netty.http.client.HttpClient;

/**
 * One search in a fresh JVM, the first thing it does: with the SDK's reactive client, or with
 * raw Reactor Netty and the floor's hand-written signing and parsing. Prints one line, the
 * number of items and the classes loaded, and exits; {@link FirstCallRun} times it from the
 * process's start: {@code java -cp flowroute-benchmarks.jar com.flowroute.numbers.benchmarks.FirstCall sdk|netty ORIGIN}.
 */
final class FirstCall {
    private FirstCall() {}

    public static void main(String[] args) {
        String who = args[0];
        String origin = args[1];
        int items;
        if (who.equals("sdk")) {
            // Not closed: the time that counts ends with the parsed page (the JVM halts after the line).
            ReactiveFlowrouteClient client = ReactiveFlowrouteClient.builder()
                    .baseUrl(origin)
                    .credentials(FlowrouteCredentials.of(BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY))
                    .retryPolicy(RetryPolicy.none())
                    .build();
            List<AvailableNumber> found = client.availableNumbers().search(Workload.SEARCH).collectList()
                    .block(Duration.ofSeconds(30));
            items = found == null ? 0 : found.size();
        } else {
            HandAuth auth = new HandAuth(Workload.V1_SEARCH.version, origin, BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY);
            String[] headers = auth.headers(FixedResponses.SEARCH_PATH, FixedResponses.SEARCH_QUERY);
            Page<AvailableNumber> page = HttpClient.create()
                    .headers(h -> {
                        h.set(HttpHeaderNames.ACCEPT, "application/json").set(HttpHeaderNames.USER_AGENT, NettyFloor.USER_AGENT);
                        for (int i = 0; i < headers.length; i += 2) {
                            h.set(headers[i], headers[i + 1]);
                        }
                    })
                    .request(HttpMethod.GET)
                    .uri(origin + FixedResponses.SEARCH_PATH + "?" + FixedResponses.SEARCH_QUERY)
                    .responseSingle((response, body) -> body.asByteArray())
                    .map(HandParser::availableNumbers)
                    .block(Duration.ofSeconds(30));
            items = page == null ? 0 : page.items().size();
        }
        System.out.println("items=" + items + " classes=" + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
