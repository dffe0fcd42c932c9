package com.flowroute.numbers.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * The bodies the loopback server answers with, shaped like the seed README's examples: a number
 * search and a page of the account's numbers. Built once, so that serving them costs the server
 * next to nothing.
 */
final class FixedResponses {
    /** Items in the search answer, the server's default page size. */
    static final int SEARCH_ITEMS = 10;
    /** Items in each page of the account listing, the largest page the API allows. */
    static final int ACCOUNT_PAGE_SIZE = 200;
    /** Pages in the account listing: 100,000 numbers. */
    static final int ACCOUNT_PAGES = 500;

    /** The path the search is sent to. */
    static final String SEARCH_PATH = "/v1/available-tns/tns/";
    /** The search's query, sorted as it is signed and sent. */
    static final String SEARCH_QUERY = "limit=" + SEARCH_ITEMS + "&npa=206";
    /** The path of the account listing. */
    static final String ACCOUNT_PATH = "/v1/tns/";

    /** The answer to {@code GET /v1/available-tns/tns/?limit=10&npa=206}: ten numbers, no next page. */
    static final byte[] SEARCH = search();

    // Every account page has the same numbers; only its links differ.
    private static final byte[] ACCOUNT_ITEMS = accountItems();

    private FixedResponses() {}

    private static byte[] search() {
        StringBuilder json = new StringBuilder("{\"tns\":{");
        for (int i = 0; i < SEARCH_ITEMS; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("\"1206641").append(7700 + i).append("\":{\"initial_cost\":\"1.00\",\"monthly_cost\":\"1.25\",")
                    .append("\"billing_methods\":[\"METERED\"],\"ratecenter\":\"SEATTLE\",\"state\":\"WA\"}");
        }
        return json.append("},\"links\":{}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] accountItems() {
        StringBuilder json = new StringBuilder("{\"tns\":{");
        for (int i = 0; i < ACCOUNT_PAGE_SIZE; i++) {
            String number = "1206555" + String.format("%04d", i);
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(number).append("\":{\"billing_method\":\"METERED\",\"routes\":[")
                    .append("{\"type\":\"HOST\",\"name\":\"HOSTroute1\",\"value\":\"24.239.23.40:5060\"},")
                    .append("{\"type\":\"SIP-REG\",\"name\":\"sip-reg\",\"value\":null}],")
                    .append("\"detail\":\"/v1/tns/").append(number).append("\"}");
        }
        return json.append("},\"links\":{").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The start of every account page: its items and the opening of its links. */
    static byte[] accountItemsPart() {
        return ACCOUNT_ITEMS;
    }

    /** The end of account page {@code page} (1-based): its links, {@code next} up to the last page. */
    static byte[] accountLinksPart(int page) {
        StringBuilder json = new StringBuilder();
        if (page > 1) {
            json.append("\"prev\":\"").append(accountLink(page - 1)).append('"');
        }
        if (page < ACCOUNT_PAGES) {
            json.append(page > 1 ? "," : "").append("\"next\":\"").append(accountLink(page + 1)).append('"');
        }
        return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String accountLink(int page) {
        return ACCOUNT_PATH + "?limit=" + ACCOUNT_PAGE_SIZE + "&page=" + page;
    }
}
