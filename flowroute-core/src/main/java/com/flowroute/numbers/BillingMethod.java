package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;

/**
 * How a number is billed. The v1 API knows {@link #METERED}; any other value the server sends
 * is kept as its raw string rather than failing, so a new billing method never breaks parsing.
 */
public final class BillingMethod extends OpenValue {
    /** Unlimited concurrent calls, each billed per minute used. */
    public static final BillingMethod METERED = new BillingMethod("METERED");

    private BillingMethod(String value) {
        super(value);
    }

    /**
     * The billing method named {@code value}: {@link #METERED} for {@code "METERED"}, otherwise a
     * value that keeps the raw string.
     *
     * @param value the wire value
     * @return the billing method
     * @throws IllegalArgumentException if {@code value} is null, blank or has control characters
     */
    public static BillingMethod of(String value) {
        Validation.text(value, "billingMethod");
        return METERED.value().equals(value) ? METERED : new BillingMethod(value);
    }

    /** Whether this is one of the values this SDK version knows. */
    public boolean isKnown() {
        return this == METERED;
    }
}
