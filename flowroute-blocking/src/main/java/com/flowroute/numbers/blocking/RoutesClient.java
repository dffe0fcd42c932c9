package com.flowroute.numbers.blocking;

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

    /** Every inbound route of the account ({@code GET /routes/}), in the server's order. */
    public PagedIterable<Route> list() {
        return new PagedIterable<>(reactive.list());
    }

    /** The account's inbound routes, as {@code query} pages them. */
    public PagedIterable<Route> list(RouteQuery query) {
        return new PagedIterable<>(reactive.list(query));
    }

    /**
     * Creates an inbound route ({@code PUT /routes/{name}}), its name percent-encoded in the path,
     * and returns once the server accepted it.
     */
    public void create(NewRoute route) {
        Blocking.run(reactive.create(route));
    }
}
