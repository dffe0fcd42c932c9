package com.flowroute.numbers;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One delivery report of a sent message: an entry of {@link MessageRecord#deliveryReceipts()},
 * or a receipt Flowroute posted to a DLR callback (read with
 * {@link FlowrouteWebhooks#deliveryReceipt(byte[])}). A message typically gets two: level 1
 * (handed to the carrier) and level 2 (what happened after).
 */
@Value.Immutable
public abstract class DeliveryReceipt {
    /** The status this receipt reports, such as {@link MessageStatus#MESSAGE_BUFFERED}. */
    public abstract MessageStatus status();

    /** The carrier's status code, such as {@code 1003}; empty when Flowroute sends none (or null). */
    public abstract Optional<Integer> statusCode();

    /** What the status code means, such as {@code Message accepted by Carrier}; empty when Flowroute sends none. */
    @Value.Default
    public String statusCodeDescription() {
        return "";
    }

    /**
     * When the status was reached. For a posted receipt without a timestamp (the older flat
     * shape may have none), the moment the receipt was read.
     */
    public abstract Instant timestamp();

    /** 1 for the hand-over to the carrier, 2 for what happened after; empty when not sent. */
    public abstract Optional<Integer> level();

    /**
     * The id ({@code mdr2-...}) of the message this receipt is about: present on receipts posted
     * to a callback, empty on the entries of a {@link MessageRecord}, which is that message.
     */
    public abstract Optional<String> id();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DeliveryReceipt}. */
    public static final class Builder extends ImmutableDeliveryReceipt.Builder {}
}
