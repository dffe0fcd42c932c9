package com.flowroute.numbers.reactive;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.internal.Checks;
import com.flowroute.numbers.internal.WireFormat;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The account's numbers: purchase, list, details and route assignment. Obtained from
 * {@link ReactiveFlowrouteClient#numbers()}. Methods taking a {@code String} number parse it as
 * {@link PhoneNumber#parse(String)} does and signal an {@link IllegalArgumentException} (before
 * anything is sent) when it is not a NANP number.
 */
public final class ReactiveNumbersClient {
    private final FlowrouteHttp http;

    ReactiveNumbersClient(FlowrouteHttp http) {
        this.http = http;
    }

    /** Buys {@code number} with {@link BillingMethod#METERED}. See {@link #purchase(PhoneNumber, BillingMethod)}. */
    public Mono<Void> purchase(String number) {
        return purchase(number, BillingMethod.METERED);
    }

    /** Buys {@code number}. See {@link #purchase(PhoneNumber, BillingMethod)}. */
    public Mono<Void> purchase(String number, BillingMethod billingMethod) {
        return Mono.defer(() -> purchase(PhoneNumber.parse("number", number), billingMethod));
    }

    /** Buys {@code number} with {@link BillingMethod#METERED}. See {@link #purchase(PhoneNumber, BillingMethod)}. */
    public Mono<Void> purchase(PhoneNumber number) {
        return purchase(number, BillingMethod.METERED);
    }

    /**
     * Buys {@code number} from the inventory ({@code PUT /tns/{number}}). The cold {@code Mono}
     * completes empty once the number is on the account.
     *
     * <p>A purchase is never blindly repeated: when an attempt fails in a way that leaves its
     * outcome unknown (the connection broke or timed out after sending, or a 500, 502, 503 or
     * 504), the client looks the number up; if it is on the account the purchase completes
     * normally, otherwise it is retried within the {@link RetryPolicy}. A 429 or a failure to
     * connect is retried plainly. Errors: {@link com.flowroute.numbers.BadRequestException} when
     * the number is not purchasable, and the other exceptions of the contract.
     */
    public Mono<Void> purchase(PhoneNumber number, BillingMethod billingMethod) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(billingMethod, "billingMethod");
        Mono<Boolean> onAccount = details(number).map(details -> true)
                .onErrorResume(NotFoundException.class, notThere -> Mono.just(false));
        return http.send(ApiRequest.nonIdempotent("PUT", numberPath(number), WireFormat.purchaseBody(billingMethod), onAccount));
    }

    /** Every number on the account ({@code GET /tns/}). */
    public PagedFlux<AccountNumber> list() {
        return list(AccountNumberQuery.all());
    }

    /** The account's numbers matching {@code query}, such as a partial {@code pattern}. */
    public PagedFlux<AccountNumber> list(AccountNumberQuery query) {
        Objects.requireNonNull(query, "query");
        return http.list("/tns/", query, WireFormat::accountNumbers);
    }

    /** The billing method and routes of {@code number}. See {@link #details(PhoneNumber)}. */
    public Mono<NumberDetails> details(String number) {
        return Mono.defer(() -> details(PhoneNumber.parse("number", number)));
    }

    /**
     * The billing method and the primary and failover routes of a number on the account
     * ({@code GET /tns/{number}}). Errors with {@link NotFoundException} when it is not on the account.
     */
    public Mono<NumberDetails> details(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        return http.call(ApiRequest.get(numberPath(number), List.of()), WireFormat::numberDetails);
    }

    /** Assigns routes to {@code number}. See {@link #updateRoutes(PhoneNumber, String, String)}. */
    public Mono<Void> updateRoutes(String number, String primary, String failover) {
        return Mono.defer(() -> updateRoutes(PhoneNumber.parse("number", number), primary, failover));
    }

    /**
     * Sets the primary and failover routes of a number on the account ({@code PATCH /tns/{number}})
     * by route name; both routes must exist ({@link ReactiveRoutesClient#create}). The cold
     * {@code Mono} completes empty once the server accepted it.
     */
    public Mono<Void> updateRoutes(PhoneNumber number, String primary, String failover) {
        Objects.requireNonNull(number, "number");
        return Mono.defer(() -> {
            Checks.text(primary, "primary");
            Checks.text(failover, "failover");
            return http.send(ApiRequest.write("PATCH", numberPath(number), WireFormat.updateRoutesBody(primary, failover)));
        });
    }

    private String numberPath(PhoneNumber number) {
        return http.path("/tns/" + number);
    }
}
