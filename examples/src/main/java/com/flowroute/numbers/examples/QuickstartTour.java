package com.flowroute.numbers.examples;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.E911Address;
import com.flowroute.numbers.E911Record;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.MessageStatus;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.blocking.FlowrouteClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A tour of all nine operations, in the order of the Ruby SDK's README: area codes, exchanges,
 * search, purchase, account numbers, details, route creation (HOST, PSTN, URI), route list,
 * route update, details again; then an emergency address and a caller name for the number, and a
 * text message sent from it (on the real API only to {@value Target#TEXT_TO_VARIABLE}, when set).
 * Runs against an embedded sandbox unless given {@code --live}, over API v1 unless given
 * {@code --api v2}; it prints the same tables over both.
 *
 * <pre>mvn -B -q -DskipTests package exec:java -pl examples -am</pre>
 */
public final class QuickstartTour {
    private QuickstartTour() {}

    /**
     * Runs the tour.
     *
     * @param args {@code --live} to use the real API with FLOWROUTE_ACCESS_KEY and FLOWROUTE_SECRET_KEY;
     *     {@code --api v2} for API v2
     */
    public static void main(String[] args) {
        try (Target target = Target.fromArgs(args)) {
            System.out.println(target.describe());
            run(target, System.out);
        }
    }

    /** Walks the nine operations against {@code target}, printing tables to {@code out}. */
    static PhoneNumber run(Target target, PrintStream out) {
        try (FlowrouteClient client = target.configure(FlowrouteClient.builder()).build()) {
            out.println("\n1. Area codes with numbers in stock (first 5)");
            Table areaCodes = new Table("NPA");
            client.availableNumbers().areaCodes(AreaCodeQuery.builder().pageSize(5).build())
                    .stream().limit(5).forEach(areaCode -> areaCodes.row(areaCode.npa()));
            areaCodes.print(out);

            out.println("\n2. Exchanges in area code 206 (first 5)");
            Table exchanges = new Table("NPA", "NXX");
            client.availableNumbers().exchanges(ExchangeQuery.builder().npa("206").pageSize(5).build())
                    .stream().limit(5).forEach(exchange -> exchanges.row(exchange.npa(), exchange.nxx()));
            exchanges.print(out);

            out.println("\n3. Numbers for sale in Seattle, WA (first 5)");
            NumberSearch seattle = NumberSearch.builder().npa("206").rateCenter("SEATTLE").state("WA").pageSize(5).build();
            List<AvailableNumber> found = client.availableNumbers().search(seattle).stream().limit(5)
                    .collect(Collectors.toList());
            Table numbers = new Table("NUMBER", "RATE CENTER", "STATE", "SETUP $", "MONTHLY $");
            found.forEach(n -> numbers.row(n.number(), n.rateCenter(), n.state(), n.initialCost(), n.monthlyCost()));
            numbers.print(out);
            if (found.isEmpty()) {
                throw new IllegalStateException("no number for sale in 206 SEATTLE WA");
            }

            PhoneNumber number = found.get(0).number();
            out.println("\n4. Buying " + number);
            client.numbers().purchase(number);
            out.println("  bought " + number);

            out.println("\n5. Numbers on the account");
            Table account = new Table("NUMBER", "PRIMARY ROUTE", "FAILOVER ROUTE");
            for (AccountNumber owned : client.numbers().list()) {
                // Over v2 the listing carries no routes: the details have them, on both versions.
                NumberDetails details = client.numbers().details(owned.number());
                account.row(owned.number(), details.primaryRoute().name(), details.failoverRoute().name());
            }
            account.print(out);

            out.println("\n6. Details of " + number);
            printDetails(client.numbers().details(number), out);

            out.println("\n7. Creating a route of each type");
            client.routes().create(NewRoute.host("tour-host", "24.239.23.40:5060"));
            client.routes().create(NewRoute.pstn("tour-pstn", "12065551212"));
            client.routes().create(NewRoute.uri("tour-uri", "sip:alice@example.com:5060"));
            out.println("  created tour-host (HOST), tour-pstn (PSTN), tour-uri (URI)");

            out.println("\n8. Inbound routes");
            printRoutes(client.routes().list(RouteQuery.builder().pageSize(50).build()), out);

            out.println("\n9. Routing " + number + " to tour-host, failing over to tour-uri");
            client.numbers().updateRoutes(number, "tour-host", "tour-uri");
            out.println("  updated");

            out.println("\n10. Details of " + number + " again");
            printDetails(client.numbers().details(number), out);

            out.println("\n11. Registering an emergency (E911) address for " + number);
            E911Address address = E911Address.builder()
                    .label("Seattle office").firstName("Ada").lastName("Lovelace")
                    .streetNumber("1218").streetName("Third Avenue")
                    .city("Seattle").state("WA").country("US").zip("98101")
                    .build();
            client.e911().validate(address);
            E911Record record = client.e911().create(address);
            client.e911().assign(record.id(), number);
            out.println("  E911 record " + record.id() + " assigned: " + address.streetNumber() + " " + address.streetName()
                    + ", " + address.city() + " " + address.state() + " " + address.zip());

            out.println("\n12. Setting the caller name (CNAM) shown on calls from " + number);
            CnamRecord callerName = client.cnam().create("ADA LOVELACE");
            if (target.approve(callerName)) {
                client.cnam().assign(callerName.id(), number);
                out.println("  CNAM record " + callerName.id() + " (" + callerName.value() + ") assigned");
            } else {
                out.println("  CNAM record " + callerName.id() + " (" + callerName.value() + ") created; Flowroute approves it"
                        + " within 48 hours, then assign it with cnam().assign");
            }

            out.println("\n13. Texting from " + number);
            Optional<PhoneNumber> recipient = target.textRecipient();
            if (recipient.isEmpty()) {
                out.println("  skipped: set " + Target.TEXT_TO_VARIABLE + " to a phone of yours to receive the tour's text");
            } else {
                String id = client.messages().send(OutboundMessage.sms(number, recipient.get(), "Hello from the Flowroute Java SDK tour"));
                MessageRecord sent = awaitDelivery(client, id);
                out.println("  sent an SMS to " + recipient.get() + ": " + sent.status().value());
            }
            return number;
        }
    }

    // A sent message's record once delivered, or as it stands after ten seconds.
    private static MessageRecord awaitDelivery(FlowrouteClient client, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        MessageRecord record = client.messages().get(id);
        while (!record.status().equals(MessageStatus.DELIVERED) && !record.status().equals(MessageStatus.FAILED)
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return record;
            }
            record = client.messages().get(id);
        }
        return record;
    }

    private static void printDetails(NumberDetails details, PrintStream out) {
        printRoutes(List.of(details.primaryRoute(), details.failoverRoute()), out, "primary", "failover");
    }

    private static void printRoutes(Iterable<Route> routes, PrintStream out) {
        Table table = new Table("NAME", "TYPE", "VALUE");
        routes.forEach(route -> table.row(route.name(), route.type(), route.value().orElse("")));
        table.print(out);
    }

    private static void printRoutes(List<Route> routes, PrintStream out, String... roles) {
        Table table = new Table("ROLE", "NAME", "TYPE", "VALUE");
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            table.row(roles[i], route.name(), route.type(), route.value().orElse(""));
        }
        table.print(out);
    }
}
