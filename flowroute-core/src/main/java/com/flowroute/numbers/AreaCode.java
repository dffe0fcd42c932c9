package com.flowroute.numbers;

import org.immutables.value.Value;

/** An area code (NPA) with numbers in Flowroute's inventory, such as {@code 206}. */
@Value.Immutable
public interface AreaCode {
    /** The three-digit area code, such as {@code 206}. */
    String npa();

    /** An area code. */
    static AreaCode of(String npa) {
        return builder().npa(npa).build();
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AreaCode}. */
    final class Builder extends ImmutableAreaCode.Builder {}
}
