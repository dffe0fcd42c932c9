package com.flowroute.numbers.reactive;

import com.flowroute.numbers.EdgeStrategy;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.internal.Validation;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The account's inbound routes: list and create over the client's API version; update, delete
 * and the edge strategies always over v2. Obtained from {@link ReactiveFlowrouteClient#routes()}.
 * Every method returns a cold {@code Mono} or {@link PagedFlux}.
 */
public final class ReactiveRoutesClient {
    private final ClientContext context;

    ReactiveRoutesClient(ClientContext context) {
        this.context = context;
    }

    /** Every inbound route of the account, in the server's order. */
    public PagedFlux<Route> list() {
        return list(RouteQuery.all());
    }

    /** The account's inbound routes, as {@code query} pages (and over v2 filters) them. */
    public PagedFlux<Route> list(RouteQuery query) {
        Objects.requireNonNull(query, "query");
        return context.list(() -> context.numbers.routes(query));
    }

    /**
     * Creates an inbound route and emits it as created: over v1 ({@code PUT /v1/routes/{name}},
     * the name percent-encoded) the route as sent, without an id; over v2
     * ({@code POST /v2/routes}) the route with its new {@link Route#id()}.
     *
     * <p>A create is never blindly repeated (v1 refuses a name that exists, v2 would make a second
     * route, since aliases need not be unique): after an ambiguous failure, or a refusal that an
     * earlier attempt may have caused, the client lists the routes and completes with one of the
     * same name, type and value if there is one; a route that already existed with those three
     * is taken for this one.
     */
    public Mono<Route> create(NewRoute route) {
        Objects.requireNonNull(route, "route");
        Mono<Optional<Route>> created = list().filter(listed -> listed.name().equals(route.name())
                        && listed.type().equals(route.type()) && listed.value().equals(Optional.of(route.value())))
                .next().map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.defer(() -> context.transport.call(context.numbers.authenticator(), context.numbers.createRoute(route), created));
    }

    /** Replaces route {@code route}'s alias, type and value with {@code replacement}'s. See {@link #update(String, NewRoute)}. */
    public Mono<Void> update(Route route, NewRoute replacement) {
        Objects.requireNonNull(route, "route");
        return Mono.defer(() -> update(id(route, "route"), replacement));
    }

    /** Replaces the alias, type and value of the route with id {@code id} ({@code PATCH /v2/routes/{id}}, always over v2). */
    public Mono<Void> update(String id, NewRoute replacement) {
        Objects.requireNonNull(replacement, "replacement");
        return Mono.defer(() -> {
            Validation.text(id, "id");
            return context.transport.call(context.v2.authenticator(), context.v2.updateRoute(id, replacement));
        });
    }

    /** Deletes route {@code route}. See {@link #delete(String)}. */
    public Mono<Void> delete(Route route) {
        Objects.requireNonNull(route, "route");
        return Mono.defer(() -> delete(id(route, "route")));
    }

    /**
     * Deletes the route with id {@code id} ({@code DELETE /v2/routes/{id}}, always over v2). Errors
     * with {@link com.flowroute.numbers.AuthenticationException} (403) while numbers use it.
     */
    public Mono<Void> delete(String id) {
        return Mono.defer(() -> {
            Validation.text(id, "id");
            return context.transport.call(context.v2.authenticator(), context.v2.deleteRoute(id));
        });
    }

    /** The points of presence routes can go through ({@code GET /v2/routes/edge_strategies}, always over v2). */
    public PagedFlux<EdgeStrategy> edgeStrategies() {
        return context.list(context.v2.authenticator(), context.v2::edgeStrategies);
    }

    /** The v2 id of {@code route}; an {@link IllegalArgumentException} naming it when it was listed over v1. */
    static String id(Route route, String field) {
        return route.id().orElseThrow(() -> Validation.invalid(field, route.name(), "has no id: it was listed over API v1,"
                + " and this needs a v2 route id (list the routes with apiVersion(FlowrouteApiVersion.V2))"));
    }
}
