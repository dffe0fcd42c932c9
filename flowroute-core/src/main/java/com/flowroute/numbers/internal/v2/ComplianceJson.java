package com.flowroute.numbers.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flowroute.numbers.CnamQuery;
import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.E911Address;
import com.flowroute.numbers.E911Query;
import com.flowroute.numbers.E911Record;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.CnamValues;
import com.flowroute.numbers.internal.E911AddressRules;
import com.flowroute.numbers.internal.Json;
import com.flowroute.numbers.internal.PhoneNumbers;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The v2 wire of E911 addresses ({@code /v2/e911s}) and CNAM records ({@code /v2/cnams}) in both
 * directions: request bodies, filters and response documents for the client, request decoding and
 * response documents for the sandbox. The one place that knows their JSON field names.
 *
 * <p>Client-side decoding tolerates Flowroute's drift: ids as strings or JSON numbers, unknown
 * fields and resources of other types ignored, {@code country} {@code USA}, zip codes sent as
 * JSON numbers, CNAM times as {@code 2018-06-01 00:09:52.513092+00:00} or ISO 8601, empty strings
 * for absent values. A response it cannot read is a
 * {@link com.flowroute.numbers.FlowrouteTransportException}; a request body the sandbox cannot
 * accept is an {@link IllegalArgumentException} naming the wire field.
 * Not part of the SDK's contract.
 */
public final class ComplianceJson {
    private static final String E911 = "e911";
    private static final String CNAM = "cnam";
    private static final String NUMBER = "number";

    private static final String LABEL = "label";
    private static final String FIRST_NAME = "first_name";
    private static final String LAST_NAME = "last_name";
    private static final String STREET_NUMBER = "street_number";
    private static final String STREET_NAME = "street_name";
    private static final String ADDRESS_TYPE = "address_type";
    private static final String ADDRESS_TYPE_NUMBER = "address_type_number";
    private static final String CITY = "city";
    private static final String STATE = "state";
    private static final String COUNTRY = "country";
    private static final String ZIP = "zip";

    private static final String VALUE = "value";
    private static final String IS_APPROVED = "is_approved";
    private static final String CREATION_DATETIME = "creation_datetime";
    private static final String APPROVAL_DATETIME = "approval_datetime";
    private static final String REJECTION_REASON = "rejection_reason";
    private static final String ALIAS = "alias";

    private static final String E911_SHAPE = "{\"data\":{\"type\":\"e911\",\"attributes\":{\"label\",\"first_name\","
            + "\"last_name\",\"street_number\",\"street_name\",\"city\",\"state\",\"country\",\"zip\"}}}";
    private static final String CNAM_SHAPE = "{\"value\":\"Bob Law\"}";

    /** Flowroute's own format, as in {@code 2018-06-01 00:09:52.513092+00:00}; always UTC. */
    private static final DateTimeFormatter WRITTEN_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Flowroute's format and ISO 8601: {@code T} or a space, any fraction, an offset or none (UTC). */
    private static final DateTimeFormatter READ_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private ComplianceJson() {}

    // ---- client: E911 -------------------------------------------------------------------------

    /** The body of {@code POST /v2/e911s}, {@code POST /v2/e911s/validate} and {@code PATCH /v2/e911s/{id}}. */
    public static byte[] e911Body(E911Address address) {
        ObjectNode document = Json.object();
        writeAddress(JsonApi.newResource(document, E911), address);
        return Json.bytes(document);
    }

    /** The record of {@code GET /v2/e911s/{id}}, or of a create or update response. */
    public static E911Record e911Record(byte[] body) {
        return e911(JsonApi.resource(JsonApi.document(body)));
    }

    /** A page of {@code GET /v2/e911s}. */
    public static Page<E911Record> e911Records(byte[] body) {
        return page(body, E911, ComplianceJson::e911);
    }

    /**
     * A page of {@code GET /v2/e911s/{id}/relationships/numbers}: each number from its
     * {@code attributes.value} (documented responses carry a relationship id as {@code id}),
     * from {@code id} when the value is absent.
     */
    public static Page<PhoneNumber> e911Numbers(byte[] body) {
        return page(body, NUMBER, ComplianceJson::number);
    }

    /** The filters of {@code GET /v2/e911s}, without paging. */
    public static List<Map.Entry<String, String>> e911Filters(E911Query query) {
        return query.state().map(state -> List.of(Map.entry(STATE, state))).orElse(List.of());
    }

    // ---- client: CNAM -------------------------------------------------------------------------

    /**
     * The body of {@code POST /v2/cnams}: the unwrapped {@code {"value":"Bob Law"}}.
     *
     * @throws IllegalArgumentException when {@code value} breaks Flowroute's CNAM rules
     */
    public static byte[] cnamBody(String value) {
        CnamValues.check(value);
        ObjectNode body = Json.object();
        body.put(VALUE, value);
        return Json.bytes(body);
    }

    /** The record of {@code GET /v2/cnams/{id}} or of a create response. */
    public static CnamRecord cnamRecord(byte[] body) {
        return cnam(JsonApi.resource(JsonApi.document(body)));
    }

    /** A page of {@code GET /v2/cnams}. */
    public static Page<CnamRecord> cnamRecords(byte[] body) {
        return page(body, CNAM, ComplianceJson::cnam);
    }

    /** The filters of {@code GET /v2/cnams}, without paging. */
    public static List<Map.Entry<String, String>> cnamFilters(CnamQuery query) {
        List<Map.Entry<String, String>> filters = new ArrayList<>(2);
        query.approved().ifPresent(approved -> filters.add(Map.entry(IS_APPROVED, Boolean.toString(approved))));
        query.value().ifPresent(value -> filters.add(Map.entry(VALUE, value)));
        return List.copyOf(filters);
    }

    // ---- server: E911 -------------------------------------------------------------------------

    /**
     * The address of a {@code POST /v2/e911s}, {@code POST /v2/e911s/validate} or
     * {@code PATCH /v2/e911s/{id}} body.
     *
     * @throws IllegalArgumentException naming the wire field that is missing or invalid
     */
    public static E911Address decodeE911(byte[] requestBody) {
        JsonNode root = requestObject(requestBody, E911_SHAPE);
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new IllegalArgumentException("data is " + describe(data) + ": the body must be " + E911_SHAPE);
        }
        JsonNode type = data.path("type");
        Validation.require(type.isTextual() && type.asText().equals(E911), "data.type",
                type.isValueNode() ? type.asText() : null, "must be \"e911\"");
        JsonNode attributes = data.path("attributes");
        if (!attributes.isObject()) {
            throw new IllegalArgumentException("data.attributes is " + describe(attributes)
                    + ": the body must be " + E911_SHAPE);
        }
        return address(attributes);
    }

    /** The document of one record: {@code GET /v2/e911s/{id}}, create (201) and update (200). */
    public static byte[] e911Document(E911Record record, String selfLink) {
        ObjectNode document = Json.object();
        document.set("data", e911Resource(record, selfLink));
        return Json.bytes(document);
    }

    /** A page of {@code GET /v2/e911s}; each record links to {@code selfLink}'s path plus {@code /id}. */
    public static byte[] e911sDocument(List<E911Record> records, Optional<String> next, String selfLink) {
        ObjectNode document = Json.object();
        ArrayNode data = document.putArray("data");
        String base = withoutQuery(selfLink);
        records.forEach(record -> data.add(e911Resource(record, base + "/" + record.id())));
        links(document, selfLink, next);
        return Json.bytes(document);
    }

    /** A page of {@code GET /v2/e911s/{id}/relationships/numbers}. */
    public static byte[] numbersDocument(List<PhoneNumber> numbers, Optional<String> next, String selfLink) {
        ObjectNode document = Json.object();
        ArrayNode data = document.putArray("data");
        for (PhoneNumber number : numbers) {
            ObjectNode resource = data.addObject();
            resource.put("type", NUMBER);
            resource.put("id", number.toString());
            ObjectNode attributes = resource.putObject("attributes");
            attributes.putNull(ALIAS);
            attributes.put(VALUE, number.toString());
        }
        links(document, selfLink, next);
        return Json.bytes(document);
    }

    // ---- server: CNAM -------------------------------------------------------------------------

    /**
     * The value of a {@code POST /v2/cnams} body, the documented {@code {"value":"Bob Law"}} or
     * the JSON:API {@code {"data":{"type":"cnam","attributes":{"value":...}}}} some libraries send.
     *
     * @throws IllegalArgumentException when the value is missing or breaks Flowroute's CNAM rules
     */
    public static String decodeCnam(byte[] requestBody) {
        JsonNode root = requestObject(requestBody, CNAM_SHAPE);
        JsonNode value = root.has(VALUE) ? root.path(VALUE) : root.path("data").path("attributes").path(VALUE);
        if (value.isMissingNode() || value.isNull()) {
            throw Validation.invalid(VALUE, null, "is required: the body must be " + CNAM_SHAPE);
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(VALUE + " is " + describe(value) + ": it must be a string such as \"Bob Law\"");
        }
        CnamValues.check(value.asText());
        return value.asText();
    }

    /** The document of one record: {@code GET /v2/cnams/{id}} and create (201). */
    public static byte[] cnamDocument(CnamRecord record, String selfLink) {
        ObjectNode document = Json.object();
        document.set("data", cnamResource(record, selfLink));
        return Json.bytes(document);
    }

    /** A page of {@code GET /v2/cnams}; each record links to {@code selfLink}'s path plus {@code /id}. */
    public static byte[] cnamsDocument(List<CnamRecord> records, Optional<String> next, String selfLink) {
        ObjectNode document = Json.object();
        ArrayNode data = document.putArray("data");
        String base = withoutQuery(selfLink);
        records.forEach(record -> data.add(cnamResource(record, base + "/" + record.id())));
        links(document, selfLink, next);
        return Json.bytes(document);
    }

    // ---- reading ------------------------------------------------------------------------------

    private static <T> Page<T> page(byte[] body, String type, Function<JsonNode, T> item) {
        JsonNode document = JsonApi.document(body);
        List<T> items = new ArrayList<>();
        for (JsonNode resource : JsonApi.resources(document)) {
            JsonNode resourceType = resource.path("type");
            // Resources of other types are ignored; one without a type is taken to be of this listing's type.
            if (!resourceType.isTextual() || resourceType.asText().equals(type)) {
                items.add(item.apply(resource));
            }
        }
        return Page.of(items, JsonApi.next(document), link(document, "prev"));
    }

    private static E911Record e911(JsonNode resource) {
        String id = JsonApi.id(resource);
        JsonNode attributes = JsonApi.attributes(resource);
        return Json.build(() -> E911Record.of(id, address(attributes)));
    }

    private static PhoneNumber number(JsonNode resource) {
        Optional<String> value = Json.optionalText(JsonApi.attributes(resource), VALUE).filter(v -> !v.isBlank());
        String text = value.isPresent() ? value.get() : JsonApi.id(resource);
        return Json.build(() -> PhoneNumbers.parse(VALUE, text));
    }

    private static CnamRecord cnam(JsonNode resource) {
        String id = JsonApi.id(resource);
        JsonNode attributes = JsonApi.attributes(resource);
        String value = Json.requiredText(attributes, VALUE);
        // Every documented record says is_approved; a record that does not is not known to be approved.
        boolean approved = JsonApi.bool(attributes, IS_APPROVED).orElse(false);
        Optional<Instant> created = time(attributes, CREATION_DATETIME);
        Optional<Instant> approvedAt = time(attributes, APPROVAL_DATETIME);
        Optional<String> reason = Json.optionalText(attributes, REJECTION_REASON).filter(r -> !r.isBlank());
        return Json.build(() -> CnamRecord.builder()
                .id(id)
                .value(value)
                .approved(approved)
                .creationTime(created)
                .approvalTime(approvedAt)
                .rejectionReason(reason)
                .build());
    }

    /**
     * An address from wire attributes, checked with the wire names first so that a failure names
     * {@code first_name} rather than {@code firstName}; {@link IllegalArgumentException} on failure
     * (the client turns it into a transport error through {@link Json#build}).
     */
    private static E911Address address(JsonNode attributes) {
        String label = text(attributes, LABEL);
        String firstName = text(attributes, FIRST_NAME);
        String lastName = text(attributes, LAST_NAME);
        String streetNumber = text(attributes, STREET_NUMBER);
        String streetName = text(attributes, STREET_NAME);
        Optional<String> type = Optional.ofNullable(text(attributes, ADDRESS_TYPE)).filter(t -> !t.isBlank());
        Optional<String> typeNumber = Optional.ofNullable(text(attributes, ADDRESS_TYPE_NUMBER)).filter(n -> !n.isBlank());
        String city = text(attributes, CITY);
        String state = text(attributes, STATE);
        String country = text(attributes, COUNTRY);
        String zip = zip(attributes);

        Validation.text(label, LABEL);
        Validation.text(firstName, FIRST_NAME);
        Validation.text(lastName, LAST_NAME);
        Validation.text(streetNumber, STREET_NUMBER);
        Validation.text(streetName, STREET_NAME);
        E911AddressRules.addressType(type, typeNumber, ADDRESS_TYPE, ADDRESS_TYPE_NUMBER);
        Validation.text(city, CITY);
        E911AddressRules.state(state, STATE);
        E911AddressRules.postalCode(zip, E911AddressRules.country(country, COUNTRY), ZIP);
        return E911Address.builder()
                .label(label)
                .firstName(firstName)
                .lastName(lastName)
                .streetNumber(streetNumber)
                .streetName(streetName)
                .addressType(type)
                .addressTypeNumber(typeNumber)
                .city(city)
                .state(state)
                .country(country)
                .zip(zip)
                .build();
    }

    /** A string attribute, or a number read as its text (the reference calls street numbers and zips integers); null when absent. */
    private static String text(JsonNode attributes, String field) {
        JsonNode value = attributes.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isNumber()) {
            return value.asText();
        }
        throw new IllegalArgumentException(field + " is " + describe(value) + ": it must be a string");
    }

    /** The zip, with the leading zeros a zip sent as a JSON number (02134 as 2134) lost. */
    private static String zip(JsonNode attributes) {
        JsonNode zip = attributes.path(ZIP);
        if (zip.isIntegralNumber() && zip.canConvertToLong() && zip.longValue() >= 0 && zip.asText().length() < 5) {
            return "0".repeat(5 - zip.asText().length()) + zip.asText();
        }
        return text(attributes, ZIP);
    }

    private static Optional<Instant> time(JsonNode attributes, String field) {
        Optional<String> text = Json.optionalText(attributes, field).map(String::trim).filter(t -> !t.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            TemporalAccessor parsed = READ_TIME.parseBest(text.get(), OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw Json.malformed("\"" + field + "\" is not a date-time such as 2018-06-01 00:09:52.513092+00:00: "
                    + text.get());
        }
    }

    private static Optional<String> link(JsonNode document, String name) {
        JsonNode link = document.path("links").path(name);
        return link.isTextual() && !link.asText().isEmpty() ? Optional.of(link.asText()) : Optional.empty();
    }

    private static JsonNode requestObject(byte[] requestBody, String shape) {
        JsonNode root = Json.lenient(requestBody).orElseThrow(() ->
                new IllegalArgumentException("the request body is not JSON: it must be " + shape));
        if (!root.isObject()) {
            throw new IllegalArgumentException("the request body is " + describe(root) + ": it must be " + shape);
        }
        return root;
    }

    private static String describe(JsonNode node) {
        return node.isMissingNode() ? "missing" : "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    // ---- writing ------------------------------------------------------------------------------

    private static void writeAddress(ObjectNode attributes, E911Address address) {
        attributes.put(LABEL, address.label());
        attributes.put(FIRST_NAME, address.firstName());
        attributes.put(LAST_NAME, address.lastName());
        attributes.put(STREET_NUMBER, address.streetNumber());
        attributes.put(STREET_NAME, address.streetName());
        address.addressType().ifPresent(type -> attributes.put(ADDRESS_TYPE, type));
        address.addressTypeNumber().ifPresent(number -> attributes.put(ADDRESS_TYPE_NUMBER, number));
        attributes.put(CITY, address.city());
        attributes.put(STATE, address.state());
        attributes.put(COUNTRY, address.country());
        attributes.put(ZIP, address.zip());
    }

    private static ObjectNode e911Resource(E911Record record, String selfLink) {
        ObjectNode resource = Json.object();
        resource.put("type", E911);
        resource.put("id", record.id());
        writeAddress(resource.putObject("attributes"), record.address());
        resource.putObject("links").put("self", selfLink);
        return resource;
    }

    private static ObjectNode cnamResource(CnamRecord record, String selfLink) {
        ObjectNode resource = Json.object();
        resource.put("type", CNAM);
        resource.put("id", record.id());
        ObjectNode attributes = resource.putObject("attributes");
        // Flowroute writes every attribute, null when unset, in its own time format.
        attributes.put(APPROVAL_DATETIME, record.approvalTime().map(WRITTEN_TIME::format).orElse(null));
        attributes.put(CREATION_DATETIME, record.creationTime().map(WRITTEN_TIME::format).orElse(null));
        attributes.put(IS_APPROVED, record.approved());
        attributes.put(REJECTION_REASON, record.rejectionReason().orElse(null));
        attributes.put(VALUE, record.value());
        resource.putObject("links").put("self", selfLink);
        return resource;
    }

    private static void links(ObjectNode document, String selfLink, Optional<String> next) {
        ObjectNode links = document.putObject("links");
        links.put("self", selfLink);
        next.ifPresent(link -> links.put("next", link));
    }

    private static String withoutQuery(String link) {
        Objects.requireNonNull(link, "selfLink");
        int query = link.indexOf('?');
        return query < 0 ? link : link.substring(0, query);
    }
}
