package com.flowroute.numbers.reactive;

import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.internal.WireFormat;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** The account's inbound routes. Obtained from {@link ReactiveFlowrouteClient#routes()}. */
public final class ReactiveRoutesClient {
    private final FlowrouteHttp http;

    ReactiveRoutesClient(FlowrouteHttp http) {
        this.http = http;
    }

    /** Every inbound route of the account ({@code GET /routes/}), in the server's order. */
    public PagedFlux<Route> list() {
        return list(RouteQuery.all());
    }

    /** The account's inbound routes, as {@code query} pages them. */
    public PagedFlux<Route> list(RouteQuery query) {
        Objects.requireNonNull(query, "query");
        return http.list("/routes/", query, WireFormat::routes);
    }

    /**
     * Creates an inbound route ({@code PUT /routes/{name}}), its name percent-encoded in the path.
     * The cold {@code Mono} completes empty once the server accepted it, and errors with the
     * contract's exceptions otherwise. Retried as the policy allows: creating a route is idempotent.
     */
    public Mono<Void> create(NewRoute route) {
        Objects.requireNonNull(route, "route");
        return http.send(ApiRequest.write("PUT", http.path("/routes/" + PathSegments.encode(route.name())),
                WireFormat.newRouteBody(route)));
    }
}
