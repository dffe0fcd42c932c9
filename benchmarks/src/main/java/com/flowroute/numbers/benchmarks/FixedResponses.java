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

    /** The path of the v2 number search. */
    static final String V2_SEARCH_PATH = "/v2/numbers/available";
    /** The v2 search's query, as the SDK sends it for npa 206 and page size 10. */
    static final String V2_SEARCH_QUERY = "starts_with=1206&limit=" + SEARCH_ITEMS;
    /** The path of the v2 account listing. */
    static final String V2_ACCOUNT_PATH = "/v2/numbers";

    /** The answer to {@code GET /v1/available-tns/tns/?limit=10&npa=206}: ten numbers, no next page. */
    static final byte[] SEARCH = search();

    // Every account page has the same numbers; only its links differ.
    private static final byte[] ACCOUNT_ITEMS = accountItems();

    /**
     * The answer to {@code GET /v2/numbers/available?starts_with=1206&limit=10}: ten numbers in
     * Flowroute's JSON:API shape (money as JSON numbers, lower-case rate center and state), no
     * {@code links.next}.
     */
    static final byte[] V2_SEARCH = v2Search();

    // Every v2 account page has the same numbers; only its links differ.
    private static final byte[] V2_ACCOUNT_ITEMS = v2AccountItems();

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

    private static byte[] v2Search() {
        StringBuilder json = new StringBuilder("{\"data\":[");
        for (int i = 0; i < SEARCH_ITEMS; i++) {
            String number = "1206641" + (7700 + i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"type\":\"number\",\"id\":\"").append(number).append("\",\"attributes\":{\"value\":\"")
                    .append(number).append("\",\"rate_center\":\"seattle\",\"state\":\"wa\",\"monthly_cost\":1.25,")
                    .append("\"setup_cost\":1,\"number_type\":\"standard\"},\"links\":{\"related\":")
                    .append("\"https://api.flowroute.com/v2/numbers/").append(number).append("\"}}");
        }
        return json.append("],\"links\":{\"self\":\"https://api.flowroute.com").append(V2_SEARCH_PATH).append('?')
                .append(V2_SEARCH_QUERY).append("&offset=0\"}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] v2AccountItems() {
        StringBuilder json = new StringBuilder("{\"data\":[");
        for (int i = 0; i < ACCOUNT_PAGE_SIZE; i++) {
            String number = "1206555" + String.format("%04d", i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"type\":\"number\",\"id\":\"").append(number).append("\",\"attributes\":{")
                    .append("\"rate_center\":\"seattle\",\"value\":\"").append(number).append("\",\"alias\":null,")
                    .append("\"state\":\"wa\",\"number_type\":\"standard\",\"cnam_lookups_enabled\":true},")
                    .append("\"links\":{\"self\":\"https://api.flowroute.com/v2/numbers/").append(number).append("\"}}");
        }
        return json.append("],\"links\":{").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The start of every v2 account page: its items and the opening of its links. */
    static byte[] v2AccountItemsPart() {
        return V2_ACCOUNT_ITEMS;
    }

    /** The end of the v2 account page at {@code offset}: {@code self}, and {@code next} up to the last page. */
    static byte[] v2AccountLinksPart(int offset) {
        StringBuilder json = new StringBuilder("\"self\":\"").append(v2AccountLink(offset)).append('"');
        if (offset + ACCOUNT_PAGE_SIZE < ACCOUNT_PAGE_SIZE * ACCOUNT_PAGES) {
            json.append(",\"next\":\"").append(v2AccountLink(offset + ACCOUNT_PAGE_SIZE)).append('"');
        }
        return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String v2AccountLink(int offset) {
        return "https://api.flowroute.com" + V2_ACCOUNT_PATH + "?limit=" + ACCOUNT_PAGE_SIZE + "&offset=" + offset;
    }

    /** A whole v1 account page, for checks and profiles. */
    static byte[] accountPage(int page) {
        return concat(accountItemsPart(), accountLinksPart(page));
    }

    /** A whole v2 account page, for checks and profiles. */
    static byte[] v2AccountPage(int offset) {
        return concat(v2AccountItemsPart(), v2AccountLinksPart(offset));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
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
