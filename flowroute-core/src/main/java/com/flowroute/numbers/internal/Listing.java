package com.flowroute.numbers.internal;

import com.flowroute.numbers.Page;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A paged listing as a protocol describes it: the first request, how to read a page, and how a
 * page names the next one. The client follows {@link Page#nextLink()} (a path and query on the
 * configured origin, never anywhere else); {@code link} lets a protocol put there the request it
 * computed itself (v2 pages by offset), where v1 keeps the server's {@code links.next}.
 * Not part of the SDK's contract.
 *
 * @param first the first page's request
 * @param decode reads a page
 * @param link the page as the caller sees it, given the request that fetched it
 * @param name the listing as observations name each page's call, such as {@code numbers.list}
 * @param <T> the item type
 */
public record Listing<T>(WireRequest first, Function<byte[], Page<T>> decode,
        BiFunction<WireRequest, Page<T>, Page<T>> link, String name) {
    /** A listing whose pages carry the server's own links. */
    public static <T> Listing<T> followingServerLinks(String name, WireRequest first, Function<byte[], Page<T>> decode) {
        return new Listing<>(first, decode, (sent, page) -> page, name);
    }
}
