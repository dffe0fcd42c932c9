package com.flowroute.numbers.blocking;

import com.flowroute.numbers.EdgeStrategy;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.reactive.ReactiveRoutesClient;

/**
 * The account's inbound routes. Obtained from {@link FlowrouteClient#routes()}; the blocking
 * counterpart of {@link ReactiveRoutesClient}.
 */
public final class RoutesClient {
    private final ReactiveRoutesClient reactive;

    RoutesClient(ReactiveRoutesClient reactive) {
        this.reactive = reactive;
    }

    /** Every inbound route of the account, in the server's order. */
    public PagedIterable<Route> list() {
        return new PagedIterable<>(reactive.list());
    }

    /** The account's inbound routes, as {@code query} pages them. */
    public PagedIterable<Route> list(RouteQuery query) {
        return new PagedIterable<>(reactive.list(query));
    }

    /**
     * Creates an inbound route and returns it as created (over v2 with its new id); see
     * {@link ReactiveRoutesClient#create(NewRoute)} for retries.
     */
    public Route create(NewRoute route) {
        return Await.value(reactive.create(route));
    }

    /** Replaces {@code route}'s alias, type and value (always over v2; the route needs its v2 id). */
    public void update(Route route, NewRoute replacement) {
        Await.completion(reactive.update(route, replacement));
    }

    /** Replaces the alias, type and value of the route with id {@code id} (always over v2). */
    public void update(String id, NewRoute replacement) {
        Await.completion(reactive.update(id, replacement));
    }

    /** Deletes {@code route} (always over v2; the route needs its v2 id). */
    public void delete(Route route) {
        Await.completion(reactive.delete(route));
    }

    /** Deletes the route with id {@code id} (always over v2). */
    public void delete(String id) {
        Await.completion(reactive.delete(id));
    }

    /** The points of presence routes can go through (always over v2). */
    public PagedIterable<EdgeStrategy> edgeStrategies() {
        return new PagedIterable<>(reactive.edgeStrategies());
    }
}
