package com.flowroute.numbers.internal.v2;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.EdgeStrategy;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.NumberUpdate;
import com.flowroute.numbers.PagedQuery;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.PurchaseResult;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.RouteRole;
import com.flowroute.numbers.internal.Authenticator;
import com.flowroute.numbers.internal.ErrorMapper;
import com.flowroute.numbers.internal.Listing;
import com.flowroute.numbers.internal.NumbersProtocol;
import com.flowroute.numbers.internal.Operation;
import com.flowroute.numbers.internal.WireRequest;
import com.flowroute.numbers.internal.v2.V2Wire.V2Listing;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The nine operations over v2, and the operations only v2 has, client side: requests under
 * {@code /v2} with HTTP Basic, pages by offset computed by the client.
 * Not part of the SDK's contract.
 */
public final class V2Protocol implements NumbersProtocol {
    /** The warning of a 207 whose body says nothing more. */
    static final String MESSAGING_NOT_ENABLED = "the number was bought, but messaging could not be enabled on it (207)";

    private final String root;
    private final Authenticator authenticator;

    /**
     * The v2 protocol for an API at {@code origin} under the path {@code prefix} (usually
     * {@code ""}).
     */
    public V2Protocol(FlowrouteCredentials credentials, URI origin, String prefix) {
        this.root = prefix;
        this.authenticator = new BasicAuthenticator(credentials, origin);
    }

    /** The API root's path under the origin, usually {@code ""}: where v2.1 messaging paths start too. */
    public String root() {
        return root;
    }

    @Override
    public Authenticator authenticator() {
        return authenticator;
    }

    @Override
    public Listing<AreaCode> areaCodes(AreaCodeQuery query) {
        return listing("availableNumbers.areaCodes", V2Wire.AREA_CODES, query);
    }

    @Override
    public Listing<Exchange> exchanges(ExchangeQuery query) {
        return listing("availableNumbers.exchanges", V2Wire.EXCHANGES, query);
    }

    @Override
    public Listing<AvailableNumber> search(NumberSearch search) {
        return listing("availableNumbers.search", V2Wire.SEARCH, search);
    }

    /** {@code POST /v2/numbers/{n}} without a body; v2 has no billing method, so it is not sent. */
    @Override
    public Operation<PurchaseResult> purchase(PhoneNumber number, BillingMethod billingMethod) {
        return Operation.nonIdempotent(new WireRequest("POST", V2Wire.numberPath(root, number), List.of(), null),
                (status, body) -> PurchaseResult.of(V2Wire.documentNumber(body).orElse(number),
                        status == 207 ? warnings(body) : List.of()), true).named("numbers.purchase");
    }

    private static List<String> warnings(byte[] body) {
        List<String> messages = ErrorMapper.errorMessages(new String(body, StandardCharsets.UTF_8));
        return messages.isEmpty() ? List.of(MESSAGING_NOT_ENABLED) : messages;
    }

    @Override
    public Listing<AccountNumber> accountNumbers(AccountNumberQuery query) {
        return listing("numbers.list", V2Wire.ACCOUNT_NUMBERS, query);
    }

    @Override
    public Operation<NumberDetails> details(PhoneNumber number) {
        return Operation.idempotent(WireRequest.get(V2Wire.numberPath(root, number), List.of()),
                (status, body) -> V2Wire.decodeDetails(body)).named("numbers.details");
    }

    /** Two PATCHes, primary then failover, each {@code {"data":{"type":"route","id":..}}}: ids, not aliases. */
    @Override
    public List<Operation<Void>> setRoutes(PhoneNumber number, String primary, String failover) {
        return List.of(setRoute(number, RouteRole.PRIMARY, primary), setRoute(number, RouteRole.FAILOVER, failover));
    }

    /** {@code PATCH /v2/numbers/{n}/relationships/{role}_route}. */
    public Operation<Void> setRoute(PhoneNumber number, RouteRole role, String routeId) {
        return Operation.write(WireRequest.of("PATCH", V2Wire.routeRelationshipPath(root, number, role),
                V2Wire.routeRelationshipBody(routeId))).named("numbers.updateRoutes");
    }

    @Override
    public Listing<Route> routes(RouteQuery query) {
        return listing("routes.list", V2Wire.ROUTES, query);
    }

    /** {@code POST /v2/routes}: not idempotent (aliases need not be unique), so never blindly repeated. */
    @Override
    public Operation<Route> createRoute(NewRoute route) {
        return Operation.nonIdempotent(WireRequest.of("POST", root + V2Wire.ROOT + V2Wire.ROUTES_PATH, V2Wire.newRouteBody(route)),
                (status, body) -> V2Wire.decodeRoute(body), true).named("routes.create");
    }

    // ---- v2 only --------------------------------------------------------------------------------

    /** {@code DELETE /v2/numbers/{n}}. */
    public Operation<Void> release(PhoneNumber number) {
        return Operation.write(new WireRequest("DELETE", V2Wire.numberPath(root, number), List.of(), null)).named("numbers.release");
    }

    /** {@code PATCH /v2/numbers/{n}} with the unwrapped number body; completes with the number's details. */
    public Operation<NumberDetails> update(PhoneNumber number, NumberUpdate update) {
        return Operation.idempotent(WireRequest.of("PATCH", V2Wire.numberPath(root, number), V2Wire.numberUpdateBody(update)),
                (status, body) -> V2Wire.decodeDetails(body)).named("numbers.update");
    }

    /** {@code DELETE /v2/numbers/{n}/relationships/{role}_route}. */
    public Operation<Void> clearRoute(PhoneNumber number, RouteRole role) {
        return Operation.write(new WireRequest("DELETE", V2Wire.routeRelationshipPath(root, number, role), List.of(), null)).named("numbers.clearRoute");
    }

    /** {@code PATCH /v2/routes/{id}} with a route body. */
    public Operation<Void> updateRoute(String id, NewRoute route) {
        return Operation.write(WireRequest.of("PATCH", V2Wire.routePath(root, id), V2Wire.newRouteBody(route))).named("routes.update");
    }

    /** {@code DELETE /v2/routes/{id}}. */
    public Operation<Void> deleteRoute(String id) {
        return Operation.write(new WireRequest("DELETE", V2Wire.routePath(root, id), List.of(), null)).named("routes.delete");
    }

    /** {@code GET /v2/routes/edge_strategies}. */
    public Listing<EdgeStrategy> edgeStrategies() {
        return listing("routes.edgeStrategies", V2Wire.EDGE_STRATEGIES, RouteQuery.all());
    }

    private <Q extends PagedQuery, T> Listing<T> listing(String name, V2Listing<Q, T> listing, Q query) {
        return new Listing<>(WireRequest.get(root + V2Wire.ROOT + listing.path(), listing.parameters(query)), listing::decode,
                V2Wire::continuation, name);
    }
}
