package com.flowroute.numbers.examples;

import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import java.util.List;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * The README's quickstart snippets, compiled and run by {@code ReadmeSnippetsTest}, which also
 * checks that the README shows each one verbatim (the text between the BEGIN and END lines).
 */
final class ReadmeSnippets {
    private ReadmeSnippets() {}

    static String reactive(FlowrouteCredentials credentials, String baseUrl) {
        // BEGIN reactive-quickstart
        ReactiveFlowrouteClient rx = ReactiveFlowrouteClient.builder()
                .credentials(credentials)   // default: FLOWROUTE_ACCESS_KEY and FLOWROUTE_SECRET_KEY
                .baseUrl(baseUrl)           // default: https://api.flowroute.com/v1
                .build();

        NumberSearch seattle = NumberSearch.builder().npa("206").rateCenter("SEATTLE").state("WA").build();
        Mono<String> provisioned = rx.availableNumbers().search(seattle)
                .next()                                      // one request: the first page only
                .flatMap(found -> rx.numbers().purchase(found.number())
                        .then(rx.routes().create(NewRoute.host("office-pbx", "24.239.23.40:5060")))
                        .then(rx.numbers().updateRoutes(found.number(), "office-pbx", "sip-reg"))
                        .thenReturn(found.number().toString()));

        String number = provisioned.block();                // or subscribe, in a reactive app
        rx.close();
        // END reactive-quickstart
        return number;
    }

    static List<String> blocking(FlowrouteCredentials credentials, String baseUrl) {
        // BEGIN blocking-quickstart
        try (FlowrouteClient client = FlowrouteClient.builder()
                .credentials(credentials)   // default: FLOWROUTE_ACCESS_KEY and FLOWROUTE_SECRET_KEY
                .baseUrl(baseUrl)           // default: https://api.flowroute.com/v1
                .build()) {
            NumberSearch search = NumberSearch.builder().npa("206").pageSize(20).build();
            List<AvailableNumber> firstFive = client.availableNumbers().search(search)
                    .stream().limit(5)                       // fetches one page of 20, no more
                    .collect(Collectors.toList());

            client.numbers().purchase(firstFive.get(0).number());
            client.routes().create(NewRoute.uri("alice", "sip:alice@example.com:5060"));
            client.numbers().updateRoutes(firstFive.get(0).number(), "alice", "sip-reg");

            return firstFive.stream().map(n -> n.number() + " " + n.rateCenter()).collect(Collectors.toList());
        }
        // END blocking-quickstart
    }
}
