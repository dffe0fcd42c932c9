package com.flowroute.numbers.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flowroute.numbers.DeliveryReceipt;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.InboundMessage;
import com.flowroute.numbers.MessageDirection;
import com.flowroute.numbers.MessageQuery;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.MessageStatus;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.internal.PhoneNumbers;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.Json;
import com.flowroute.numbers.internal.UrlChecks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The v2.1 messaging wire, both ways and on both sides: what the client sends and reads, what a
 * server (the sandbox) reads and answers, and the webhooks Flowroute posts. Every JSON field and
 * query parameter name of messaging lives here and nowhere else.
 *
 * <p>Choices where Flowroute's documents disagree or are silent:
 * <ul>
 *   <li>{@code is_mms} is sent as the string {@code "true"}/{@code "false"}, as Flowroute's API
 *       reference examples and its own SDK demos send it (the OpenAPI schema says boolean; the
 *       server takes both). It is read as either.
 *   <li>Media of a received or listed MMS come as {@code relationships.media} pointing into
 *       {@code included} resources of type {@code media} with an {@code attributes.url}; a
 *       {@code media_urls} attribute is read too. Servers here write the {@code included} form.
 *   <li>List dates are sent as {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} (UTC, the OpenAPI example's
 *       form); a server reads a date ({@code 2017-12-01}, midnight UTC) or any ISO-8601 date-time.
 *   <li>A callback body is sent as {@code {"callback_url": url}}; a server also reads the
 *       JSON:API-wrapped {@code {"data":{"attributes":{"callback_url": url}}}} that Flowroute's
 *       Python library sends.
 * </ul>
 *
 * <p>Failures: a response the client cannot read is a {@link FlowrouteTransportException} (as in
 * {@link Json}); a bad request body on the server side, and any webhook body that is not one,
 * is an {@link IllegalArgumentException} naming the field. No message ever holds a message body.
 * Not part of the SDK's contract.
 */
public final class MessagingJson {
    /** The largest webhook body read: 1 MiB. Flowroute's are a few KB; anything bigger is not one. */
    public static final int MAX_WEBHOOK_BYTES = 1 << 20;

    private static final String MESSAGE = "message";
    private static final String DELIVERY_RECEIPT = "delivery_receipt";
    private static final String MEDIA = "media";

    private static final String TO = "to";
    private static final String FROM = "from";
    private static final String BODY = "body";
    private static final String IS_MMS = "is_mms";
    private static final String MEDIA_URLS = "media_urls";
    private static final String DLR_CALLBACK = "dlr_callback";
    private static final String CALLBACK_URL = "callback_url";
    private static final String DIRECTION = "direction";
    private static final String STATUS = "status";
    private static final String TIMESTAMP = "timestamp";
    private static final String AMOUNT_NANODOLLARS = "amount_nanodollars";
    private static final String AMOUNT_DISPLAY = "amount_display";
    private static final String DELIVERY_RECEIPTS = "delivery_receipts";
    private static final String MESSAGE_TYPE = "message_type";
    private static final String STATUS_CODE = "status_code";
    private static final String STATUS_CODE_DESCRIPTION = "status_code_description";
    private static final String LEVEL = "level";
    private static final String URL = "url";
    private static final String START_DATE = "start_date";
    private static final String END_DATE = "end_date";

    private static final BigDecimal NANOS_PER_DOLLAR = BigDecimal.ONE.movePointRight(9);
    private static final DateTimeFormatter QUERY_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String TIME_RULE = "must be an ISO-8601 date-time such as 2017-12-22T01:52:39.39Z";
    /** How Json words a malformed response; webhook and request problems are reworded without it. */
    private static final String RESPONSE_PREFIX = "the response is not the expected JSON: ";

    private MessagingJson() {}

    // ---- client: requests -------------------------------------------------------------------

    /** The body of {@code POST /v2.1/messages}. */
    public static byte[] sendBody(OutboundMessage message) {
        ObjectNode document = Json.object();
        ObjectNode attributes = JsonApi.newResource(document, MESSAGE);
        attributes.put(TO, message.to().toString());
        attributes.put(FROM, message.from().toString());
        attributes.put(BODY, message.body());
        attributes.put(IS_MMS, Boolean.toString(message.isMms()));
        if (message.isMms()) {
            ArrayNode media = attributes.putArray(MEDIA_URLS);
            message.mediaUrls().forEach(url -> media.add(url.toString()));
        }
        message.deliveryCallback().ifPresent(url -> attributes.put(DLR_CALLBACK, url.toString()));
        return Json.bytes(document);
    }

    /**
     * The filters of {@code GET /v2.1/messages}: {@code start_date} and, when set,
     * {@code end_date}, in UTC. Paging ({@code limit}, {@code offset}) is not among them.
     */
    public static List<Map.Entry<String, String>> listFilters(MessageQuery query) {
        List<Map.Entry<String, String>> filters = new ArrayList<>(2);
        filters.add(Map.entry(START_DATE, QUERY_TIME.format(query.start())));
        query.end().ifPresent(end -> filters.add(Map.entry(END_DATE, QUERY_TIME.format(end))));
        return List.copyOf(filters);
    }

    /**
     * The body of {@code PUT /v2.1/messages/{type}_callback}.
     *
     * @throws IllegalArgumentException if {@code callback} is not an absolute http or https URL
     */
    public static byte[] callbackBody(URI callback) {
        UrlChecks.callback("callbackUrl", callback);
        ObjectNode document = Json.object();
        document.put(CALLBACK_URL, callback.toString());
        return Json.bytes(document);
    }

    // ---- client: responses ------------------------------------------------------------------

    /** The id ({@code mdr2-...}) of the 202 answer to a send. */
    public static String sentId(byte[] response) {
        String id = JsonApi.id(JsonApi.resource(JsonApi.document(response)));
        if (id.isBlank()) {
            throw Json.malformed("the sent message's \"id\" is blank");
        }
        return id;
    }

    /** The record of {@code GET /v2.1/messages/{id}}. */
    public static MessageRecord record(byte[] body) {
        JsonNode document = JsonApi.document(body);
        JsonNode resource = JsonApi.resource(document);
        return Json.build(() -> readRecord(resource, document));
    }

    /** A page of {@code GET /v2.1/messages}; its next link is {@code links.next} when present. */
    public static Page<MessageRecord> records(byte[] body) {
        JsonNode document = JsonApi.document(body);
        List<MessageRecord> records = new ArrayList<>();
        for (JsonNode resource : JsonApi.resources(document)) {
            records.add(Json.build(() -> readRecord(resource, document)));
        }
        JsonNode prev = document.path("links").path("prev");
        return Page.of(records, JsonApi.next(document),
                prev.isTextual() && !prev.asText().isEmpty() ? Optional.of(prev.asText()) : Optional.empty());
    }

    // ---- webhooks (read by FlowrouteWebhooks) -------------------------------------------------

    /**
     * An inbound SMS or MMS as Flowroute posts it: JSON:API
     * ({@code {"data":{"type":"message","id",...,"attributes":{...}}}}) or the older flat
     * {@code {"to","from","body","id"}}.
     *
     * @param receivedAt the time to use when the body carries none (the flat shape)
     * @throws IllegalArgumentException when the body is empty, over {@link #MAX_WEBHOOK_BYTES},
     *     not JSON, or of neither shape; the message never holds the body
     */
    public static InboundMessage inboundMessage(byte[] body, Instant receivedAt) {
        JsonNode root = webhookObject(body, "an inbound message");
        return asBadInput("the webhook body is not an inbound message", () -> {
            if (root.has("data")) {
                JsonNode resource = webhookResource(root, MESSAGE);
                if (DELIVERY_RECEIPT.equals(resource.path("type").asText())) {
                    throw new IllegalArgumentException("it is a delivery receipt, not an inbound message:"
                            + " read it with FlowrouteWebhooks.deliveryReceipt");
                }
                JsonNode attributes = JsonApi.attributes(resource);
                return readInbound(JsonApi.id(resource), attributes, media(resource, attributes, root), receivedAt);
            }
            if (root.has(FROM) || root.has(TO)) {
                return readInbound(Json.requiredText(root, "id"), root, List.of(), receivedAt);
            }
            throw neitherShape("{\"to\",\"from\",\"body\",\"id\"}");
        });
    }

    /**
     * A delivery receipt as Flowroute posts it: JSON:API
     * ({@code {"data":{"type":"delivery_receipt","id",...,"attributes":{"status",...}}}}) or flat
     * ({@code {"status","status_code",...,"id"}}).
     *
     * @param receivedAt the time to use when the body carries none
     * @throws IllegalArgumentException when the body is empty, over {@link #MAX_WEBHOOK_BYTES},
     *     not JSON, or of neither shape; the message never holds the body
     */
    public static DeliveryReceipt deliveryReceipt(byte[] body, Instant receivedAt) {
        JsonNode root = webhookObject(body, "a delivery receipt");
        return asBadInput("the webhook body is not a delivery receipt", () -> {
            if (root.has("data")) {
                JsonNode resource = webhookResource(root, DELIVERY_RECEIPT);
                JsonNode attributes = JsonApi.attributes(resource);
                if (attributes.has(DIRECTION)) {
                    // A message resource (it has a direction), such as an inbound SMS posted to the wrong handler.
                    throw new IllegalArgumentException("it is a message (it has a direction), not a delivery receipt:"
                            + " read an inbound one with FlowrouteWebhooks.inboundMessage");
                }
                if (!attributes.has(STATUS)) {
                    throw new IllegalArgumentException("data.attributes.status is missing");
                }
                return readReceipt(attributes, Json.optionalText(resource, "id"), Optional.of(receivedAt));
            }
            if (root.has(STATUS)) {
                return readReceipt(root, Json.optionalText(root, "id"), Optional.of(receivedAt));
            }
            throw neitherShape("{\"status\",\"status_code\",\"status_code_description\",\"timestamp\",\"id\"}");
        });
    }

    // ---- server: requests -------------------------------------------------------------------

    /**
     * The message of a {@code POST /v2.1/messages} body, checked as the SDK checks it.
     *
     * @throws IllegalArgumentException naming the field when the body is not a valid message
     */
    public static OutboundMessage decodeSend(byte[] requestBody) {
        JsonNode root = requestObject(requestBody);
        return asBadInput("the request body is not a message", () -> {
            JsonNode data = root.path("data");
            Validation.require(data.isObject(), "data", data.getNodeType().toString(),
                    "must be a message resource {\"type\":\"message\",\"attributes\":{...}}");
            String type = data.path("type").asText(MESSAGE);
            Validation.require(MESSAGE.equals(type), "data.type", type, "must be \"message\"");
            JsonNode attributes = JsonApi.attributes(data);
            PhoneNumber from = PhoneNumbers.parse(FROM, Json.requiredText(attributes, FROM));
            PhoneNumber to = PhoneNumbers.parse(TO, Json.requiredText(attributes, TO));
            String body = Json.optionalText(attributes, BODY).orElse(null);
            List<URI> media = uris(attributes.path(MEDIA_URLS), MEDIA_URLS);
            boolean mms = JsonApi.bool(attributes, IS_MMS).orElse(!media.isEmpty());
            OutboundMessage message;
            if (mms) {
                message = OutboundMessage.mms(from, to, body == null ? "" : body, media);
            } else {
                Validation.require(media.isEmpty(), MEDIA_URLS, media, "media need \"is_mms\": true");
                message = OutboundMessage.sms(from, to, body);
            }
            Optional<String> callback = Json.optionalText(attributes, DLR_CALLBACK);
            return callback.isPresent() ? message.withDeliveryCallback(uri(callback.get(), DLR_CALLBACK)) : message;
        });
    }

    /**
     * The callback URL of a {@code PUT /v2.1/messages/{type}_callback} body.
     *
     * @throws IllegalArgumentException naming {@code callback_url} when it is missing or not an http(s) URL
     */
    public static URI decodeCallback(byte[] body) {
        JsonNode root = requestObject(body);
        return asBadInput("the request body is not a callback", () -> {
            JsonNode holder = root.has(CALLBACK_URL) ? root : root.path("data").path("attributes");
            Optional<String> url = holder.isObject() ? Json.optionalText(holder, CALLBACK_URL) : Optional.empty();
            Validation.require(url.isPresent(), CALLBACK_URL, null, "is required: {\"callback_url\":\"https://...\"}");
            return UrlChecks.callback(CALLBACK_URL, uri(url.get(), CALLBACK_URL));
        });
    }

    /**
     * The period of a {@code GET /v2.1/messages} query: {@code start_date} (required) and
     * {@code end_date}, each a date (midnight UTC) or an ISO-8601 date-time; paging is not read.
     *
     * @param parameter the request's value of a query parameter, by name
     * @throws IllegalArgumentException naming the parameter when one is missing or not a date
     */
    public static MessageQuery decodeListFilters(Function<String, Optional<String>> parameter) {
        String start = parameter.apply(START_DATE).orElseThrow(
                () -> Validation.invalid(START_DATE, null, "is required: a date such as 2017-12-01 or a date-time in UTC"));
        MessageQuery.Builder query = MessageQuery.builder();
        query.start(queryTime(START_DATE, start));
        parameter.apply(END_DATE).ifPresent(end -> query.end(queryTime(END_DATE, end)));
        return query.build();
    }

    // ---- server: answers and webhooks -----------------------------------------------------

    /** The 202 answer to a send: {@code {"data":{"type":"message","id":id,"links":{"self":selfLink}}}}. */
    public static byte[] sentAnswer(String id, String selfLink) {
        ObjectNode document = Json.object();
        ObjectNode data = document.putObject("data");
        data.put("type", MESSAGE);
        data.put("id", id);
        data.putObject("links").put("self", selfLink);
        return Json.bytes(document);
    }

    /** The answer to {@code GET /v2.1/messages/{id}}. */
    public static byte[] recordDocument(MessageRecord record, String selfLink) {
        ObjectNode document = Json.object();
        ArrayNode included = Json.array();
        ObjectNode resource = writeRecord(document.putObject("data"), record, included);
        resource.putObject("links").put("self", selfLink);
        if (!included.isEmpty()) {
            document.set("included", included);
        }
        return Json.bytes(document);
    }

    /** A page of {@code GET /v2.1/messages}; {@code links.next} only when {@code nextLink} is present. */
    public static byte[] recordsDocument(List<MessageRecord> records, Optional<String> nextLink, String selfLink) {
        ObjectNode document = Json.object();
        ArrayNode data = document.putArray("data");
        ArrayNode included = Json.array();
        for (MessageRecord record : records) {
            writeRecord(data.addObject(), record, included);
        }
        if (!included.isEmpty()) {
            document.set("included", included);
        }
        ObjectNode links = document.putObject("links");
        links.put("self", selfLink);
        nextLink.ifPresent(next -> links.put("next", next));
        return Json.bytes(document);
    }

    /** What Flowroute posts to an SMS or MMS callback for {@code message}, in the JSON:API shape. */
    public static byte[] inboundWebhook(InboundMessage message) {
        ObjectNode document = Json.object();
        ObjectNode data = document.putObject("data");
        data.put("type", MESSAGE);
        data.put("id", message.id());
        ObjectNode attributes = data.putObject("attributes");
        attributes.put(BODY, message.body());
        attributes.put(DIRECTION, MessageDirection.INBOUND.value());
        attributes.put(FROM, message.from().toString());
        attributes.put(TO, message.to().toString());
        attributes.put(IS_MMS, message.isMms());
        attributes.put(TIMESTAMP, message.timestamp().toString());
        attributes.putArray(DELIVERY_RECEIPTS);
        ArrayNode included = Json.array();
        writeMedia(data, message.id(), message.mediaUrls(), included);
        if (!included.isEmpty()) {
            document.set("included", included);
        }
        return Json.bytes(document);
    }

    /** What Flowroute posts to a DLR callback for {@code receipt} of message {@code messageId}. */
    public static byte[] receiptWebhook(String messageId, DeliveryReceipt receipt) {
        ObjectNode document = Json.object();
        ObjectNode data = document.putObject("data");
        data.put("type", DELIVERY_RECEIPT);
        data.put("id", messageId);
        ObjectNode attributes = data.putObject("attributes");
        attributes.put(STATUS, receipt.status().value());
        // Flowroute documents the webhook's status_code as a string (the MDR's is a number).
        if (receipt.statusCode().isPresent()) {
            attributes.put(STATUS_CODE, receipt.statusCode().get().toString());
        } else {
            attributes.putNull(STATUS_CODE);
        }
        attributes.put(STATUS_CODE_DESCRIPTION, receipt.statusCodeDescription());
        attributes.put(TIMESTAMP, receipt.timestamp().toString());
        receipt.level().ifPresent(level -> attributes.put(LEVEL, level));
        return Json.bytes(document);
    }

    // ---- reading ----------------------------------------------------------------------------

    private static MessageRecord readRecord(JsonNode resource, JsonNode document) {
        JsonNode attributes = JsonApi.attributes(resource);
        List<DeliveryReceipt> receipts = new ArrayList<>();
        JsonNode list = attributes.path(DELIVERY_RECEIPTS);
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw Json.malformed("\"" + DELIVERY_RECEIPTS + "\" is " + list.getNodeType() + ", expected an array");
            }
            for (JsonNode receipt : list) {
                if (!receipt.isObject()) {
                    throw Json.malformed("an element of \"" + DELIVERY_RECEIPTS + "\" is " + receipt.getNodeType() + ", expected an object");
                }
                receipts.add(readReceipt(receipt, Optional.empty(), Optional.empty()));
            }
        }
        List<URI> media = media(resource, attributes, document);
        return MessageRecord.builder()
                .id(JsonApi.id(resource))
                .from(PhoneNumbers.parse(FROM, Json.requiredText(attributes, FROM)))
                .to(PhoneNumbers.parse(TO, Json.requiredText(attributes, TO)))
                .body(Json.optionalText(attributes, BODY).orElse(""))
                .direction(MessageDirection.of(Json.requiredText(attributes, DIRECTION)))
                .status(MessageStatus.of(Json.optionalText(attributes, STATUS).orElse("")))
                .mediaUrls(media)
                .mms(JsonApi.bool(attributes, IS_MMS).orElse(!media.isEmpty()))
                .timestamp(instant(TIMESTAMP, Json.requiredText(attributes, TIMESTAMP)))
                .amount(amount(attributes))
                .deliveryReceipts(receipts)
                .messageType(Json.optionalText(attributes, MESSAGE_TYPE).filter(type -> !type.isEmpty()))
                .build();
    }

    private static InboundMessage readInbound(String id, JsonNode attributes, List<URI> media, Instant receivedAt) {
        return InboundMessage.builder()
                .id(id)
                .from(PhoneNumbers.parse(FROM, Json.requiredText(attributes, FROM)))
                .to(PhoneNumbers.parse(TO, Json.requiredText(attributes, TO)))
                .body(Json.optionalText(attributes, BODY).orElse(""))
                .mediaUrls(media)
                .mms(JsonApi.bool(attributes, IS_MMS).orElse(!media.isEmpty()))
                .timestamp(Json.optionalText(attributes, TIMESTAMP).map(text -> instant(TIMESTAMP, text)).orElse(receivedAt))
                .build();
    }

    /** A receipt from its fields; without a {@code timestamp}, {@code fallback} when given, else malformed. */
    private static DeliveryReceipt readReceipt(JsonNode node, Optional<String> id, Optional<Instant> fallback) {
        Optional<String> time = Json.optionalText(node, TIMESTAMP);
        Instant timestamp = time.isPresent() ? instant(TIMESTAMP, time.get())
                : fallback.orElseThrow(() -> Json.malformed("a delivery receipt's \"" + TIMESTAMP + "\" is missing"));
        return DeliveryReceipt.builder()
                .status(MessageStatus.of(Json.optionalText(node, STATUS).orElse("")))
                .statusCode(integer(node, STATUS_CODE))
                .statusCodeDescription(Json.optionalText(node, STATUS_CODE_DESCRIPTION).orElse(""))
                .timestamp(timestamp)
                .level(integer(node, LEVEL))
                .id(id.filter(text -> !text.isBlank()))
                .build();
    }

    /**
     * The media URLs of a message: the {@code included} media that {@code relationships.media}
     * names (in its order), else every {@code included} media, else a {@code media_urls} attribute.
     */
    private static List<URI> media(JsonNode resource, JsonNode attributes, JsonNode document) {
        JsonNode listed = attributes.path(MEDIA_URLS);
        if (!listed.isMissingNode() && !listed.isNull()) {
            return uris(listed, MEDIA_URLS);
        }
        List<JsonNode> included = new ArrayList<>();
        for (JsonNode item : document.path("included")) {
            if (MEDIA.equals(item.path("type").asText())) {
                included.add(item);
            }
        }
        if (included.isEmpty()) {
            return List.of();
        }
        List<JsonNode> chosen = new ArrayList<>();
        for (JsonNode reference : resource.path("relationships").path(MEDIA).path("data")) {
            String id = reference.path("id").asText();
            included.stream().filter(item -> id.equals(item.path("id").asText())).findFirst().ifPresent(chosen::add);
        }
        // In a list, included holds the media of every record: without matching ids, use them
        // all only for a lone resource (a webhook, one record), where they can only be its own.
        if (chosen.isEmpty() && !document.path("data").isArray()) {
            chosen = included;
        }
        List<URI> urls = new ArrayList<>(chosen.size());
        for (JsonNode item : chosen) {
            urls.add(uri(Json.requiredText(JsonApi.attributes(item), URL), "included media url"));
        }
        return urls;
    }

    private static List<URI> uris(JsonNode array, String field) {
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw Validation.invalid(field, array.getNodeType().toString(), "must be an array of URL strings");
        }
        List<URI> urls = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String name = field + "[" + i + "]";
            Validation.require(item.isTextual(), name, item.getNodeType().toString(), "must be a URL string");
            urls.add(uri(item.asText(), name));
        }
        return urls;
    }

    private static URI uri(String text, String field) {
        try {
            return new URI(text.trim());
        } catch (URISyntaxException e) {
            throw Validation.invalid(field, text, "must be a URL (" + e.getReason() + ")");
        }
    }

    /** Dollars from {@code amount_nanodollars}, else from {@code amount_display} ({@code "$0.0040"}), else zero. */
    private static BigDecimal amount(JsonNode attributes) {
        Optional<BigDecimal> nanos = JsonApi.decimal(attributes, AMOUNT_NANODOLLARS);
        if (nanos.isPresent()) {
            return plain(nanos.get().divide(NANOS_PER_DOLLAR));
        }
        Optional<String> display = Json.optionalText(attributes, AMOUNT_DISPLAY);
        if (display.isPresent() && !display.get().isBlank()) {
            try {
                return new BigDecimal(display.get().trim().replace("$", ""));
            } catch (NumberFormatException e) {
                throw Json.malformed("\"" + AMOUNT_DISPLAY + "\" is not an amount: " + display.get());
            }
        }
        return BigDecimal.ZERO;
    }

    /** {@code value} without trailing zeros, but never in exponent form (10, not 1E+1). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** An optional integer: a JSON integer or an integer string; null, blank or anything else is empty. */
    private static Optional<Integer> integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return Optional.of(value.intValue());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(Integer.valueOf(value.asText().trim()));
            } catch (NumberFormatException notAnInteger) {
                return Optional.empty();
            }
        }
        // Codes are informative: an odd one (a float, an object) must not make a receipt unreadable.
        return Optional.empty();
    }

    /** A timestamp as Flowroute writes them ({@code 2017-12-22T01:52:39.39Z}), or any ISO-8601 date-time; no zone is UTC. */
    static Instant instant(String field, String text) {
        String value = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                throw Validation.invalid(field, text, TIME_RULE);
            }
        }
    }

    private static Instant queryTime(String field, String text) {
        String value = text.trim();
        if (value.length() == 10) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw Validation.invalid(field, text, "must be a date such as 2017-12-01 or an ISO-8601 date-time in UTC");
            }
        }
        return instant(field, value);
    }

    // ---- writing ----------------------------------------------------------------------------

    private static ObjectNode writeRecord(ObjectNode resource, MessageRecord record, ArrayNode included) {
        resource.put("type", MESSAGE);
        resource.put("id", record.id());
        ObjectNode attributes = resource.putObject("attributes");
        attributes.put(BODY, record.body());
        attributes.put(STATUS, record.status().value());
        attributes.put(DIRECTION, record.direction().value());
        BigDecimal nanos = plain(record.amount().multiply(NANOS_PER_DOLLAR));
        if (nanos.scale() == 0) {
            attributes.put(AMOUNT_NANODOLLARS, nanos.toBigIntegerExact());
        } else {
            attributes.put(AMOUNT_NANODOLLARS, nanos);
        }
        attributes.put(AMOUNT_DISPLAY, "$" + record.amount().setScale(4, RoundingMode.HALF_UP).toPlainString());
        attributes.put(TO, record.to().toString());
        attributes.put(FROM, record.from().toString());
        attributes.put(TIMESTAMP, record.timestamp().toString());
        ArrayNode receipts = attributes.putArray(DELIVERY_RECEIPTS);
        for (DeliveryReceipt receipt : record.deliveryReceipts()) {
            ObjectNode item = receipts.addObject();
            item.put(STATUS, receipt.status().value());
            if (receipt.statusCode().isPresent()) {
                item.put(STATUS_CODE, receipt.statusCode().get());
            } else {
                item.putNull(STATUS_CODE);
            }
            item.put(STATUS_CODE_DESCRIPTION, receipt.statusCodeDescription());
            item.put(TIMESTAMP, receipt.timestamp().toString());
            receipt.level().ifPresent(level -> item.put(LEVEL, level));
        }
        attributes.put(IS_MMS, record.isMms());
        record.messageType().ifPresent(type -> attributes.put(MESSAGE_TYPE, type));
        writeMedia(resource, record.id(), record.mediaUrls(), included);
        return resource;
    }

    /** {@code relationships.media} of {@code resource} and one {@code included} media per URL, ids {@code <messageId>-<n>}. */
    private static void writeMedia(ObjectNode resource, String messageId, List<URI> urls, ArrayNode included) {
        if (urls.isEmpty()) {
            return;
        }
        ArrayNode references = resource.putObject("relationships").putObject(MEDIA).putArray("data");
        for (int i = 0; i < urls.size(); i++) {
            String id = messageId + "-" + (i + 1);
            references.addObject().put("type", MEDIA).put("id", id);
            ObjectNode item = included.addObject();
            item.put("type", MEDIA);
            item.put("id", id);
            item.putObject("attributes").put(URL, urls.get(i).toString());
        }
    }

    // ---- bad input --------------------------------------------------------------------------

    /** The JSON object of a webhook body, or an {@link IllegalArgumentException} saying why there is none. */
    private static JsonNode webhookObject(byte[] body, String what) {
        String problem = "the webhook body is not " + what + ": ";
        if (body == null) {
            throw new IllegalArgumentException(problem + "it is null");
        }
        if (body.length > MAX_WEBHOOK_BYTES) {
            throw new IllegalArgumentException(problem + "it has " + body.length + " bytes, over the limit of "
                    + MAX_WEBHOOK_BYTES + " (1 MiB); Flowroute's webhooks are a few KB");
        }
        return jsonObject(body, problem);
    }

    private static JsonNode requestObject(byte[] body) {
        if (body == null) {
            throw new IllegalArgumentException("the request body is required: a JSON object");
        }
        return jsonObject(body, "the request body is not valid: ");
    }

    private static JsonNode jsonObject(byte[] body, String problem) {
        int first = firstNonSpace(body);
        if (first < 0) {
            throw new IllegalArgumentException(problem + "it is empty, expected a JSON object");
        }
        Optional<JsonNode> json = Json.lenient(body);
        if (json.isEmpty()) {
            throw new IllegalArgumentException(problem + "it is not JSON"
                    + (body[first] == '<' ? " (it starts with '<': an HTML or XML page?)" : ""));
        }
        JsonNode root = json.get();
        if (!root.isObject()) {
            throw new IllegalArgumentException(problem + "it is " + article(root.getNodeType()) + ", expected a JSON object");
        }
        return root;
    }

    private static String article(JsonNodeType type) {
        return switch (type) {
            case ARRAY -> "a JSON array";
            case STRING -> "a JSON string";
            case NUMBER -> "a JSON number";
            case BOOLEAN -> "a JSON boolean";
            case NULL -> "JSON null";
            default -> "JSON " + type;
        };
    }

    private static int firstNonSpace(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return i;
            }
        }
        return -1;
    }

    /** {@code data} of a webhook: one object whose {@code type}, when given, is a message or a delivery receipt. */
    private static JsonNode webhookResource(JsonNode root, String expected) {
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new IllegalArgumentException("\"data\" is " + data.getNodeType() + ", expected one resource object");
        }
        String type = data.path("type").asText(expected);
        if (!type.equals(MESSAGE) && !type.equals(DELIVERY_RECEIPT)) {
            throw new IllegalArgumentException("data.type is " + type + ", expected " + expected);
        }
        return data;
    }

    private static IllegalArgumentException neitherShape(String flat) {
        return new IllegalArgumentException("it is neither the JSON:API shape"
                + " {\"data\":{\"type\",\"id\",\"attributes\":{...}}} nor the flat shape " + flat);
    }

    /**
     * Runs a read where a bad shape is bad input: the {@link FlowrouteTransportException}s of
     * {@link Json} and {@link JsonApi}, and the refusals of the models, become one
     * {@link IllegalArgumentException} that starts with {@code problem} and says what was wrong.
     */
    private static <T> T asBadInput(String problem, Supplier<T> read) {
        try {
            return read.get();
        } catch (FlowrouteTransportException e) {
            String detail = e.getMessage().startsWith(RESPONSE_PREFIX) ? e.getMessage().substring(RESPONSE_PREFIX.length()) : e.getMessage();
            throw new IllegalArgumentException(problem + ": " + detail, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(problem + ": " + e.getMessage(), e);
        }
    }
}
