package com.flowroute.numbers.examples;

import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.E911Address;
import com.flowroute.numbers.E911Record;
import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.FlowrouteWebhooks;
import com.flowroute.numbers.InboundMessage;
import com.flowroute.numbers.MessageQuery;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.NumberUpdate;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.PurchaseResult;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteRole;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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
                .baseUrl(baseUrl)           // default: https://api.flowroute.com
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
                .baseUrl(baseUrl)           // default: https://api.flowroute.com
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

    static Route v2(FlowrouteCredentials credentials, String baseUrl) {
        // BEGIN v2-quickstart
        try (FlowrouteClient client = FlowrouteClient.builder()
                .credentials(credentials)
                .baseUrl(baseUrl)
                .apiVersion(FlowrouteApiVersion.V2)   // or env FLOWROUTE_API_VERSION=v2
                .build()) {
            AvailableNumber found = client.availableNumbers()
                    .search(NumberSearch.builder().npa("206").pageSize(5).build())
                    .stream().findFirst().orElseThrow();
            PurchaseResult bought = client.numbers().purchaseWithResult(found.number());
            bought.warnings().forEach(System.err::println);   // a 207: bought, but messaging not enabled

            Route pbx = client.routes().create(NewRoute.host("office-pbx", "24.239.23.40:5060"));  // has its v2 id
            Route sipReg = client.routes().list().stream()
                    .filter(route -> route.type().equals(RouteType.SIP_REG)).findFirst().orElseThrow();
            client.numbers().updateRoutes(found.number(), pbx, sipReg);      // by id: no alias look-up
            client.numbers().update(found.number(), NumberUpdate.builder().alias("front desk").build());
            client.numbers().clearRoute(found.number(), RouteRole.FAILOVER);
            return pbx;
        }
        // END v2-quickstart
    }

    static String texting(FlowrouteClient client, String from, String to, URI receiver) {
        // BEGIN texting
        String id = client.messages().send(OutboundMessage.sms(from, to, "Your table is ready"));   // mdr2-...
        client.messages().setCallback(CallbackType.SMS, receiver);         // where Flowroute posts inbound texts

        for (MessageRecord message : client.messages().list(MessageQuery.since(Instant.now().minus(Duration.ofDays(1))))) {
            System.out.println(message.timestamp() + " " + message.direction() + " " + message.status());
        }
        // END texting
        return id;
    }

    static String receive(byte[] webhookBody) {
        // BEGIN texting-receive
        InboundMessage text = FlowrouteWebhooks.inboundMessage(webhookBody);   // either of Flowroute's shapes
        String reply = "Thanks, " + text.from().npa() + " caller: we got " + text.body().length() + " characters";
        // END texting-receive
        return reply;
    }

    static String emergencyAddress(FlowrouteClient client, PhoneNumber number) {
        // BEGIN e911-cnam
        E911Address address = E911Address.builder()
                .label("Seattle office").firstName("Ada").lastName("Lovelace")
                .streetNumber("1218").streetName("Third Avenue")
                .city("Seattle").state("WA").country("US").zip("98101")
                .build();                                              // checked here, before the wire
        client.e911().validate(address);                               // Flowroute can locate it
        E911Record record = client.e911().create(address);
        client.e911().assign(record.id(), number);

        CnamRecord callerName = client.cnam().create("ADA LOVELACE");  // approved by Flowroute within 48 hours
        client.cnam().assign(callerName.id(), number);                 // once it is approved
        // END e911-cnam
        return record.id();
    }
}
