package com.flowroute.numbers;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One page of a listing: its items in the server's order and the links to the pages beside it.
 *
 * @param <T> the item type
 */
@Value.Immutable
public interface Page<T> {
    /** The items of this page, in the server's order; empty when the server answered {@code {}}. */
    List<T> items();

    /** The server's {@code links.next}, a path from the host root such as {@code /v1/tns/?page=2}. */
    Optional<String> nextLink();

    /** The server's {@code links.prev}, a path from the host root. */
    Optional<String> prevLink();

    /** A page. */
    static <T> Page<T> of(List<T> items, Optional<String> nextLink, Optional<String> prevLink) {
        return new Builder<T>().items(items).nextLink(nextLink).prevLink(prevLink).build();
    }

    /** A new builder. */
    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Builds a {@link Page}. */
    final class Builder<T> extends ImmutablePage.Builder<T> {}
}
