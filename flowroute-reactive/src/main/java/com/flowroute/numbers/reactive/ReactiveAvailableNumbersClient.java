package com.flowroute.numbers.reactive;

import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.internal.WireFormat;
import java.util.Objects;

/**
 * Flowroute's purchasable inventory: area codes, exchanges and number search. Obtained from
 * {@link ReactiveFlowrouteClient#availableNumbers()}. Every listing is a cold {@link PagedFlux}.
 */
public final class ReactiveAvailableNumbersClient {
    private final FlowrouteHttp http;

    ReactiveAvailableNumbersClient(FlowrouteHttp http) {
        this.http = http;
    }

    /** Every area code with numbers in the inventory ({@code GET /available-tns/npas/}). */
    public PagedFlux<AreaCode> areaCodes() {
        return areaCodes(AreaCodeQuery.all());
    }

    /** The area codes with numbers in the inventory, as {@code query} pages them. */
    public PagedFlux<AreaCode> areaCodes(AreaCodeQuery query) {
        Objects.requireNonNull(query, "query");
        return http.list("/available-tns/npas/", query, WireFormat::areaCodes);
    }

    /** Every area code and exchange with numbers in the inventory ({@code GET /available-tns/npanxxs/}). */
    public PagedFlux<Exchange> exchanges() {
        return exchanges(ExchangeQuery.all());
    }

    /** The exchanges matching {@code query}, such as those of one area code. */
    public PagedFlux<Exchange> exchanges(ExchangeQuery query) {
        Objects.requireNonNull(query, "query");
        return http.list("/available-tns/npanxxs/", query, WireFormat::exchanges);
    }

    /** Every purchasable number ({@code GET /available-tns/tns/}). */
    public PagedFlux<AvailableNumber> search() {
        return search(NumberSearch.all());
    }

    /** The purchasable numbers matching {@code search}: area code, exchange, rate center, state, number. */
    public PagedFlux<AvailableNumber> search(NumberSearch search) {
        Objects.requireNonNull(search, "search");
        return http.list("/available-tns/tns/", search, WireFormat::availableNumbers);
    }
}
