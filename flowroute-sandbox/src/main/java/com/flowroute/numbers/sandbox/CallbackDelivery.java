package com.flowroute.numbers.sandbox;

import java.net.URI;

/**
 * One webhook the sandbox posted, is posting, or chose not to post to a messaging callback: an
 * inbound message to the account's SMS or MMS callback, or a delivery receipt to a message's
 * {@code dlr_callback} or the account's DLR callback. See {@link FlowrouteSandbox#callbackDeliveries()}.
 *
 * @param kind what was posted
 * @param messageId the message it is about ({@code mdr2-...})
 * @param url where it was posted
 * @param state how it ended, or {@link State#PENDING} while attempts remain
 * @param attempts the attempts made so far: 1 to 5 (Flowroute's first try and its 4 retries), 0 when skipped
 * @param lastStatus the HTTP status of the last answer, 0 when none came (refused, timed out, not tried)
 */
public record CallbackDelivery(Kind kind, String messageId, URI url, State state, int attempts, int lastStatus) {
    /** What a webhook carries. */
    public enum Kind {
        /** An inbound SMS or MMS, as {@code FlowrouteWebhooks.inboundMessage} reads it. */
        INBOUND_MESSAGE,
        /** A delivery receipt of a sent message, as {@code FlowrouteWebhooks.deliveryReceipt} reads it. */
        DELIVERY_RECEIPT
    }

    /** Where a webhook's delivery stands. */
    public enum State {
        /** Being posted, or waiting to be retried. */
        PENDING,
        /** The receiver answered 200. */
        DELIVERED,
        /** No attempt got a 200; the sandbox gave up after the last retry. */
        FAILED,
        /** Not posted: the URL is not on this machine (the sandbox posts only to loopback hosts). */
        SKIPPED
    }
}
