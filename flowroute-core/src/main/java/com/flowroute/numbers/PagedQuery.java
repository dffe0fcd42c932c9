package com.flowroute.numbers;

import java.util.OptionalInt;

/** What every listing query has: a page size and a start page, both optional. */
public interface PagedQuery {
    /** Items per page, the wire {@code limit}: 1..200; the server's default (10) when empty. */
    OptionalInt pageSize();

    /** The page to start from, 1 or more; the first page when empty. */
    OptionalInt page();

}
