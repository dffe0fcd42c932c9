package com.flowroute.numbers;

import com.flowroute.numbers.internal.v2.MessagingJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * Reads what Flowroute POSTs to the account's messaging callbacks (see {@link CallbackType}): an
 * inbound SMS or MMS, or a delivery receipt. No client is needed: hand the request body of your
 * web endpoint to these methods and answer 200 (Flowroute retries anything else, four times 30 s
 * apart).
 *
 * <p>Both shapes Flowroute posts are read: JSON:API
 * ({@code {"data":{"type":"message","id":"mdr2-...","attributes":{...}}}}) and the older flat
 * {@code {"to":"...","from":"...","body":"...","id":"mdr2-..."}}. Unknown fields are ignored and
 * optional ones may be missing. A body that is empty, not JSON (an HTML page), not a JSON object,
 * larger than 1 MiB, or of neither shape is an {@link IllegalArgumentException} saying which;
 * its message never holds the body, which is personal data. Bodies are read as UTF-8.
 */
public final class FlowrouteWebhooks {
    /** The largest body read, 1 MiB; Flowroute's webhooks are a few KB. */
    public static final int MAX_BODY_BYTES = MessagingJson.MAX_WEBHOOK_BYTES;

    private FlowrouteWebhooks() {}

    /**
     * The inbound message of a body posted to the SMS or MMS callback. A body of the flat shape
     * carries no time: its {@link InboundMessage#timestamp()} is now.
     *
     * @param body the request body
     * @return the message
     * @throws IllegalArgumentException when the body is not an inbound message
     */
    public static InboundMessage inboundMessage(byte[] body) {
        return inboundMessage(body, Clock.systemUTC());
    }

    /**
     * Same as {@link #inboundMessage(byte[])}, with the clock that dates a body without a time.
     *
     * @param body the request body
     * @param clock gives the timestamp of a message whose body has none
     * @return the message
     * @throws IllegalArgumentException when the body is not an inbound message
     */
    public static InboundMessage inboundMessage(byte[] body, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return MessagingJson.inboundMessage(body, clock.instant());
    }

    /**
     * The inbound message of a body posted to the SMS or MMS callback, as text.
     *
     * @param body the request body
     * @return the message
     * @throws IllegalArgumentException when the body is not an inbound message
     */
    public static InboundMessage inboundMessage(String body) {
        return inboundMessage(utf8(body));
    }

    /**
     * The delivery receipt of a body posted to a DLR callback; its {@link DeliveryReceipt#id()} is
     * the message's id when the body has one. A receipt without a time is dated now.
     *
     * @param body the request body
     * @return the receipt
     * @throws IllegalArgumentException when the body is not a delivery receipt
     */
    public static DeliveryReceipt deliveryReceipt(byte[] body) {
        return deliveryReceipt(body, Clock.systemUTC());
    }

    /**
     * Same as {@link #deliveryReceipt(byte[])}, with the clock that dates a body without a time.
     *
     * @param body the request body
     * @param clock gives the timestamp of a receipt whose body has none
     * @return the receipt
     * @throws IllegalArgumentException when the body is not a delivery receipt
     */
    public static DeliveryReceipt deliveryReceipt(byte[] body, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return MessagingJson.deliveryReceipt(body, clock.instant());
    }

    /**
     * The delivery receipt of a body posted to a DLR callback, as text.
     *
     * @param body the request body
     * @return the receipt
     * @throws IllegalArgumentException when the body is not a delivery receipt
     */
    public static DeliveryReceipt deliveryReceipt(String body) {
        return deliveryReceipt(utf8(body));
    }

    private static byte[] utf8(String body) {
        if (body == null) {
            return null;
        }
        // Each char is at least one UTF-8 byte: a longer string is over the limit without encoding it.
        if (body.length() > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("the webhook body has " + body.length()
                    + " characters, over the limit of " + MAX_BODY_BYTES + " bytes (1 MiB); Flowroute's webhooks are a few KB");
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
