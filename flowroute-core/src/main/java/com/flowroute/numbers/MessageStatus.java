package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import java.util.List;

/**
 * The status of a message or of one delivery receipt. Flowroute's statuses follow the delivery
 * report names of SMS gateways ({@code "message buffered"}, {@code "smsc submit"},
 * {@code "smsc reject"}) plus {@code "delivered"} and {@code "failed"}; any other value the
 * server sends is kept as its raw string rather than failing. Flowroute has sent an empty status
 * (for inbound MMS), which is kept as the empty string.
 */
public final class MessageStatus extends OpenValue {
    /** Accepted by the carrier and waiting to be delivered ({@code "message buffered"}). */
    public static final MessageStatus MESSAGE_BUFFERED = new MessageStatus("message buffered");
    /** Handed to the carrier's message centre ({@code "smsc submit"}). */
    public static final MessageStatus SMSC_SUBMIT = new MessageStatus("smsc submit");
    /** Refused by the carrier's message centre ({@code "smsc reject"}). */
    public static final MessageStatus SMSC_REJECT = new MessageStatus("smsc reject");
    /** Delivered to the handset, or received by one of the account's numbers ({@code "delivered"}). */
    public static final MessageStatus DELIVERED = new MessageStatus("delivered");
    /** Not delivered ({@code "failed"}). */
    public static final MessageStatus FAILED = new MessageStatus("failed");

    private static final List<MessageStatus> KNOWN = List.of(MESSAGE_BUFFERED, SMSC_SUBMIT, SMSC_REJECT, DELIVERED, FAILED);

    private MessageStatus(String value) {
        super(value);
    }

    /**
     * The status named {@code value}: one of the constants when it matches exactly, otherwise a
     * value that keeps the raw string (the empty string included).
     *
     * @param value the wire value, such as {@code "delivered"}
     * @return the status
     * @throws IllegalArgumentException if {@code value} is null
     */
    public static MessageStatus of(String value) {
        Validation.require(value != null, "status", null, "is required");
        for (MessageStatus known : KNOWN) {
            if (known.value().equals(value)) {
                return known;
            }
        }
        return new MessageStatus(value);
    }

    /** Whether this is one of the constants of this class. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }
}
