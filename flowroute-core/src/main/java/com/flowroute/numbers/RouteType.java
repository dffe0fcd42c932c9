package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import java.util.List;

/**
 * The kind of an inbound route. {@link #HOST}, {@link #PSTN} and {@link #URI} can be created;
 * {@link #SIP_REG} ({@code "SIP-REG"}) is the default route of a new number. Any other value the
 * server sends is kept as its raw string rather than failing.
 */
public final class RouteType extends OpenValue {
    /** A host name or IP address with an optional port, such as {@code 24.239.23.40:5060}. */
    public static final RouteType HOST = new RouteType("HOST");
    /** A NANP number, such as {@code 12065551212}. */
    public static final RouteType PSTN = new RouteType("PSTN");
    /** A SIP URI, such as {@code sip:alice@example.com:5060}. */
    public static final RouteType URI = new RouteType("URI");
    /** The SIP registration route every new number starts with ({@code "SIP-REG"}). */
    public static final RouteType SIP_REG = new RouteType("SIP-REG");

    private static final List<RouteType> KNOWN = List.of(HOST, PSTN, URI, SIP_REG);

    private RouteType(String value) {
        super(value);
    }

    /**
     * The route type named {@code value}: one of the constants when it matches, otherwise a value
     * that keeps the raw string.
     *
     * @param value the wire value, such as {@code "HOST"} or {@code "SIP-REG"}
     * @return the route type
     * @throws IllegalArgumentException if {@code value} is null, blank or has control characters
     */
    public static RouteType of(String value) {
        Validation.text(value, "type");
        for (RouteType known : KNOWN) {
            if (known.value().equals(value)) {
                return known;
            }
        }
        return new RouteType(value);
    }

    /** Whether this is one of the constants of this class. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }
}
