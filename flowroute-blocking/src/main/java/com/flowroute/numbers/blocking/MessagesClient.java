package com.flowroute.numbers.blocking;

import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.MessageQuery;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.reactive.ReactiveMessagesClient;
import java.net.URI;

/**
 * Texting over v2.1, blocking. Obtained from {@link FlowrouteClient#messages()}; each method
 * mirrors {@link ReactiveMessagesClient}'s, which describes pacing and exactly-once sends.
 */
public final class MessagesClient {
    private final ReactiveMessagesClient reactive;

    MessagesClient(ReactiveMessagesClient reactive) {
        this.reactive = reactive;
    }

    /** Sends an SMS or MMS and returns its id ({@code mdr2-...}) once Flowroute accepted it. */
    public String send(OutboundMessage message) {
        return Await.value(reactive.send(message));
    }

    /** The message {@code id}, with its status and delivery receipts. */
    public MessageRecord get(String id) {
        return Await.value(reactive.get(id));
    }

    /** The account's messages in the period of {@code query}, fetched a page at a time as iterated. */
    public PagedIterable<MessageRecord> list(MessageQuery query) {
        return new PagedIterable<>(reactive.list(query));
    }

    /** Sets where Flowroute posts the account's inbound messages or delivery receipts. */
    public void setCallback(CallbackType type, URI url) {
        Await.completion(reactive.setCallback(type, url));
    }
}
