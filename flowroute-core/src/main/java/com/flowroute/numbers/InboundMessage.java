package com.flowroute.numbers;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * An SMS or MMS received by one of the account's numbers, as Flowroute posts it to the account's
 * SMS or MMS callback; read it with {@link FlowrouteWebhooks#inboundMessage(byte[])}.
 *
 * <p>The body is personal data: {@link #toString()} shows only its length.
 */
@Value.Immutable
public abstract class InboundMessage {
    /** The message's id, such as {@code mdr2-ca82be46e6ba11e79d08862d092cf73d}; look it up with the messages API. */
    public abstract String id();

    /** The sender. */
    // The contract's name; it takes the builder's from(instance) copy method, which is not needed.
    @SuppressWarnings("immutables:from")
    public abstract PhoneNumber from();

    /** The account's number that received it. */
    public abstract PhoneNumber to();

    /** The text; empty when there is none (an MMS may be media only). */
    public abstract String body();

    /** The media of an MMS, in order; temporary links that Flowroute expires after some days. */
    public abstract List<URI> mediaUrls();

    /** Whether this is an MMS; by default, whether it has media. */
    @Value.Default
    public boolean isMms() {
        return !mediaUrls().isEmpty();
    }

    /**
     * When Flowroute received the message. The older flat webhook shape
     * ({@code {"to","from","body","id"}}) carries no time; for it this is the moment the webhook
     * was read, which is within seconds of the real time since Flowroute posts at once (and
     * retries 30 s apart at most four times).
     */
    public abstract Instant timestamp();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The message with its body shown only by its length. */
    @Override
    public String toString() {
        return "InboundMessage{id=" + id() + ", from=" + from() + ", to=" + to() + ", body=" + MessageText.redacted(body())
                + ", mediaUrls=" + mediaUrls() + ", mms=" + isMms() + ", timestamp=" + timestamp() + "}";
    }

    /** Builds an {@link InboundMessage}. */
    public static final class Builder extends ImmutableInboundMessage.Builder {}
}
