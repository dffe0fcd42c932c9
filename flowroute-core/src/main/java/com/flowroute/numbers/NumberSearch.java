package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A search of the purchasable inventory.
 *
 * <p>{@code NumberSearch.builder().npa("206").nxx("641").rateCenter("SEATTLE").state("WA")
 * .pageSize(50).build()}; every field is optional, but {@code nxx} needs {@code npa} and
 * {@code rateCenter} needs {@code state}.
 */
@Value.Immutable
public abstract class NumberSearch implements PagedQuery {
    /** Area code: 1-3 digits, a partial match as the API does ({@code 20} matches 201, 202...). */
    public abstract Optional<String> npa();

    /** Exchange: 1-3 digits, a partial match; needs {@link #npa()}. */
    public abstract Optional<String> nxx();

    /** Rate center, such as {@code SEATTLE} (case-insensitive); needs {@link #state()}. */
    public abstract Optional<String> rateCenter();

    /** Two-letter state or province, such as {@code WA} (case-insensitive). */
    public abstract Optional<String> state();

    /** Telephone number digits to look for, such as {@code 12066417744} (the wire {@code tn}). */
    public abstract Optional<String> tn();

    /** v2 only: numbers starting with these digits, such as {@code 1206}. */
    public abstract Optional<String> startsWith();

    /** v2 only: numbers containing these digits. */
    public abstract Optional<String> contains();

    /** v2 only: numbers ending with these digits. */
    public abstract Optional<String> endsWith();

    /** v2 only: the number type, such as {@code standard} or {@code tollfree} (sent as given). */
    public abstract Optional<String> numberType();

    /** A search of the whole inventory with the server's default page size. */
    public static NumberSearch all() {
        return builder().build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }


    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        Validation.pageSize(pageSize());
        Validation.page(page());
        Validation.digits(npa(), "npa", 3);
        Validation.digits(nxx(), "nxx", 3);
        nxx().ifPresent(nxx -> Validation.require(npa().isPresent(), "nxx", nxx, "needs npa to be set as well"));
        rateCenter().ifPresent(rc -> {
            Validation.text(rc, "rateCenter");
            Validation.require(state().isPresent(), "rateCenter", rc, "needs state to be set as well");
        });
        state().ifPresent(state -> Validation.require(state.length() == 2
                && Character.isLetter(state.charAt(0)) && state.charAt(0) < 128
                && Character.isLetter(state.charAt(1)) && state.charAt(1) < 128,
                "state", state, "must be a two-letter state or province code such as WA or ON"));
        Validation.digits(tn(), "tn", 11);
        Validation.digits(startsWith(), "startsWith", 11);
        Validation.digits(contains(), "contains", 11);
        Validation.digits(endsWith(), "endsWith", 11);
        numberType().ifPresent(type -> Validation.text(type, "numberType"));
    }

    /** Builds a {@link NumberSearch}; {@code build()} validates it. */
    public static final class Builder extends ImmutableNumberSearch.Builder {}
}
