package com.flowroute.numbers;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A message detail record (MDR): one message sent or received, as the messages API lists it.
 *
 * <p>The body is personal data: {@link #toString()} shows only its length.
 */
@Value.Immutable
public abstract class MessageRecord {
    /** The record's id, such as {@code mdr2-39cadeace66e11e7aff806cd7f24ba2d}. */
    public abstract String id();

    /** The sender. */
    // The contract's name; it takes the builder's from(instance) copy method, which is not needed.
    @SuppressWarnings("immutables:from")
    public abstract PhoneNumber from();

    /** The receiver. */
    public abstract PhoneNumber to();

    /** The text; empty when there is none (an MMS may be media only). */
    public abstract String body();

    /** Whether the message was sent or received. */
    public abstract MessageDirection direction();

    /** The message's latest status, such as {@link MessageStatus#DELIVERED}. */
    public abstract MessageStatus status();

    /** The media of an MMS, in order. */
    public abstract List<URI> mediaUrls();

    /** Whether this is an MMS; by default, whether it has media. */
    @Value.Default
    public boolean isMms() {
        return !mediaUrls().isEmpty();
    }

    /** When Flowroute handled the message. */
    public abstract Instant timestamp();

    /**
     * What the message cost, in US dollars, exactly: Flowroute's {@code amount_nanodollars}
     * divided by 10<sup>9</sup> (4000000 is {@code 0.004}).
     */
    public abstract BigDecimal amount();

    /** The delivery reports of a sent message, in the server's order; empty for received ones. */
    public abstract List<DeliveryReceipt> deliveryReceipts();

    /** The kind of number that handled the message, raw, such as {@code longcode} or {@code toll-free}. */
    public abstract Optional<String> messageType();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The record with its body shown only by its length. */
    @Override
    public String toString() {
        return "MessageRecord{id=" + id() + ", from=" + from() + ", to=" + to() + ", body=" + MessageText.redacted(body())
                + ", direction=" + direction() + ", status=" + status() + ", mms=" + isMms()
                + ", mediaUrls=" + mediaUrls() + ", timestamp=" + timestamp() + ", amount=" + amount().toPlainString()
                + ", deliveryReceipts=" + deliveryReceipts() + messageType().map(type -> ", messageType=" + type).orElse("")
                + "}";
    }

    /** Builds a {@link MessageRecord}. */
    public static final class Builder extends ImmutableMessageRecord.Builder {}
}
