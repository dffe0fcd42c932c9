package com.flowroute.numbers.internal;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.PurchaseResult;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import java.util.List;

/**
 * The seam between the clients and a wire protocol: for each of the nine operations, what to
 * send and how to read the answer. The client's transport, retries and paging know nothing else
 * of the protocol; v1 ({@code internal.v1}) and v2 ({@code internal.v2}) each implement it.
 * Not part of the SDK's contract.
 */
public interface NumbersProtocol {
    /** How every request of this protocol is authenticated. */
    Authenticator authenticator();

    /** Area codes with numbers in the inventory. */
    Listing<AreaCode> areaCodes(AreaCodeQuery query);

    /** Exchanges with numbers in the inventory. */
    Listing<Exchange> exchanges(ExchangeQuery query);

    /** Purchasable numbers. */
    Listing<AvailableNumber> search(NumberSearch search);

    /** Buys a number; never idempotent. */
    Operation<PurchaseResult> purchase(PhoneNumber number, BillingMethod billingMethod);

    /** The account's numbers. */
    Listing<AccountNumber> accountNumbers(AccountNumberQuery query);

    /** A number's details; a 404 when it is not on the account. */
    Operation<NumberDetails> details(PhoneNumber number);

    /**
     * The requests that set a number's primary and failover routes, given as this protocol
     * refers to routes (v1: names; v2: ids), sent in order.
     */
    List<Operation<Void>> setRoutes(PhoneNumber number, String primary, String failover);

    /** The account's routes. */
    Listing<Route> routes(RouteQuery query);

    /** Creates a route; completes with the route as created. */
    Operation<Route> createRoute(NewRoute route);
}
