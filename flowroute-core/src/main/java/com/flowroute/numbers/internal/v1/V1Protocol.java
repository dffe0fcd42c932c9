package com.flowroute.numbers.internal.v1;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.PagedQuery;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.PurchaseResult;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.internal.Authenticator;
import com.flowroute.numbers.internal.Listing;
import com.flowroute.numbers.internal.NumbersProtocol;
import com.flowroute.numbers.internal.Operation;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.WireRequest;
import com.flowroute.numbers.internal.v1.V1Wire.V1Listing;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The nine operations over v1, client side: requests under {@code /v1}, HMAC-signed, pages
 * following the server's {@code links.next}. Not part of the SDK's contract.
 */
public final class V1Protocol implements NumbersProtocol {
    private final String root;
    private final Authenticator authenticator;

    /**
     * The v1 protocol for an API at {@code origin} under the path {@code prefix} (usually
     * {@code ""}; a proxy may mount the API deeper).
     */
    public V1Protocol(FlowrouteCredentials credentials, Clock clock, URI origin, String prefix) {
        this.root = prefix + V1Wire.ROOT;
        RequestSigner signer = new RequestSigner(credentials, clock);
        this.authenticator = request -> signer.sign(origin, request);
    }

    @Override
    public Authenticator authenticator() {
        return authenticator;
    }

    @Override
    public Listing<AreaCode> areaCodes(AreaCodeQuery query) {
        return listing("availableNumbers.areaCodes", V1Wire.AREA_CODES, query);
    }

    @Override
    public Listing<Exchange> exchanges(ExchangeQuery query) {
        return listing("availableNumbers.exchanges", V1Wire.EXCHANGES, query);
    }

    @Override
    public Listing<AvailableNumber> search(NumberSearch search) {
        return listing("availableNumbers.search", V1Wire.SEARCH, search);
    }

    @Override
    public Operation<PurchaseResult> purchase(PhoneNumber number, BillingMethod billingMethod) {
        return Operation.nonIdempotent(WireRequest.of("PUT", numberPath(number), V1Wire.purchaseBody(billingMethod)),
                (status, body) -> PurchaseResult.of(number, List.of()), false).named("numbers.purchase");
    }

    @Override
    public Listing<AccountNumber> accountNumbers(AccountNumberQuery query) {
        return listing("numbers.list", V1Wire.ACCOUNT_NUMBERS, query);
    }

    @Override
    public Operation<NumberDetails> details(PhoneNumber number) {
        return Operation.idempotent(WireRequest.get(numberPath(number), List.of()), (status, body) -> V1Wire.decodeDetails(body)).named("numbers.details");
    }

    @Override
    public List<Operation<Void>> setRoutes(PhoneNumber number, String primary, String failover) {
        return List.of(Operation.write(WireRequest.of("PATCH", numberPath(number), V1Wire.updateRoutesBody(primary, failover))).named("numbers.updateRoutes"));
    }

    @Override
    public Listing<Route> routes(RouteQuery query) {
        return listing("routes.list", V1Wire.ROUTES, query);
    }

    /**
     * {@code PUT /v1/routes/{name}}; v1 answers nothing, so the route is the one sent. Not blindly
     * repeated: Flowroute refuses a name that exists (422), so a repeat of an attempt that took
     * effect would fail.
     */
    @Override
    public Operation<Route> createRoute(NewRoute route) {
        byte[] body = V1Wire.newRouteBody(route);
        Route created = Route.of(route.name(), route.type(), route.value());
        return Operation.nonIdempotent(WireRequest.of("PUT", root + V1Wire.ROUTE_PATH + Urls.pathSegment(route.name()), body),
                (status, answer) -> created, false).named("routes.create");
    }

    private <Q extends PagedQuery, T> Listing<T> listing(String name, V1Listing<Q, T> listing, Q query) {
        return Listing.followingServerLinks(name, WireRequest.get(root + listing.path(), listing.parameters(query)), listing::decode);
    }

    private String numberPath(PhoneNumber number) {
        return root + V1Wire.NUMBER_PATH + number;
    }
}
