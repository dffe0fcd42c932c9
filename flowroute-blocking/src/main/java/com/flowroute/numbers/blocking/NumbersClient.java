package com.flowroute.numbers.blocking;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.NumberUpdate;
import com.flowroute.numbers.RouteRole;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.PurchaseResult;
import com.flowroute.numbers.reactive.ReactiveNumbersClient;

/**
 * The account's numbers: purchase, list, details and route assignment. Obtained from
 * {@link FlowrouteClient#numbers()}; the blocking counterpart of {@link ReactiveNumbersClient},
 * whose documentation of each method (retries, purchase reconciliation, errors) applies here.
 * Methods taking a {@code String} number parse it as {@link PhoneNumber#parse(String)} does and
 * throw {@link IllegalArgumentException}, before anything is sent, when it is not a NANP number.
 */
public final class NumbersClient {
    private final ReactiveNumbersClient reactive;

    NumbersClient(ReactiveNumbersClient reactive) {
        this.reactive = reactive;
    }

    /** Buys {@code number} with {@link BillingMethod#METERED}. See {@link #purchase(PhoneNumber, BillingMethod)}. */
    public void purchase(String number) {
        Await.completion(reactive.purchase(number));
    }

    /** Buys {@code number}. See {@link #purchase(PhoneNumber, BillingMethod)}. */
    public void purchase(String number, BillingMethod billingMethod) {
        Await.completion(reactive.purchase(number, billingMethod));
    }

    /** Buys {@code number} with {@link BillingMethod#METERED}. See {@link #purchase(PhoneNumber, BillingMethod)}. */
    public void purchase(PhoneNumber number) {
        Await.completion(reactive.purchase(number));
    }

    /**
     * Buys {@code number} from the inventory and returns once it is on
     * the account. An attempt whose outcome is unknown is reconciled rather than blindly repeated,
     * as {@link ReactiveNumbersClient#purchase(PhoneNumber, BillingMethod)} describes.
     *
     * @throws com.flowroute.numbers.BadRequestException if the number is not purchasable
     */
    public void purchase(PhoneNumber number, BillingMethod billingMethod) {
        Await.completion(reactive.purchase(number, billingMethod));
    }

    /** Every number on the account. */
    public PagedIterable<AccountNumber> list() {
        return new PagedIterable<>(reactive.list());
    }

    /** The account's numbers matching {@code query}, such as a partial {@code pattern}. */
    public PagedIterable<AccountNumber> list(AccountNumberQuery query) {
        return new PagedIterable<>(reactive.list(query));
    }

    /** The billing method and routes of {@code number}. See {@link #details(PhoneNumber)}. */
    public NumberDetails details(String number) {
        return Await.value(reactive.details(number));
    }

    /**
     * The billing method and the primary and failover routes of a number on the account
     * (over v2 also its alias, type, CNAM lookups, E911 and CNAM records).
     *
     * @throws com.flowroute.numbers.NotFoundException if the number is not on the account
     */
    public NumberDetails details(PhoneNumber number) {
        return Await.value(reactive.details(number));
    }

    /** Assigns routes to {@code number}. See {@link #updateRoutes(PhoneNumber, String, String)}. */
    public void updateRoutes(String number, String primary, String failover) {
        Await.completion(reactive.updateRoutes(number, primary, failover));
    }

    /**
     * Sets the primary and failover routes of a number on the account by route name (v1) or
     * alias (v2, resolved once per call), and returns once the server accepted it; see
     * {@link ReactiveNumbersClient#updateRoutes(PhoneNumber, String, String)}.
     */
    public void updateRoutes(PhoneNumber number, String primary, String failover) {
        Await.completion(reactive.updateRoutes(number, primary, failover));
    }

    /** Buys {@code number} with {@link BillingMethod#METERED}; returns the result. See {@link #purchaseWithResult(PhoneNumber, BillingMethod)}. */
    public PurchaseResult purchaseWithResult(String number) {
        return Await.value(reactive.purchaseWithResult(number));
    }

    /** Buys {@code number}; returns the result. See {@link #purchaseWithResult(PhoneNumber, BillingMethod)}. */
    public PurchaseResult purchaseWithResult(String number, BillingMethod billingMethod) {
        return Await.value(reactive.purchaseWithResult(number, billingMethod));
    }

    /** Buys {@code number} with {@link BillingMethod#METERED}; returns the result. See {@link #purchaseWithResult(PhoneNumber, BillingMethod)}. */
    public PurchaseResult purchaseWithResult(PhoneNumber number) {
        return Await.value(reactive.purchaseWithResult(number));
    }

    /**
     * Buys {@code number} and returns the result, with the server's warnings (over v2 a 207:
     * bought, but messaging could not be enabled). Reconciled, never blindly repeated, as
     * {@link ReactiveNumbersClient#purchaseWithResult(PhoneNumber, BillingMethod)} describes.
     */
    public PurchaseResult purchaseWithResult(PhoneNumber number, BillingMethod billingMethod) {
        return Await.value(reactive.purchaseWithResult(number, billingMethod));
    }

    /** Sets {@code number}'s routes to routes as listed. See {@link ReactiveNumbersClient#updateRoutes(PhoneNumber, Route, Route)}. */
    public void updateRoutes(String number, Route primary, Route failover) {
        Await.completion(reactive.updateRoutes(number, primary, failover));
    }

    /** Sets {@code number}'s routes to routes as listed: by name over v1, by id over v2. */
    public void updateRoutes(PhoneNumber number, Route primary, Route failover) {
        Await.completion(reactive.updateRoutes(number, primary, failover));
    }

    /** Releases {@code number} from the account (always over v2). */
    public void release(String number) {
        Await.completion(reactive.release(number));
    }

    /** Releases {@code number} from the account (always over v2). */
    public void release(PhoneNumber number) {
        Await.completion(reactive.release(number));
    }

    /** Changes {@code number}'s alias and CNAM lookups (always over v2); returns its details. */
    public NumberDetails update(String number, NumberUpdate update) {
        return Await.value(reactive.update(number, update));
    }

    /** Changes {@code number}'s alias and CNAM lookups (always over v2); returns its details. */
    public NumberDetails update(PhoneNumber number, NumberUpdate update) {
        return Await.value(reactive.update(number, update));
    }

    /** Clears {@code number}'s primary or failover route (always over v2). */
    public void clearRoute(String number, RouteRole role) {
        Await.completion(reactive.clearRoute(number, role));
    }

    /** Clears {@code number}'s primary or failover route (always over v2). */
    public void clearRoute(PhoneNumber number, RouteRole role) {
        Await.completion(reactive.clearRoute(number, role));
    }
}
