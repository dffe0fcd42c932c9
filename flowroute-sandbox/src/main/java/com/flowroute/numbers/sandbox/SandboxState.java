package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything the sandbox remembers: the numbers for sale, the numbers on the account and the
 * account's inbound routes. Every method is synchronized and does no I/O, so that it can be
 * called from the event loop; lists come back as immutable snapshots.
 */
final class SandboxState {
    /** The route every account has and every new number starts with. */
    static final String SIP_REG = "sip-reg";

    private static final BigDecimal INITIAL_COST = new BigDecimal("1.00");
    private static final BigDecimal MONTHLY_COST = new BigDecimal("1.25");
    /** What Flowroute answers, with a 422, to a purchase of a number it does not sell. */
    static final String NOT_AVAILABLE = "Business Logic Error: The TN is not available for purchase.";

    /** One page of a listing: its items, and whether a later page has more. */
    static final class Slice<T> {
        final List<T> items;
        final boolean hasMore;

        Slice(List<T> items, boolean hasMore) {
            this.items = items;
            this.hasMore = hasMore;
        }
    }

    /** A number on the account: how it is billed and the names of its two routes. */
    private static final class Holding {
        final BillingMethod billingMethod;
        final String primary;
        final String failover;

        Holding(BillingMethod billingMethod, String primary, String failover) {
            this.billingMethod = billingMethod;
            this.primary = primary;
            this.failover = failover;
        }
    }

    private final NumberPlan plan;
    private final TreeSet<String> available = new TreeSet<>();
    private final TreeMap<String, Holding> account = new TreeMap<>();
    // Insertion order is the listing order: sip-reg first, then routes as they were created.
    private final Map<String, Route> routes = new LinkedHashMap<>();

    SandboxState(NumberPlan plan) {
        this.plan = plan;
        reset();
    }

    /** Back to the generated inventory, an empty account and only the sip-reg route. */
    synchronized void reset() {
        available.clear();
        available.addAll(plan.numbers());
        account.clear();
        routes.clear();
        routes.put(SIP_REG, Route.of(SIP_REG, RouteType.SIP_REG, null));
    }

    synchronized Slice<AreaCode> areaCodes(int page, int limit) {
        Stream<AreaCode> npas = openExchanges()
                .map(npaNxx -> npaNxx.substring(0, 3))
                .distinct()
                .map(AreaCode::of);
        return slice(npas, page, limit);
    }

    synchronized Slice<Exchange> exchanges(Optional<String> npa, int page, int limit) {
        Stream<Exchange> exchanges = openExchanges()
                .filter(npaNxx -> npa.map(npaNxx.substring(0, 3)::contains).orElse(true))
                .map(npaNxx -> Exchange.of(npaNxx.substring(0, 3), npaNxx.substring(3)));
        return slice(exchanges, page, limit);
    }

    synchronized Slice<AvailableNumber> search(NumberSearch search, int page, int limit) {
        Stream<AvailableNumber> numbers = plan.exchanges().entrySet().stream()
                .filter(exchange -> matches(search, exchange.getKey(), exchange.getValue()))
                .flatMap(exchange -> numbersIn(exchange.getKey()).stream()
                        .filter(number -> search.tn().map(number::contains).orElse(true))
                        .map(number -> availableNumber(number, exchange.getValue())));
        return slice(numbers, page, limit);
    }

    synchronized Slice<AccountNumber> accountNumbers(Optional<String> pattern, int page, int limit) {
        Stream<AccountNumber> numbers = account.entrySet().stream()
                .filter(holding -> pattern.map(holding.getKey()::contains).orElse(true))
                .map(holding -> AccountNumber.builder()
                        .number(PhoneNumber.parse(holding.getKey()))
                        .billingMethod(holding.getValue().billingMethod)
                        .routes(routesOf(holding.getValue()))
                        .build());
        return slice(numbers, page, limit);
    }

    synchronized Slice<Route> routes(int page, int limit) {
        return slice(routes.values().stream(), page, limit);
    }

    synchronized NumberDetails details(PhoneNumber number) {
        Holding holding = holding(number);
        return NumberDetails.builder().billingMethod(holding.billingMethod).routes(routesOf(holding)).build();
    }

    /**
     * Moves {@code number} from the inventory to the account, routed to sip-reg twice. A number
     * that is not for sale, never was or is already on the account, is a 422 with Flowroute's own
     * message.
     */
    synchronized void purchase(PhoneNumber number, BillingMethod billingMethod) {
        String key = number.toString();
        if (!available.remove(key)) {
            throw ApiError.unprocessable(NOT_AVAILABLE);
        }
        account.put(key, new Holding(billingMethod, SIP_REG, SIP_REG));
    }

    synchronized void updateRoutes(PhoneNumber number, String primary, String failover) {
        Holding holding = holding(number);
        for (String name : List.of(primary, failover)) {
            if (!routes.containsKey(name)) {
                throw ApiError.notFound("route \"" + name + "\" does not exist: create it with PUT /v1/routes/{name},"
                        + " or use sip-reg");
            }
        }
        account.put(number.toString(), new Holding(holding.billingMethod, primary, failover));
    }

    /** Creates the route; a name already taken (sip-reg included) is a 422 and changes nothing. */
    synchronized void createRoute(NewRoute route) {
        if (route.name().equals(SIP_REG)) {
            throw ApiError.unprocessable("route name \"sip-reg\" is reserved for the built-in SIP registration route");
        }
        if (routes.containsKey(route.name())) {
            throw ApiError.unprocessable(Checks.invalid("route name", route.name(),
                    "a route of that name exists already, and routes are not replaced").getMessage());
        }
        routes.put(route.name(), Route.of(route.name(), route.type(), route.value()));
    }

    synchronized List<String> accountNumbers() {
        return List.copyOf(account.keySet());
    }

    synchronized List<Route> routes() {
        return List.copyOf(routes.values());
    }

    synchronized int availableCount() {
        return available.size();
    }

    private Holding holding(PhoneNumber number) {
        Holding holding = account.get(number.toString());
        if (holding == null) {
            throw ApiError.notFound("number " + number + " is not on your account");
        }
        return holding;
    }

    private List<Route> routesOf(Holding holding) {
        return List.of(routes.get(holding.primary), routes.get(holding.failover));
    }

    private Stream<String> openExchanges() {
        return plan.exchanges().keySet().stream().filter(npaNxx -> !numbersIn(npaNxx).isEmpty());
    }

    private SortedSet<String> numbersIn(String npaNxx) {
        return available.subSet("1" + npaNxx + "0000", true, "1" + npaNxx + "9999", true);
    }

    private static boolean matches(NumberSearch search, String npaNxx, NumberPlan.Place place) {
        return search.npa().map(npaNxx.substring(0, 3)::contains).orElse(true)
                && search.nxx().map(npaNxx.substring(3)::contains).orElse(true)
                && search.state().map(place.state::equalsIgnoreCase).orElse(true)
                && search.rateCenter().map(place.rateCenter::equalsIgnoreCase).orElse(true);
    }

    private static AvailableNumber availableNumber(String number, NumberPlan.Place place) {
        return AvailableNumber.builder()
                .number(PhoneNumber.parse(number))
                .initialCost(INITIAL_COST)
                .monthlyCost(MONTHLY_COST)
                .addBillingMethods(BillingMethod.METERED)
                .rateCenter(place.rateCenter)
                .state(place.state)
                .build();
    }

    // Streams are lazy: only the requested page (and one item past it) is materialised.
    private static <T> Slice<T> slice(Stream<T> matches, int page, int limit) {
        List<T> items = matches.skip((long) (page - 1) * limit).limit(limit + 1L)
                .collect(Collectors.toCollection(ArrayList::new));
        boolean hasMore = items.size() > limit;
        if (hasMore) {
            items.remove(limit);
        }
        return new Slice<>(List.copyOf(items), hasMore);
    }
}
