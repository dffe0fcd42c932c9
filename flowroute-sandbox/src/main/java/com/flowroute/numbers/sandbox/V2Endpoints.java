package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberUpdate;
import com.flowroute.numbers.PagedQuery;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.RouteRole;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.v2.V2Wire;
import com.flowroute.numbers.internal.v2.V2Wire.PageRequest;
import com.flowroute.numbers.internal.v2.V2Wire.RouteRequest;
import com.flowroute.numbers.internal.v2.V2Wire.V2Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The v2 number and route endpoints over the same state as v1, read and written with the
 * client's own v2 codec ({@link V2Wire}): JSON:API documents with absolute links on the
 * sandbox's own origin, {@code limit}/{@code offset} paging (out of range is a 422), route ids as
 * strings with {@code sip-reg} as {@code "0"}, and the statuses Flowroute documents (201 for a
 * purchase or a new route, 204 for relationship changes, deletes and releases, 403 for a route
 * in use).
 */
final class V2Endpoints {
    private static final String ROOT = V2Wire.ROOT;
    private static final String NUMBER = ROOT + V2Wire.NUMBERS_PATH + "/{number}";
    /** Every number in the inventory costs this much to set up. */
    private static final BigDecimal SETUP_COST = new BigDecimal("1.00");

    private final SandboxState state;

    V2Endpoints(SandboxState state) {
        this.state = state;
    }

    /** The endpoints, for the sandbox's table. */
    EndpointTable table() {
        EndpointTable table = new EndpointTable()
                .add("GET", ROOT + V2Wire.AREA_CODES.path(), (request, path) -> listing(request, V2Wire.AREA_CODES,
                        (query, page) -> underCost(query.maxSetupCost())
                                ? state.areaCodes(page.offset(), page.limit()) : nothing()))
                .add("GET", ROOT + V2Wire.EXCHANGES.path(), (request, path) -> listing(request, V2Wire.EXCHANGES,
                        (query, page) -> underCost(query.maxSetupCost())
                                ? state.exchanges(query.npa(), page.offset(), page.limit()) : nothing()))
                .add("GET", ROOT + V2Wire.SEARCH.path(), (request, path) -> listing(request, V2Wire.SEARCH,
                        (query, page) -> state.search(query, page.offset(), page.limit())))
                .add("GET", ROOT + V2Wire.ACCOUNT_NUMBERS.path(), (request, path) -> listing(request, V2Wire.ACCOUNT_NUMBERS,
                        (query, page) -> state.accountNumbers(query, page.offset(), page.limit())))
                .add("GET", NUMBER, (request, path) -> details(request, 200, number(request, path)))
                .add("POST", NUMBER, (request, path) -> {
                    PhoneNumber number = number(request, path);
                    state.purchase(number, Optional.empty());
                    return details(request, 201, number);
                })
                .add("DELETE", NUMBER, (request, path) -> {
                    state.release(number(request, path));
                    return Answer.empty(204);
                })
                .add("PATCH", NUMBER, (request, path) -> {
                    PhoneNumber number = number(request, path);
                    NumberUpdate update = V1Endpoints.checked(() -> V2Wire.decodeNumberUpdate(request.body));
                    state.update(number, update);
                    return details(request, 200, number);
                })
                .add("GET", ROOT + V2Wire.ROUTES_PATH, (request, path) -> listing(request, V2Wire.ROUTES,
                        (query, page) -> state.routes(query, page.offset(), page.limit())))
                .add("POST", ROOT + V2Wire.ROUTES_PATH, (request, path) -> {
                    V1Endpoints.noParameters(request);
                    return Answer.jsonApi(201, V2Wire.encodeRoute(origin(request), state.createRoute(newRoute(request))));
                })
                .add("GET", ROOT + V2Wire.EDGE_STRATEGIES_PATH, (request, path) -> listing(request, V2Wire.EDGE_STRATEGIES,
                        (query, page) -> slice(SandboxState.EDGE_STRATEGIES, page)))
                .add("PATCH", ROOT + V2Wire.ROUTES_PATH + "/{id}", (request, path) -> {
                    V1Endpoints.noParameters(request);
                    return Answer.jsonApi(200, V2Wire.encodeRoute(origin(request), state.updateRoute(path.get("id"), newRoute(request))));
                })
                .add("DELETE", ROOT + V2Wire.ROUTES_PATH + "/{id}", (request, path) -> {
                    V1Endpoints.noParameters(request);
                    state.deleteRoute(path.get("id"));
                    return Answer.empty(204);
                });
        for (RouteRole role : RouteRole.values()) {
            String relationship = NUMBER + "/relationships/" + (role == RouteRole.PRIMARY ? "primary_route" : "failover_route");
            table.add("PATCH", relationship, (request, path) -> {
                PhoneNumber number = number(request, path);
                state.setRoute(number, role, V1Endpoints.checked(() -> V2Wire.decodeRouteRelationship(request.body)));
                return Answer.empty(204);
            });
            table.add("DELETE", relationship, (request, path) -> {
                state.clearRoute(number(request, path), role);
                return Answer.empty(204);
            });
        }
        return table;
    }

    /** What a listing's query names, and the page it asks for, give. */
    private interface Lister<Q, T> {
        SandboxState.Slice<T> list(Q query, PageRequest<Q> page);
    }

    private <Q extends PagedQuery, T> Answer listing(IncomingRequest request, V2Listing<Q, T> listing, Lister<Q, T> lister) {
        PageRequest<Q> page = V1Endpoints.checked(() -> listing.decodeQuery(request.parameters));
        SandboxState.Slice<T> slice = lister.list(page.query(), page);
        String origin = origin(request);
        String self = origin + request.rawPath + (request.rawQuery.isEmpty() ? "" : "?" + request.rawQuery);
        Optional<String> next = slice.hasMore
                ? Optional.of(origin + request.rawPath + "?" + Urls.query(withOffset(request.parameters, page.limit(),
                        page.offset() + slice.items.size())))
                : Optional.empty();
        return Answer.jsonApi(200, listing.encode(slice.items, self, next));
    }

    private Answer details(IncomingRequest request, int status, PhoneNumber number) {
        return Answer.jsonApi(status, V2Wire.encodeDetails(origin(request), number, state.details(number), state.routesByRole(number)));
    }

    private static NewRoute newRoute(IncomingRequest request) {
        RouteRequest route = V1Endpoints.checked(() -> V2Wire.decodeRouteRequest(request.body));
        NewRoute.Builder builder = NewRoute.builder().name(route.alias()).type(V2Wire.routeType(route.routeType()))
                .value(route.value());
        route.edgeStrategy().ifPresent(builder::edgeStrategy);
        return V1Endpoints.checked(builder::build);
    }

    private static PhoneNumber number(IncomingRequest request, Map<String, String> path) {
        V1Endpoints.noParameters(request);
        return V1Endpoints.number(path.get("number"));
    }

    /** The request's parameters with {@code limit} and {@code offset} as given, the filters kept in their order. */
    private static List<Map.Entry<String, String>> withOffset(List<Map.Entry<String, String>> parameters, int limit, int offset) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, String> parameter : parameters) {
            if (!parameter.getKey().equals("limit") && !parameter.getKey().equals("offset")) {
                out.add(parameter);
            }
        }
        out.add(Map.entry("limit", Integer.toString(limit)));
        out.add(Map.entry("offset", Integer.toString(offset)));
        return out;
    }

    static String origin(IncomingRequest request) {
        return "http://" + (request.host == null ? "127.0.0.1" : request.host);
    }

    private static boolean underCost(Optional<BigDecimal> maxSetupCost) {
        return maxSetupCost.map(max -> max.compareTo(SETUP_COST) >= 0).orElse(true);
    }

    private static <T> SandboxState.Slice<T> nothing() {
        return new SandboxState.Slice<>(List.of(), false);
    }

    private static <T> SandboxState.Slice<T> slice(List<T> all, PageRequest<?> page) {
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(from + page.limit(), all.size());
        return new SandboxState.Slice<>(List.copyOf(all.subList(from, to)), to < all.size());
    }
}
