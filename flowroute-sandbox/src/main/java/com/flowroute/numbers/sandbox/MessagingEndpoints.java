package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.MessageQuery;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.Json;
import com.flowroute.numbers.internal.MalformedRequest;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.v2.MessagingJson;
import com.flowroute.numbers.internal.v2.MessagingProtocol;
import com.flowroute.numbers.internal.v2.V2Wire;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The v2.1 messaging endpoints, read and written with the client's own codec
 * ({@link MessagingJson}), so that the sandbox refuses what the SDK refuses:
 *
 * <ul>
 *   <li>{@code POST /v2.1/messages}: 202 with the new {@code mdr2-} id. A body that is not a
 *       JSON object is a 400; a message that breaks a rule (a malformed number, a blank or
 *       over-long SMS body, an MMS without media or with non-https media) a 422 naming the field;
 *       a {@code from} not on the account a 403; past the rate limit a 429 with
 *       {@code Retry-After} (whole seconds).
 *   <li>{@code GET /v2.1/messages/{id}}: the record, or 404.
 *   <li>{@code GET /v2.1/messages?start_date=&end_date=&limit=&offset=}: inbound and outbound
 *       records from {@code start_date} (required: missing or not a date, a 422) up to
 *       {@code end_date} (exclusive), oldest first; {@code links.next} only while more remain.
 *       Unknown or repeated parameters are a 400, {@code limit} outside 1..200 or a negative
 *       {@code offset} a 422.
 *   <li>{@code PUT /v2.1/messages/{sms_callback|mms_callback|sms_dlr_callback|mms_dlr_callback|dlr_callback}}
 *       with {@code {"callback_url"}}: 204; an unknown callback name is a 404.
 * </ul>
 */
final class MessagingEndpoints {
    private static final String PATH = MessagingProtocol.MESSAGES_PATH;
    private static final String SEND_FORM = "{\"data\":{\"type\":\"message\",\"attributes\":{\"from\":\"12065550100\","
            + "\"to\":\"12065550199\",\"body\":\"hello\"}}}";
    private static final String CALLBACK_FORM = "{\"callback_url\":\"https://example.com/flowroute/sms\"}";
    private static final String LIMIT = "limit";
    private static final String OFFSET = "offset";
    /** The list's filters as the codec names them, and the paging parameters of every v2 listing. */
    private static final Set<String> LIST_PARAMETERS = Stream.concat(
                    MessagingJson.listFilters(MessageQuery.between(Instant.EPOCH, Instant.EPOCH.plusSeconds(1))).stream()
                            .map(Map.Entry::getKey),
                    Stream.of(LIMIT, OFFSET))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    /** What Flowroute answers, with a 404, for an id it does not know. */
    static final String NOT_FOUND = "Could not find that resource on your account.";

    private final Messaging messaging;

    MessagingEndpoints(Messaging messaging) {
        this.messaging = messaging;
    }

    /** The endpoints, for the sandbox's table. */
    EndpointTable table() {
        return new EndpointTable()
                .add("POST", PATH, (request, path) -> send(request))
                .add("GET", PATH, (request, path) -> list(request))
                .add("GET", PATH + "/{id}", (request, path) -> {
                    V1Endpoints.noParameters(request);
                    String id = path.get("id");
                    MessageRecord record = messaging.get(id).orElseThrow(() -> Refusal.notFound(NOT_FOUND));
                    return Answer.jsonApi(200, MessagingJson.recordDocument(record, self(request, id)));
                })
                .add("PUT", PATH + "/{callback}", (request, path) -> setCallback(request, path.get("callback")));
    }

    private Answer send(IncomingRequest request) {
        V1Endpoints.noParameters(request);
        V1Endpoints.checked(() -> Json.requestObject(request.body, SEND_FORM));
        OutboundMessage message = V1Endpoints.checked(() -> MessagingJson.decodeSend(request.body));
        Optional<MessageRecord> sent = messaging.send(message);
        if (sent.isEmpty()) {
            long seconds = wholeSeconds(messaging.retryAfter());
            return Answer.error(Dialect.V2, 429, "Too many messages: this account sends at most " + messaging.rateLimit()
                    + " messages per second; retry after " + seconds + " s").withHeader("Retry-After", Long.toString(seconds));
        }
        String id = sent.get().id();
        return Answer.jsonApi(202, MessagingJson.sentAnswer(id, self(request, id)));
    }

    private Answer list(IncomingRequest request) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : request.parameters) {
            String name = parameter.getKey();
            if (!LIST_PARAMETERS.contains(name)) {
                throw Refusal.badRequest("unknown query parameter " + name + ": " + PATH + " takes "
                        + String.join(", ", LIST_PARAMETERS));
            }
            if (given.put(name, parameter.getValue()) != null) {
                throw Refusal.badRequest("query parameter " + name + " is given twice");
            }
        }
        MessageQuery period = V1Endpoints.checked(() -> MessagingJson.decodeListFilters(
                name -> Optional.ofNullable(given.get(name)).filter(value -> !value.isBlank())));
        int limit = V1Endpoints.checked(() -> whole(given, LIMIT, V2Wire.DEFAULT_LIMIT));
        int offset = V1Endpoints.checked(() -> whole(given, OFFSET, 0));
        V1Endpoints.checked(() -> {
            Validation.require(limit >= 1 && limit <= V2Wire.MAX_LIMIT, LIMIT, limit, "must be between 1 and " + V2Wire.MAX_LIMIT);
            Validation.require(offset >= 0, OFFSET, offset, "must be 0 or more");
            return null;
        });
        SandboxState.Slice<MessageRecord> slice = messaging.list(period, offset, limit);
        String origin = V2Endpoints.origin(request);
        String self = origin + request.rawPath + (request.rawQuery.isEmpty() ? "" : "?" + request.rawQuery);
        Optional<String> next = Optional.empty();
        if (slice.hasMore) {
            List<Map.Entry<String, String>> query = new ArrayList<>();
            given.forEach((name, value) -> {
                if (!name.equals(LIMIT) && !name.equals(OFFSET)) {
                    query.add(Map.entry(name, value));
                }
            });
            query.add(Map.entry(LIMIT, Integer.toString(limit)));
            query.add(Map.entry(OFFSET, Integer.toString(offset + slice.items.size())));
            next = Optional.of(origin + request.rawPath + "?" + Urls.query(query));
        }
        return Answer.jsonApi(200, MessagingJson.recordsDocument(slice.items, next, self));
    }

    private Answer setCallback(IncomingRequest request, String segment) {
        V1Endpoints.noParameters(request);
        CallbackType type = CallbackType.ofPathSegment(segment).orElseThrow(() -> Refusal.notFound("no callback named "
                + segment + ": PUT " + PATH + "/ followed by one of " + Stream.of(CallbackType.values())
                        .map(CallbackType::pathSegment).collect(Collectors.joining(", "))));
        V1Endpoints.checked(() -> Json.requestObject(request.body, CALLBACK_FORM));
        URI url = V1Endpoints.checked(() -> MessagingJson.decodeCallback(request.body));
        messaging.setCallback(type, url);
        return Answer.empty(204);
    }

    private static String self(IncomingRequest request, String id) {
        return V2Endpoints.origin(request) + PATH + "/" + Urls.pathSegment(id);
    }

    private static int whole(Map<String, String> given, String name, int absent) {
        String value = given.get(name);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new MalformedRequest(Validation.message(name, value, "must be a whole number"));
        }
    }

    /** {@code wait} in whole seconds, rounded up, at least 1: {@code Retry-After} has no fractions. */
    private static long wholeSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
