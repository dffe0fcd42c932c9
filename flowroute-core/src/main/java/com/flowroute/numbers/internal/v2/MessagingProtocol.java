package com.flowroute.numbers.internal.v2;

import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.MessageQuery;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.internal.Listing;
import com.flowroute.numbers.internal.Operation;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.WireRequest;
import java.net.URI;
import java.util.List;

/**
 * Messaging over v2.1, client side: the paths (the sandbox takes them from here too), the
 * requests and how their answers read. Not part of the SDK's contract.
 */
public final class MessagingProtocol {
    /** Messages: send with POST, list with GET, and before an id one message. */
    public static final String MESSAGES_PATH = "/v2.1/messages";

    private final String root;

    /** The protocol under the API root path {@code root} (usually {@code ""}). */
    public MessagingProtocol(String root) {
        this.root = root;
    }

    /** {@code POST /v2.1/messages}: a text sent every time, so never blindly repeated; completes with the {@code mdr2-} id. */
    public Operation<String> send(OutboundMessage message) {
        return Operation.nonIdempotent(WireRequest.of("POST", root + MESSAGES_PATH, MessagingJson.sendBody(message)),
                (status, body) -> MessagingJson.sentId(body), true).named("messages.send");
    }

    /** {@code GET /v2.1/messages/{id}}. */
    public Operation<MessageRecord> get(String id) {
        return Operation.idempotent(WireRequest.get(root + MESSAGES_PATH + "/" + Urls.pathSegment(id), List.of()),
                (status, body) -> MessagingJson.record(body)).named("messages.get");
    }

    /** {@code GET /v2.1/messages?start_date=&end_date=&limit=&offset=}. */
    public Listing<MessageRecord> list(MessageQuery query) {
        return new Listing<>(WireRequest.get(root + MESSAGES_PATH, V2Wire.paged(MessagingJson.listFilters(query), query)),
                MessagingJson::records, V2Wire::continuation, "messages.list");
    }

    /** {@code PUT /v2.1/messages/{type}_callback} with {@code {"callback_url":..}}; idempotent. */
    public Operation<Void> setCallback(CallbackType type, URI url) {
        return Operation.write(WireRequest.of("PUT", root + MESSAGES_PATH + "/" + type.pathSegment(), MessagingJson.callbackBody(url))).named("messages.setCallback");
    }
}
