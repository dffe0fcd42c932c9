package com.flowroute.numbers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.List;
import org.immutables.value.Value;

/** A number in Flowroute's inventory that can be purchased, with its costs and rate center. */
@Value.Immutable
@JsonSerialize(as = ImmutableAvailableNumber.class)
@JsonDeserialize(as = ImmutableAvailableNumber.class)
public interface AvailableNumber {
    /** The number. */
    PhoneNumber number();

    /** The one-time cost of buying it, in US dollars, such as {@code 1.00}. */
    BigDecimal initialCost();

    /** The recurring monthly cost, in US dollars, such as {@code 1.25}. */
    BigDecimal monthlyCost();

    /** The billing methods the number can be bought with, in the server's order. */
    List<BillingMethod> billingMethods();

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
