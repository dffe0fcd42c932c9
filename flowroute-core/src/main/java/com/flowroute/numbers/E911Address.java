package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.E911AddressRules;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A street address in the United States or Canada for emergency (E911) calls, validated at
 * {@code build()}.
 *
 * <pre>{@code
 * E911Address.builder()
 *     .label("Seattle office").firstName("Maria").lastName("Bermudez")
 *     .streetNumber("666").streetName("Main St").addressType("Suite").addressTypeNumber("333")
 *     .city("Seattle").state("WA").country("US").zip("98101")
 *     .build();
 * }</pre>
 *
 * <p>Every field but {@code addressType} and {@code addressTypeNumber} is required, not blank and
 * free of control characters. {@code state} is two letters; {@code country} is {@code US} or
 * {@code CA}; {@code zip} is a US zip code ({@code 98101} or {@code 98101-1234}) or a Canadian
 * postal code ({@code M4C 5K7}). {@code addressType} is one of Flowroute's types (Apartment,
 * Basement, Building, Department, Floor, Front, Key, Lobby, Lot, Lower, Office, Penthouse, Pier,
 * Rear, Room, Side, Slip, Space, Stop, Suite, Trailer, Unit, Upper) and comes with its
 * {@code addressTypeNumber}.
 *
 * <p>Values are normalised to what Flowroute sends: {@code state} and {@code country} upper case
 * ({@code USA} and {@code Canada} become {@code US} and {@code CA}), a postal code upper case with
 * its space ({@code m4c5k7} becomes {@code M4C 5K7}), an address type capitalised as listed
 * ({@code SUITE} becomes {@code Suite}). Whether Flowroute can geocode the address is checked by
 * the server ({@code e911().validate(address)}).
 */
@Value.Immutable
public abstract class E911Address {
    /** A friendly name for the address, such as {@code Seattle office}. */
    public abstract String label();

    /** First name of the person or business at the address. */
    public abstract String firstName();

    /** Last name of the person or business at the address. */
    public abstract String lastName();

    /** The street number, such as {@code 666}. */
    public abstract String streetNumber();

    /** The street name, such as {@code Main St}. */
    public abstract String streetName();

    /** The type of the unit within the building, such as {@code Suite}. */
    public abstract Optional<String> addressType();

    /** The number of the unit, such as {@code 333} or {@code A-1}; present exactly when {@link #addressType()} is. */
    public abstract Optional<String> addressTypeNumber();

    /** The city. */
    public abstract String city();

    /** The two-letter state, province or territory, upper case, such as {@code WA} or {@code ON}. */
    public abstract String state();

    /** {@code US} or {@code CA}. */
    public abstract String country();

    /** The US zip code ({@code 98101}, {@code 98101-1234}) or Canadian postal code ({@code M4C 5K7}). */
    public abstract String zip();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Enforces the rules at {@code build()} and normalises the values, naming field, value and rule on failure. */
    @Value.Check
    protected E911Address normalize() {
        Validation.text(label(), "label");
        Validation.text(firstName(), "firstName");
        Validation.text(lastName(), "lastName");
        Validation.text(streetNumber(), "streetNumber");
        Validation.text(streetName(), "streetName");
        Optional<String> type = E911AddressRules.addressType(addressType(), addressTypeNumber(),
                "addressType", "addressTypeNumber");
        Validation.text(city(), "city");
        String state = E911AddressRules.state(state(), "state");
        String country = E911AddressRules.country(country(), "country");
        String zip = E911AddressRules.postalCode(zip(), country, "zip");
        if (state.equals(state()) && country.equals(country()) && zip.equals(zip()) && type.equals(addressType())) {
            return this;
        }
        return builder().from(this).state(state).country(country).zip(zip).addressType(type).build();
    }

    /**
     * Builds an {@link E911Address}; {@code build()} validates it and throws
     * {@link IllegalArgumentException} for a missing or invalid field.
     */
    public static final class Builder extends ImmutableE911Address.Builder {
        /**
         * The address.
         *
         * @throws IllegalArgumentException naming the fields left unset, or the field, value and
         *     rule of an invalid one
         */
        @Override
        public E911Address build() {
            try {
                return super.build();
            } catch (IllegalStateException unset) {
                // Immutables reports unset required fields as a state error; for a caller it is bad input.
                throw new IllegalArgumentException(unset.getMessage()
                        + ": label, firstName, lastName, streetNumber, streetName, city, state, country and zip are required",
                        unset);
            }
        }
    }
}
