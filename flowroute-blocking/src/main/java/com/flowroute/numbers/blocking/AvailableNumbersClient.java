package com.flowroute.numbers.blocking;

import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.reactive.ReactiveAvailableNumbersClient;

/**
 * Flowroute's purchasable inventory: area codes, exchanges and number search. Obtained from
 * {@link FlowrouteClient#availableNumbers()}; the blocking counterpart of
 * {@link ReactiveAvailableNumbersClient}. Every listing is a lazy {@link PagedIterable}: nothing
 * is sent until it is iterated.
 */
public final class AvailableNumbersClient {
    private final ReactiveAvailableNumbersClient reactive;

    AvailableNumbersClient(ReactiveAvailableNumbersClient reactive) {
        this.reactive = reactive;
    }

    /** Every area code with numbers in the inventory ({@code GET /available-tns/npas/}). */
    public PagedIterable<AreaCode> areaCodes() {
        return new PagedIterable<>(reactive.areaCodes());
    }

    /** The area codes with numbers in the inventory, as {@code query} pages them. */
    public PagedIterable<AreaCode> areaCodes(AreaCodeQuery query) {
        return new PagedIterable<>(reactive.areaCodes(query));
    }

    /** Every area code and exchange with numbers in the inventory ({@code GET /available-tns/npanxxs/}). */
    public PagedIterable<Exchange> exchanges() {
        return new PagedIterable<>(reactive.exchanges());
    }

    /** The exchanges matching {@code query}, such as those of one area code. */
    public PagedIterable<Exchange> exchanges(ExchangeQuery query) {
        return new PagedIterable<>(reactive.exchanges(query));
    }

    /** Every purchasable number ({@code GET /available-tns/tns/}). */
    public PagedIterable<AvailableNumber> search() {
        return new PagedIterable<>(reactive.search());
    }

    /** The purchasable numbers matching {@code search}: area code, exchange, rate center, state, number. */
    public PagedIterable<AvailableNumber> search(NumberSearch search) {
        return new PagedIterable<>(reactive.search(search));
    }
}
