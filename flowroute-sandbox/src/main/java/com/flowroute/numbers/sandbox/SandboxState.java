package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.EdgeStrategy;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.NumberUpdate;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.RouteRole;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.internal.Validation;
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
 * Everything the sandbox remembers about numbers and routes, one state for both API versions (a
 * number bought over v1 is listed over v2, a route created over v2 has a name for v1): the
 * numbers for sale, the numbers on the account with their settings and routes, and the account's
 * routes by id. Every method is synchronized and does no I/O, so that it can be called from the
 * event loop; lists come back as immutable snapshots. Other parts of the sandbox that need the
 * account (E911 and CNAM records, messages) synchronize on this object too.
 */
final class SandboxState {
    /** The route every account has and every new number starts with. */
    static final String SIP_REG = "sip-reg";
    /** Its id over v2, as Flowroute serves it. */
    static final String SIP_REG_ID = "0";
    /** What Flowroute answers, with a 422, to a purchase of a number it does not sell. */
    static final String NOT_AVAILABLE = "Business Logic Error: The TN is not available for purchase.";
    /** What Flowroute answers, with a 403, to deleting a route that numbers use. */
    static final String ROUTE_IN_USE = "This Route has numbers still associated to it.";

    private static final BigDecimal INITIAL_COST = new BigDecimal("1.00");
    private static final BigDecimal MONTHLY_COST = new BigDecimal("1.25");
    private static final int FIRST_ROUTE_ID = 83834;
    /** Points of presence shaped like Flowroute's. */
    static final List<EdgeStrategy> EDGE_STRATEGIES = List.of(
            edge(1, "US-West-OR", "us-west-or.sip.flowroute.com", "34.210.91.112/28, 34.226.36.32/28"),
            edge(2, "US-Central-IL", "us-central-il.sip.flowroute.com", "147.75.60.160/28, 147.75.65.192/28"),
            edge(3, "US-East-NJ", "us-east-nj.sip.flowroute.com", "147.75.68.0/28, 139.178.71.32/28"),
            edge(4, "US-East-VA", "us-east-va.sip.flowroute.com", "34.226.36.32/28, 3.84.185.64/28"));

    /** One page of a listing: its items, and whether a later page has more. */
    static final class Slice<T> {
        final List<T> items;
        final boolean hasMore;

        Slice(List<T> items, boolean hasMore) {
            this.items = items;
            this.hasMore = hasMore;
        }
    }

    /** A number on the account: how it is billed, its settings, and the ids of its routes (null when unset). */
    private record Holding(Optional<BillingMethod> billingMethod, String primary, String failover, Optional<String> alias,
            boolean cnamLookupsEnabled, Optional<String> e911Id, Optional<String> cnamId) {
        Holding withRoutes(String newPrimary, String newFailover) {
            return new Holding(billingMethod, newPrimary, newFailover, alias, cnamLookupsEnabled, e911Id, cnamId);
        }
    }

    private final NumberPlan plan;
    private final TreeSet<String> available = new TreeSet<>();
    private final TreeMap<String, Holding> account = new TreeMap<>();
    // Insertion order is the listing order: sip-reg first, then routes as they were created.
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private int nextRouteId;

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
        routes.put(SIP_REG_ID, Route.of(SIP_REG_ID, SIP_REG, RouteType.SIP_REG, null));
        nextRouteId = FIRST_ROUTE_ID;
    }

    synchronized Slice<AreaCode> areaCodes(int offset, int limit) {
        Stream<AreaCode> npas = openExchanges()
                .map(npaNxx -> npaNxx.substring(0, 3))
                .distinct()
                .map(AreaCode::of);
        return slice(npas, offset, limit);
    }

    synchronized Slice<Exchange> exchanges(Optional<String> npa, int offset, int limit) {
        Stream<Exchange> exchanges = openExchanges()
                .filter(npaNxx -> npa.map(npaNxx.substring(0, 3)::contains).orElse(true))
                .map(npaNxx -> Exchange.of(npaNxx.substring(0, 3), npaNxx.substring(3)));
        return slice(exchanges, offset, limit);
    }

    /** The numbers for sale matching {@code search}, by its v1 fields and its v2 ones alike. */
    synchronized Slice<AvailableNumber> search(NumberSearch search, int offset, int limit) {
        // Flowroute reads a starts_with without the country code as if it had it: 646 is 1646.
        Optional<String> startsWith = search.startsWith().map(digits -> digits.startsWith("1") ? digits : "1" + digits);
        Stream<AvailableNumber> numbers = plan.exchanges().entrySet().stream()
                .filter(exchange -> matches(search, exchange.getKey(), exchange.getValue()))
                .flatMap(exchange -> numbersIn(exchange.getKey()).stream()
                        .filter(number -> search.tn().map(number::contains).orElse(true)
                                && startsWith.map(number::startsWith).orElse(true)
                                && search.contains().map(number::contains).orElse(true)
                                && search.endsWith().map(number::endsWith).orElse(true))
                        .map(number -> availableNumber(number, exchange.getValue())))
                .filter(number -> search.numberType().map(type -> type.equalsIgnoreCase(number.numberType().orElse("")))
                        .orElse(true));
        return slice(numbers, offset, limit);
    }

    /** The account's numbers matching {@code query}: {@code pattern} is v1's partial match and v2's {@code contains}. */
    synchronized Slice<AccountNumber> accountNumbers(AccountNumberQuery query, int offset, int limit) {
        Stream<AccountNumber> numbers = account.entrySet().stream()
                .filter(holding -> query.pattern().map(holding.getKey()::contains).orElse(true)
                        && query.startsWith().map(holding.getKey()::startsWith).orElse(true)
                        && query.endsWith().map(holding.getKey()::endsWith).orElse(true)
                        && query.alias().map(alias -> holding.getValue().alias().equals(Optional.of(alias))).orElse(true))
                .map(holding -> accountNumber(holding.getKey(), holding.getValue()));
        return slice(numbers, offset, limit);
    }

    synchronized Slice<Route> routes(RouteQuery query, int offset, int limit) {
        return slice(routes.values().stream().filter(route -> query.routeType().map(route.type()::equals).orElse(true)),
                offset, limit);
    }

    synchronized NumberDetails details(PhoneNumber number) {
        return details(number.toString(), holding(number));
    }

    /** The number's routes by role, primary first; an unset one is null. */
    synchronized List<Route> routesByRole(PhoneNumber number) {
        Holding holding = holding(number);
        List<Route> byRole = new ArrayList<>(2);
        byRole.add(holding.primary() == null ? null : routes.get(holding.primary()));
        byRole.add(holding.failover() == null ? null : routes.get(holding.failover()));
        return byRole;
    }

    /** Whether {@code number} is on the account. */
    synchronized boolean onAccount(PhoneNumber number) {
        return account.containsKey(number.toString());
    }

    /**
     * Moves {@code number} from the inventory to the account, routed to sip-reg twice. A number
     * that is not for sale, never was or is already on the account, is a 422 with Flowroute's own
     * message.
     */
    synchronized void purchase(PhoneNumber number, Optional<BillingMethod> billingMethod) {
        String key = number.toString();
        if (!available.remove(key)) {
            throw Refusal.unprocessable(NOT_AVAILABLE);
        }
        account.put(key, new Holding(billingMethod.or(() -> Optional.of(BillingMethod.METERED)), SIP_REG_ID, SIP_REG_ID,
                Optional.empty(), false, Optional.empty(), Optional.empty()));
    }

    /** Takes {@code number} off the account and puts it back on sale; its E911 and CNAM records are let go. */
    synchronized void release(PhoneNumber number) {
        holding(number);
        account.remove(number.toString());
        available.add(number.toString());
    }

    /** v1: points the number at the routes named {@code primary} and {@code failover}; an unknown name is a 404. */
    synchronized void updateRoutesByName(PhoneNumber number, String primary, String failover) {
        Holding holding = holding(number);
        String primaryId = idOfName(primary);
        String failoverId = idOfName(failover);
        account.put(number.toString(), holding.withRoutes(primaryId, failoverId));
    }

    /** v2: points one of the number's routes at route {@code routeId}; an unknown id is a 404. */
    synchronized void setRoute(PhoneNumber number, RouteRole role, String routeId) {
        Holding holding = holding(number);
        route(routeId);
        account.put(number.toString(), role == RouteRole.PRIMARY ? holding.withRoutes(routeId, holding.failover())
                : holding.withRoutes(holding.primary(), routeId));
    }

    /** v2: clears one of the number's routes. */
    synchronized void clearRoute(PhoneNumber number, RouteRole role) {
        Holding holding = holding(number);
        account.put(number.toString(), role == RouteRole.PRIMARY ? holding.withRoutes(null, holding.failover())
                : holding.withRoutes(holding.primary(), null));
    }

    /** v2: the number's alias and CNAM lookups as {@code update} says; the rest unchanged. */
    synchronized NumberDetails update(PhoneNumber number, NumberUpdate update) {
        Holding holding = holding(number);
        Holding updated = new Holding(holding.billingMethod(), holding.primary(), holding.failover(),
                update.alias().or(holding::alias), update.cnamLookupsEnabled().orElse(holding.cnamLookupsEnabled()),
                holding.e911Id(), holding.cnamId());
        account.put(number.toString(), updated);
        return details(number.toString(), updated);
    }

    /** Sets or clears (empty) the E911 record of a number on the account. */
    synchronized void setE911(PhoneNumber number, Optional<String> e911Id) {
        Holding h = holding(number);
        account.put(number.toString(), new Holding(h.billingMethod(), h.primary(), h.failover(), h.alias(),
                h.cnamLookupsEnabled(), e911Id, h.cnamId()));
    }

    /** Sets or clears (empty) the CNAM record of a number on the account. */
    synchronized void setCnam(PhoneNumber number, Optional<String> cnamId) {
        Holding h = holding(number);
        account.put(number.toString(), new Holding(h.billingMethod(), h.primary(), h.failover(), h.alias(),
                h.cnamLookupsEnabled(), h.e911Id(), cnamId));
    }

    /** The numbers on the account whose E911 record is {@code e911Id}. */
    synchronized List<PhoneNumber> numbersWithE911(String e911Id) {
        return account.entrySet().stream().filter(holding -> holding.getValue().e911Id().equals(Optional.of(e911Id)))
                .map(holding -> PhoneNumber.parse(holding.getKey())).toList();
    }

    /** The numbers on the account whose CNAM record is {@code cnamId}. */
    synchronized List<PhoneNumber> numbersWithCnam(String cnamId) {
        return account.entrySet().stream().filter(holding -> holding.getValue().cnamId().equals(Optional.of(cnamId)))
                .map(holding -> PhoneNumber.parse(holding.getKey())).toList();
    }

    /** v1: creates the route; a name already taken (sip-reg included) is a 422 and changes nothing. */
    synchronized Route createRouteByName(NewRoute route) {
        if (route.name().equals(SIP_REG)) {
            throw Refusal.unprocessable("route name \"sip-reg\" is reserved for the built-in SIP registration route");
        }
        if (routes.values().stream().anyMatch(existing -> existing.name().equals(route.name()))) {
            throw Refusal.unprocessable(Validation.message("route name", route.name(),
                    "a route of that name exists already, and routes are not replaced"));
        }
        return createRoute(route);
    }

    /** v2: creates the route with a new id; aliases need not be unique. */
    synchronized Route createRoute(NewRoute route) {
        String id = Integer.toString(nextRouteId++);
        Route created = Route.of(id, route.name(), route.type(), route.value());
        routes.put(id, created);
        return created;
    }

    /** v2: replaces route {@code id}'s alias, type and value; sip-reg cannot change. */
    synchronized Route updateRoute(String id, NewRoute replacement) {
        route(id);
        if (id.equals(SIP_REG_ID)) {
            throw Refusal.forbidden("the sip-reg route cannot be changed");
        }
        Route updated = Route.of(id, replacement.name(), replacement.type(), replacement.value());
        routes.put(id, updated);
        return updated;
    }

    /** v2: deletes route {@code id}: a 403 while numbers use it, and for sip-reg. */
    synchronized void deleteRoute(String id) {
        route(id);
        if (id.equals(SIP_REG_ID)) {
            throw Refusal.forbidden("the sip-reg route cannot be deleted");
        }
        if (account.values().stream().anyMatch(holding -> id.equals(holding.primary()) || id.equals(holding.failover()))) {
            throw Refusal.forbidden(ROUTE_IN_USE);
        }
        routes.remove(id);
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

    private Route route(String id) {
        Route route = routes.get(id);
        if (route == null) {
            throw Refusal.notFound("route " + id + " is not on your account");
        }
        return route;
    }

    private String idOfName(String name) {
        return routes.values().stream().filter(route -> route.name().equals(name)).findFirst()
                .flatMap(Route::id)
                .orElseThrow(() -> Refusal.notFound("route \"" + name + "\" does not exist: create it with PUT /v1/routes/{name},"
                        + " or use sip-reg"));
    }

    private Holding holding(PhoneNumber number) {
        Holding holding = account.get(number.toString());
        if (holding == null) {
            throw Refusal.notFound("number " + number + " is not on your account");
        }
        return holding;
    }

    private NumberDetails details(String number, Holding holding) {
        NumberPlan.Place place = placeOf(number);
        NumberDetails.Builder details = NumberDetails.builder()
                .billingMethod(holding.billingMethod())
                .alias(holding.alias())
                .rateCenter(place.rateCenter)
                .state(place.state)
                .numberType(numberType(number))
                .cnamLookupsEnabled(holding.cnamLookupsEnabled())
                .e911AddressId(holding.e911Id())
                .cnamPresetId(holding.cnamId());
        if (holding.primary() != null) {
            details.addRoutes(routes.get(holding.primary()));
        }
        if (holding.failover() != null) {
            details.addRoutes(routes.get(holding.failover()));
        }
        return details.build();
    }

    private AccountNumber accountNumber(String number, Holding holding) {
        NumberDetails details = details(number, holding);
        return AccountNumber.builder().number(PhoneNumber.parse(number)).billingMethod(details.billingMethod())
                .routes(details.routes()).alias(details.alias()).rateCenter(details.rateCenter()).state(details.state())
                .numberType(details.numberType()).cnamLookupsEnabled(details.cnamLookupsEnabled()).build();
    }

    private NumberPlan.Place placeOf(String number) {
        NumberPlan.Place place = plan.exchanges().get(number.substring(1, 7));
        return place != null ? place : new NumberPlan.Place("UNKNOWN", "XX");
    }

    /** {@code tollfree} for the toll-free area codes (8XX with a repeated digit), {@code standard} otherwise. */
    static String numberType(String number) {
        String npa = number.substring(1, 4);
        return npa.charAt(0) == '8' && npa.charAt(1) == npa.charAt(2) ? "tollfree" : "standard";
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
                .numberType(numberType(number))
                .build();
    }

    private static EdgeStrategy edge(int id, String name, String naptr, String firewallRules) {
        return EdgeStrategy.builder().id(id).name(name).naptr(naptr).firewallRules(firewallRules)
                .description("Flowroute's " + name + " point of presence").build();
    }

    // Streams are lazy: only the requested page (and one item past it) is materialised.
    private static <T> Slice<T> slice(Stream<T> matches, int offset, int limit) {
        List<T> items = matches.skip(offset).limit(limit + 1L).collect(Collectors.toCollection(ArrayList::new));
        boolean hasMore = items.size() > limit;
        if (hasMore) {
            items.remove(limit);
        }
        return new Slice<>(List.copyOf(items), hasMore);
    }
}
