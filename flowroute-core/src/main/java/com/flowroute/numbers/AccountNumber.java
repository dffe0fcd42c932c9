package com.flowroute.numbers;

import org.immutables.value.Value;

/** A number on the account, as the account listing shows it: the number, billing and routes. */
@Value.Immutable
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
