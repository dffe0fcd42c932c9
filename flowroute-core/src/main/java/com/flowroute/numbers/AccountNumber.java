package com.flowroute.numbers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A number on the account, as the account listing shows it: the number, billing and routes. */
@Value.Immutable
@JsonSerialize(as = ImmutableAccountNumber.class)
@JsonDeserialize(as = ImmutableAccountNumber.class)
public interface AccountNumber extends RoutedNumber {
    /** The number. */
    PhoneNumber number();

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AccountNumber}. */
    final class Builder extends ImmutableAccountNumber.Builder {}
}
