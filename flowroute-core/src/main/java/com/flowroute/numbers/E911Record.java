package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import org.immutables.value.Value;

/** An E911 address stored on the account, under the id that {@code e911().get/assign/delete/numbers} take. */
@Value.Immutable
public abstract class E911Record {
    /** The record's id, such as {@code 21845}. */
    public abstract String id();

    /** The address. */
    public abstract E911Address address();

    /** A record. */
    public static E911Record of(String id, E911Address address) {
        return builder().id(id).address(address).build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        Validation.text(id(), "id");
    }

    /** Builds an {@link E911Record}. */
    public static final class Builder extends ImmutableE911Record.Builder {}
}
