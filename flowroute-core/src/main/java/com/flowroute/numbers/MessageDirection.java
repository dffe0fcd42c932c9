package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import java.util.List;

/**
 * Which way a message went: {@link #INBOUND} (to one of the account's numbers) or
 * {@link #OUTBOUND} (sent from one). Any other value the server sends is kept as its raw string
 * rather than failing.
 */
public final class MessageDirection extends OpenValue {
    /** A message received by one of the account's numbers ({@code "inbound"}). */
    public static final MessageDirection INBOUND = new MessageDirection("inbound");
    /** A message sent from one of the account's numbers ({@code "outbound"}). */
    public static final MessageDirection OUTBOUND = new MessageDirection("outbound");

    private static final List<MessageDirection> KNOWN = List.of(INBOUND, OUTBOUND);

    private MessageDirection(String value) {
        super(value);
    }

    /**
     * The direction named {@code value}: one of the constants when it matches exactly, otherwise
     * a value that keeps the raw string.
     *
     * @param value the wire value, such as {@code "inbound"}
     * @return the direction
     * @throws IllegalArgumentException if {@code value} is null
     */
    public static MessageDirection of(String value) {
        Validation.require(value != null, "direction", null, "is required");
        for (MessageDirection known : KNOWN) {
            if (known.value().equals(value)) {
                return known;
            }
        }
        return new MessageDirection(value);
    }

    /** Whether this is one of the constants of this class. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }
}
