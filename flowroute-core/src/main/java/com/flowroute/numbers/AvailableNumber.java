package com.flowroute.numbers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A number in Flowroute's inventory that can be purchased, with its costs and rate center. */
@Value.Immutable
public interface AvailableNumber {
    /** The number. */
    PhoneNumber number();

    /** The one-time cost of buying it, in US dollars, such as {@code 1.00} (v2's {@code setup_cost}). */
    BigDecimal initialCost();

    /** The recurring monthly cost, in US dollars, such as {@code 1.25}. */
    BigDecimal monthlyCost();

    /** The billing methods the number can be bought with, in the server's order; empty over v2. */
    List<BillingMethod> billingMethods();

    /** The number's type (v2, raw, such as {@code standard}). */
    Optional<String> numberType();

    /** The rate center, such as {@code SEATTLE}. */
    String rateCenter();

    /** The two-letter state or province, such as {@code WA}. */
    String state();

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AvailableNumber}. */
    final class Builder extends ImmutableAvailableNumber.Builder {}
}
