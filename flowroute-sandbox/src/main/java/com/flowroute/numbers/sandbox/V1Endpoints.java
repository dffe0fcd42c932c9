package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PagedQuery;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.MalformedRequest;
import com.flowroute.numbers.internal.v1.V1Wire;
import com.flowroute.numbers.internal.v1.V1Wire.V1Listing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The nine v1 endpoints, read and written with the client's own v1 codec ({@link V1Wire}), so
 * that the sandbox refuses exactly what the SDK refuses and answers in exactly the shapes it
 * reads. Statuses as Flowroute's v1 SDK documents them: a malformed request (unknown or repeated
 * parameters, a body that is not the JSON expected) is a 400; a well-formed one whose values
 * break a rule, or that the state refuses (a number not for sale, a route name taken), a 422; a
 * number not on the account, or an unknown route name to point a number at, a 404. Runs on the
 * event loop: everything here is in memory.
 */
final class V1Endpoints {
    private static final String NUMBER_RULE = "must be an 11-digit NANP number 1NPANXXXXXX, such as 12066417744";
    private static final String ROOT = V1Wire.ROOT;

    private final SandboxState state;

    V1Endpoints(SandboxState state) {
        this.state = state;
    }

    /** The endpoints, for the sandbox's table. */
    EndpointTable table() {
        return new EndpointTable()
                .add("GET", ROOT + V1Wire.AREA_CODES.path(), (request, path) -> listing(request, V1Wire.AREA_CODES,
                        query -> state.areaCodes(offset(query), limit(query))))
                .add("GET", ROOT + V1Wire.EXCHANGES.path(), (request, path) -> listing(request, V1Wire.EXCHANGES,
                        query -> state.exchanges(query.npa(), offset(query), limit(query))))
                .add("GET", ROOT + V1Wire.SEARCH.path(), (request, path) -> listing(request, V1Wire.SEARCH,
                        query -> state.search(query, offset(query), limit(query))))
                .add("GET", ROOT + V1Wire.ACCOUNT_NUMBERS.path(), (request, path) -> listing(request, V1Wire.ACCOUNT_NUMBERS,
                        query -> state.accountNumbers(query, offset(query), limit(query))))
                .add("GET", ROOT + V1Wire.NUMBER_PATH + "{number}", (request, path) -> {
                    noParameters(request);
                    return Answer.json(200, V1Wire.encodeDetails(state.details(number(path.get("number")))));
                })
                .add("PUT", ROOT + V1Wire.NUMBER_PATH + "{number}", (request, path) -> {
                    noParameters(request);
                    return purchase(number(path.get("number")), request);
                })
                .add("PATCH", ROOT + V1Wire.NUMBER_PATH + "{number}", (request, path) -> {
                    noParameters(request);
                    return updateRoutes(number(path.get("number")), request);
                })
                .add("GET", ROOT + V1Wire.ROUTES.path(), (request, path) -> listing(request, V1Wire.ROUTES,
                        query -> state.routes(query, offset(query), limit(query))))
                .add("PUT", ROOT + V1Wire.ROUTE_PATH + "{name}", (request, path) -> {
                    noParameters(request);
                    return createRoute(path.get("name"), request);
                });
    }

    private <Q extends PagedQuery, T> Answer listing(IncomingRequest request, V1Listing<Q, T> listing,
            java.util.function.Function<Q, SandboxState.Slice<T>> slice) {
        Q query = checked(() -> listing.decodeQuery(request.parameters));
        SandboxState.Slice<T> items = slice.apply(query);
        int page = page(query);
        Optional<String> prev = page > 1 ? Optional.of(listing.link(query, limit(query), page - 1)) : Optional.empty();
        Optional<String> next = items.hasMore ? Optional.of(listing.link(query, limit(query), page + 1)) : Optional.empty();
        return Answer.json(200, listing.encode(Page.of(items.items, next, prev)));
    }

    private Answer purchase(PhoneNumber number, IncomingRequest request) {
        String value = checked(() -> V1Wire.decodePurchase(request.body));
        BillingMethod billingMethod = checked(() -> BillingMethod.of(value));
        if (!billingMethod.isKnown()) {
            throw Refusal.unprocessable(Validation.message(V1Wire.BILLING_METHOD, value, "must be METERED"));
        }
        state.purchase(number, Optional.of(billingMethod));
        return Answer.empty(201);
    }

    private Answer updateRoutes(PhoneNumber number, IncomingRequest request) {
        // The number is checked before the body, so that a number not on the account is a 404.
        state.details(number);
        List<String> names = checked(() -> V1Wire.decodeUpdateRoutes(request.body));
        state.updateRoutesByName(number, names.get(0), names.get(1));
        return Answer.empty(204);
    }

    private Answer createRoute(String name, IncomingRequest request) {
        Map.Entry<String, String> typeAndValue = checked(() -> V1Wire.decodeNewRoute(request.body));
        NewRoute route = checked(() -> NewRoute.builder().name(name).type(RouteType.of(typeAndValue.getKey()))
                .value(typeAndValue.getValue()).build());
        state.createRouteByName(route);
        return Answer.empty(201);
    }

    static PhoneNumber number(String segment) {
        if (!PhoneNumber.isWireForm(segment)) {
            throw Refusal.badRequest(Validation.message("number", segment, NUMBER_RULE));
        }
        return PhoneNumber.parse(segment);
    }

    /** Endpoints with a path parameter or a body take no query parameters. */
    static void noParameters(IncomingRequest request) {
        if (!request.parameters.isEmpty()) {
            throw Refusal.badRequest("query parameter " + request.parameters.get(0).getKey() + " is unknown: "
                    + request.method + " " + request.rawPath + " takes none");
        }
    }

    /**
     * Runs a decoder or a core builder: a malformed request is a 400, a value the SDK's rules
     * refuse (named as the wire names it) a 422.
     */
    static <T> T checked(Supplier<T> build) {
        try {
            return build.get();
        } catch (MalformedRequest malformed) {
            throw Refusal.badRequest(malformed.getMessage());
        } catch (IllegalArgumentException refused) {
            throw Refusal.unprocessable(refused.getMessage());
        }
    }

    private static int page(PagedQuery query) {
        return query.page().orElse(1);
    }

    private static int offset(PagedQuery query) {
        return (page(query) - 1) * limit(query);
    }

    private static int limit(PagedQuery query) {
        return query.pageSize().orElse(V1Wire.DEFAULT_LIMIT);
    }
}
