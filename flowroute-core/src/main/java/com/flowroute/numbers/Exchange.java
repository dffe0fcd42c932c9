package com.flowroute.numbers;

import org.immutables.value.Value;

/** An area code and exchange (NPA-NXX) with numbers in Flowroute's inventory, such as 206-641. */
@Value.Immutable
public interface Exchange {
    /** The three-digit area code, such as {@code 206}. */
    String npa();

    /** The three-digit exchange, such as {@code 641}. */
    String nxx();

    /** An exchange. */
    static Exchange of(String npa, String nxx) {
        return builder().npa(npa).nxx(nxx).build();
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Exchange}. */
    final class Builder extends ImmutableExchange.Builder {}
}
