package com.flowroute.numbers;

import java.util.List;
import org.immutables.value.Value;

/**
 * The outcome of a purchase that succeeded: the number, now on the account, and any warnings
 * the server gave with it (over v2 a 207 means the number was bought but messaging could not be
 * enabled on it). A purchase completed by reconciliation (the first attempt's answer was lost,
 * the look-up found the number on the account) has no warnings.
 */
@Value.Immutable
public interface PurchaseResult {
    /** The number bought. */
    PhoneNumber number();

    /** The server's warnings, empty when there were none. */
    List<String> warnings();

    /** A result. */
    static PurchaseResult of(PhoneNumber number, List<String> warnings) {
        return new Builder().number(number).warnings(warnings).build();
    }

    /** Builds a {@link PurchaseResult}. */
    final class Builder extends ImmutablePurchaseResult.Builder {}
}
