package com.flowroute.numbers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A number on the account: its billing method and its primary and failover routes. */
@Value.Immutable
@JsonSerialize(as = ImmutableNumberDetails.class)
@JsonDeserialize(as = ImmutableNumberDetails.class)
public interface NumberDetails extends RoutedNumber {
    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NumberDetails}. */
    final class Builder extends ImmutableNumberDetails.Builder {}
}
