package com.flowroute.numbers;

import java.util.Optional;

import org.immutables.value.Value;

/** A number on the account: its billing method and its primary and failover routes. */
@Value.Immutable
public interface NumberDetails extends RoutedNumber {
    /** The id of the E911 address record assigned to the number (v2), when there is one. */
    Optional<String> e911AddressId();

    /** The id of the CNAM record presented on the number's outbound calls (v2), when there is one. */
    Optional<String> cnamPresetId();

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NumberDetails}. */
    final class Builder extends ImmutableNumberDetails.Builder {}
}
