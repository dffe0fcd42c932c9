package com.flowroute.numbers;

import java.util.Map;
import java.util.OptionalInt;

/** What every listing query has: a page size and a start page, both optional. */
public interface PagedQuery {
    /** Items per page, the wire {@code limit}: 1..200; the server's default (10) when empty. */
    OptionalInt pageSize();

    /** The page to start from, 1 or more; the first page when empty. */
    OptionalInt page();

    /**
     * The query's wire parameters by their v1 names ({@code limit}, {@code page}, {@code npa}...),
     * decoded and unsorted; the client sorts and encodes them when it signs the request.
     */
    Map<String, String> queryParameters();
}
