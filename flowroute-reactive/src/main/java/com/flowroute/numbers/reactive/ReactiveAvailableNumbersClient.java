package com.flowroute.numbers.reactive;

import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.NumberSearch;
import java.util.Objects;

/**
 * Flowroute's purchasable inventory: area codes, exchanges and number search. Obtained from
 * {@link ReactiveFlowrouteClient#availableNumbers()}. Every listing is a cold {@link PagedFlux};
 * a query field the client's API version does not have errors the flux with an
 * {@link IllegalArgumentException} before anything is sent.
 */
public final class ReactiveAvailableNumbersClient {
    private final ClientContext context;

    ReactiveAvailableNumbersClient(ClientContext context) {
        this.context = context;
    }

    /** Every area code with numbers in the inventory (v1 {@code GET /v1/available-tns/npas/}, v2 {@code GET /v2/numbers/available/areacodes}). */
    public PagedFlux<AreaCode> areaCodes() {
        return areaCodes(AreaCodeQuery.all());
    }

    /** The area codes with numbers in the inventory, as {@code query} pages them. */
    public PagedFlux<AreaCode> areaCodes(AreaCodeQuery query) {
        Objects.requireNonNull(query, "query");
        return context.list(() -> context.numbers.areaCodes(query));
    }

    /** Every area code and exchange with numbers in the inventory. */
    public PagedFlux<Exchange> exchanges() {
        return exchanges(ExchangeQuery.all());
    }

    /** The exchanges matching {@code query}, such as those of one area code. */
    public PagedFlux<Exchange> exchanges(ExchangeQuery query) {
        Objects.requireNonNull(query, "query");
        return context.list(() -> context.numbers.exchanges(query));
    }

    /** Every purchasable number. */
    public PagedFlux<AvailableNumber> search() {
        return search(NumberSearch.all());
    }

    /**
     * The purchasable numbers matching {@code search}: area code, exchange, rate center, state,
     * number (and over v2 starts-with, contains, ends-with, number type).
     */
    public PagedFlux<AvailableNumber> search(NumberSearch search) {
        Objects.requireNonNull(search, "search");
        return context.list(() -> context.numbers.search(search));
    }
}
