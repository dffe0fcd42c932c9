package com.flowroute.numbers.blocking;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.PhoneNumber;
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
        Blocking.run(reactive.purchase(number));
    }

    /** Buys {@code number}. See {@link #purchase(PhoneNumber, BillingMethod)}. */
    public void purchase(String number, BillingMethod billingMethod) {
        Blocking.run(reactive.purchase(number, billingMethod));
    }

    /** Buys {@code number} with {@link BillingMethod#METERED}. See {@link #purchase(PhoneNumber, BillingMethod)}. */
    public void purchase(PhoneNumber number) {
        Blocking.run(reactive.purchase(number));
    }

    /**
     * Buys {@code number} from the inventory ({@code PUT /tns/{number}}) and returns once it is on
     * the account. An attempt whose outcome is unknown is reconciled rather than blindly repeated,
     * as {@link ReactiveNumbersClient#purchase(PhoneNumber, BillingMethod)} describes.
     *
     * @throws com.flowroute.numbers.BadRequestException if the number is not purchasable
     */
    public void purchase(PhoneNumber number, BillingMethod billingMethod) {
        Blocking.run(reactive.purchase(number, billingMethod));
    }

    /** Every number on the account ({@code GET /tns/}). */
    public PagedIterable<AccountNumber> list() {
        return new PagedIterable<>(reactive.list());
    }

    /** The account's numbers matching {@code query}, such as a partial {@code pattern}. */
    public PagedIterable<AccountNumber> list(AccountNumberQuery query) {
        return new PagedIterable<>(reactive.list(query));
    }

    /** The billing method and routes of {@code number}. See {@link #details(PhoneNumber)}. */
    public NumberDetails details(String number) {
        return Blocking.value(reactive.details(number));
    }

    /**
     * The billing method and the primary and failover routes of a number on the account
     * ({@code GET /tns/{number}}).
     *
     * @throws com.flowroute.numbers.NotFoundException if the number is not on the account
     */
    public NumberDetails details(PhoneNumber number) {
        return Blocking.value(reactive.details(number));
    }

    /** Assigns routes to {@code number}. See {@link #updateRoutes(PhoneNumber, String, String)}. */
    public void updateRoutes(String number, String primary, String failover) {
        Blocking.run(reactive.updateRoutes(number, primary, failover));
    }

    /**
     * Sets the primary and failover routes of a number on the account ({@code PATCH /tns/{number}})
     * by route name, and returns once the server accepted it; both routes must exist
     * ({@link RoutesClient#create}).
     */
    public void updateRoutes(PhoneNumber number, String primary, String failover) {
        Blocking.run(reactive.updateRoutes(number, primary, failover));
    }
}
