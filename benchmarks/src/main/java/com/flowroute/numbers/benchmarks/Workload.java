package com.flowroute.numbers.benchmarks;

import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.Page;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What one call of the benchmark asks and what it ends with: the 10-number search or a
 * 200-number page of the account listing, over v1 (HMAC-signed, keyed objects) or v2 (HTTP Basic,
 * JSON:API). Every contender of a workload sends the same request and builds the same models.
 */
enum Workload {
    V1_SEARCH("v1 search", FlowrouteApiVersion.V1, FixedResponses.SEARCH_PATH, FixedResponses.SEARCH_ITEMS,
            HandParser::availableNumbers),
    V1_PAGE("v1 page", FlowrouteApiVersion.V1, FixedResponses.ACCOUNT_PATH, FixedResponses.ACCOUNT_PAGE_SIZE,
            HandParser::accountNumbers),
    V2_SEARCH("v2 search", FlowrouteApiVersion.V2, FixedResponses.V2_SEARCH_PATH, FixedResponses.SEARCH_ITEMS,
            HandParser::v2AvailableNumbers),
    V2_PAGE("v2 page", FlowrouteApiVersion.V2, FixedResponses.V2_ACCOUNT_PATH, FixedResponses.ACCOUNT_PAGE_SIZE,
            HandParser::v2AccountNumbers);

    /** The search every search call sends: area code 206, ten numbers. */
    static final NumberSearch SEARCH = NumberSearch.builder().npa("206").pageSize(FixedResponses.SEARCH_ITEMS).build();

    final String label;
    final FlowrouteApiVersion version;
    final String path;
    final int items;
    final Function<byte[], Page<?>> parse;
    private final AtomicInteger calls = new AtomicInteger();

    Workload(String label, FlowrouteApiVersion version, String path, int items, Function<byte[], Page<?>> parse) {
        this.label = label;
        this.version = version;
        this.path = path;
        this.items = items;
        this.parse = parse;
    }

    boolean isPage() {
        return this == V1_PAGE || this == V2_PAGE;
    }

    /**
     * The page the next call asks for (1 to 500, round and round), so that page calls do not all
     * ask for the same URL; always 1 for a search.
     */
    int nextPage() {
        return isPage() ? 1 + Math.floorMod(calls.getAndIncrement(), FixedResponses.ACCOUNT_PAGES) : 1;
    }

    /** The query of a call for {@code page}, as the SDK sends it (and as v1 signs it: sorted). */
    String query(int page) {
        return switch (this) {
            case V1_SEARCH -> FixedResponses.SEARCH_QUERY;
            case V2_SEARCH -> FixedResponses.V2_SEARCH_QUERY;
            case V1_PAGE -> "limit=" + FixedResponses.ACCOUNT_PAGE_SIZE + "&page=" + page;
            case V2_PAGE -> "limit=" + FixedResponses.ACCOUNT_PAGE_SIZE
                    + (page > 1 ? "&offset=" + (page - 1) * FixedResponses.ACCOUNT_PAGE_SIZE : "");
        };
    }

    /** The SDK's query of an account page. */
    static AccountNumberQuery accountQuery(int page) {
        return AccountNumberQuery.builder().pageSize(FixedResponses.ACCOUNT_PAGE_SIZE).page(page).build();
    }

    /** The {@code Accept} the SDK sends, which the floor and the rivals send too. */
    String accept() {
        return version == FlowrouteApiVersion.V1 ? "application/json" : "application/vnd.api+json";
    }
}
