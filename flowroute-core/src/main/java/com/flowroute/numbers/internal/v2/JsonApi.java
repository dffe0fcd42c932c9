package com.flowroute.numbers.internal.v2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.internal.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading and writing JSON:API documents as Flowroute serves them, tolerating the documented
 * drift: ids as strings or JSON numbers, unknown fields and types ignored, {@code data} absent
 * on an empty list, {@code links.next} only while more remain. Shared by every v2 codec. The
 * listings of numbers are read in one streaming pass ({@link #readList}) with the same checks.
 * Not part of the SDK's contract.
 */
public final class JsonApi {
    /** The JSON:API media type, sent in {@code Accept} and {@code Content-Type}. */
    public static final String MEDIA_TYPE = "application/vnd.api+json";

    private JsonApi() {}

    /** The top-level object of a response document. */
    public static JsonNode document(byte[] body) {
        return Json.responseObject(body);
    }

    /** The resources of a list document ({@code data: [...]}); empty when {@code data} is absent or null. */
    public static List<JsonNode> resources(JsonNode document) {
        JsonNode data = document.path("data");
        if (data.isMissingNode() || data.isNull()) {
            return List.of();
        }
        if (!data.isArray()) {
            throw Json.malformed("\"data\" is " + data.getNodeType() + ", expected an array of resources");
        }
        List<JsonNode> out = new ArrayList<>(data.size());
        for (JsonNode resource : data) {
            if (!resource.isObject()) {
                throw Json.malformed("an element of \"data\" is " + resource.getNodeType() + ", expected a resource object");
            }
            out.add(resource);
        }
        return out;
    }

    /** The one resource of a single-resource document ({@code data: {...}}). */
    public static JsonNode resource(JsonNode document) {
        JsonNode data = document.path("data");
        if (!data.isObject()) {
            throw Json.malformed("\"data\" is " + data.getNodeType() + ", expected a resource object");
        }
        return data;
    }

    /** A resource's {@code id}, a string or a JSON number. */
    public static String id(JsonNode resource) {
        return Json.requiredText(resource, "id");
    }

    /** A resource's {@code attributes}; an empty object when absent. */
    public static JsonNode attributes(JsonNode resource) {
        JsonNode attributes = resource.path("attributes");
        if (attributes.isMissingNode() || attributes.isNull()) {
            return Json.object();
        }
        if (!attributes.isObject()) {
            throw Json.malformed("\"attributes\" is " + attributes.getNodeType() + ", expected an object");
        }
        return attributes;
    }

    /** The id a to-one relationship points at ({@code relationships.name.data.id}); empty when unset. */
    public static Optional<String> relationshipId(JsonNode resource, String name) {
        JsonNode data = resource.path("relationships").path(name).path("data");
        if (data.isMissingNode() || data.isNull()) {
            return Optional.empty();
        }
        if (data.isValueNode()) {
            // Flowroute's OpenAPI document describes some relationships' data as a bare id string.
            return data.asText().isEmpty() ? Optional.empty() : Optional.of(data.asText());
        }
        if (!data.isObject()) {
            throw Json.malformed("relationships." + name + ".data is " + data.getNodeType() + ", expected an object");
        }
        return Optional.of(id(data));
    }

    /** The resource of {@code type} and {@code id} among a document's {@code included}. */
    public static Optional<JsonNode> included(JsonNode document, String type, String id) {
        for (JsonNode resource : document.path("included")) {
            if (type.equals(resource.path("type").asText()) && id.equals(resource.path("id").asText())) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }

    /** Whether a list document says more remain: a non-empty {@code links.next}. */
    public static boolean hasNext(JsonNode document) {
        JsonNode next = document.path("links").path("next");
        return next.isTextual() && !next.asText().isEmpty();
    }

    /** The {@code links.next} text, when there is one (kept only for {@code Page.nextLink()}). */
    public static Optional<String> next(JsonNode document) {
        return hasNext(document) ? Optional.of(document.path("links").path("next").asText()) : Optional.empty();
    }

    /** An optional decimal attribute, from a JSON number or a numeric string. */
    public static Optional<BigDecimal> decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        try {
            return Optional.of(new BigDecimal(value.asText().trim()));
        } catch (NumberFormatException e) {
            throw Json.malformed("\"" + field + "\" is not a decimal amount: " + value);
        }
    }

    /** An optional boolean attribute: {@code true}/{@code false} or their strings. */
    public static Optional<Boolean> bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        String text = value.asText();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        throw Json.malformed("\"" + field + "\" is not a boolean: " + value);
    }

    // ---- streaming --------------------------------------------------------------------------------

    /**
     * Reads the resources of a list document from a stream, one at a time, as {@link #resources},
     * {@link #id} and {@link #attributes} read them from a tree: the reader sees each attribute,
     * then builds the item. One instance per document.
     *
     * @param <T> the item
     */
    public abstract static class ResourceReader<T> {
        private final Json.Field<String> id = new Json.Field<>();
        private RuntimeException attributesRefused;

        /** Forgets the attributes of the last resource (and of an earlier {@code attributes} of this one). */
        protected abstract void clear();

        /** Reads attribute {@code name}, the parser on its value, consuming the value whole. */
        protected abstract void attribute(String name, JsonParser parser) throws IOException;

        /** The item of the resource just read; refuses it as the tree decoder did. */
        protected abstract T build();

        /** The resource's {@code id}, as {@link JsonApi#id} reads it: a string or a number, required. */
        protected final String id() {
            return id.required("id");
        }

        // The parser on the resource's START_OBJECT; consumes it up to its END_OBJECT.
        final T read(JsonParser parser) throws IOException {
            id.clear();
            attributesRefused = null;
            clear();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("id")) {
                    id.read(parser, text -> Json.text(text, "id"));
                } else if (name.equals("attributes")) {
                    clear();
                    attributesRefused = null;
                    if (value == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String attribute = parser.currentName();
                            parser.nextToken();
                            attribute(attribute, parser);
                        }
                    } else if (value != JsonToken.VALUE_NULL) {
                        parser.skipChildren();
                        attributesRefused = Json.malformed("\"attributes\" is " + Json.nodeType(value) + ", expected an object");
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (attributesRefused != null) {
                throw attributesRefused;
            }
            return build();
        }
    }

    /**
     * A page of a list document, read in one pass with the checks of {@link #document},
     * {@link #resources} and {@link #next} in their order: {@code data} not an array, then an
     * element that is not an object, then the first resource {@code reader} refuses.
     */
    public static <T> Page<T> readList(byte[] body, ResourceReader<T> reader) {
        return Json.readObject(body, parser -> {
            List<T> items = new ArrayList<>();
            RuntimeException dataRefused = null;
            RuntimeException itemRefused = null;
            String next = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("data")) {
                    items = new ArrayList<>();
                    dataRefused = null;
                    itemRefused = null;
                    if (value == JsonToken.START_ARRAY) {
                        JsonStreamContext array = parser.getParsingContext();
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            JsonToken element = parser.currentToken();
                            if (element != JsonToken.START_OBJECT) {
                                parser.skipChildren();
                                if (dataRefused == null) {
                                    dataRefused = Json.malformed("an element of \"data\" is " + Json.nodeType(element)
                                            + ", expected a resource object");
                                }
                            } else if (itemRefused != null || dataRefused != null) {
                                parser.skipChildren();
                            } else {
                                try {
                                    items.add(reader.read(parser));
                                } catch (FlowrouteTransportException | IllegalArgumentException | IllegalStateException
                                        | NullPointerException refused) {
                                    while (parser.getParsingContext() != array && parser.nextToken() != null) {
                                        // on to the end of the refused resource
                                    }
                                    itemRefused = refused;
                                }
                            }
                        }
                    } else if (value != JsonToken.VALUE_NULL) {
                        parser.skipChildren();
                        dataRefused = Json.malformed("\"data\" is " + Json.nodeType(value) + ", expected an array of resources");
                    }
                } else if (name.equals("links")) {
                    next = null;
                    if (value == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String link = parser.currentName();
                            JsonToken linkValue = parser.nextToken();
                            if (link.equals("next")) {
                                next = linkValue == JsonToken.VALUE_STRING && !parser.getText().isEmpty() ? parser.getText() : null;
                            }
                            parser.skipChildren();
                        }
                    } else {
                        parser.skipChildren();
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (dataRefused != null) {
                throw dataRefused;
            }
            if (itemRefused != null) {
                throw itemRefused;
            }
            return Page.of(items, Optional.ofNullable(next), Optional.empty());
        });
    }

    /** {@link #decimal} of the value a stream is on: null for JSON null. */
    public static BigDecimal decimal(JsonParser parser, String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        String text = Json.isContainer(token) ? "" : Json.text(parser, field);
        try {
            BigDecimal amount = new BigDecimal(text.trim());
            parser.skipChildren();
            return amount;
        } catch (NumberFormatException e) {
            throw Json.malformed("\"" + field + "\" is not a decimal amount: " + Json.shown(parser));
        }
    }

    /** {@link #bool} of the value a stream is on: null for JSON null. */
    public static Boolean bool(JsonParser parser, String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        String text = Json.isContainer(token) ? "" : Json.text(parser, field);
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw Json.malformed("\"" + field + "\" is not a boolean: " + Json.shown(parser));
    }

    /** A document {@code {"data":{"type":type,"attributes":{}}}}; returns the attributes object to fill. */
    public static ObjectNode newResource(ObjectNode document, String type) {
        ObjectNode data = document.putObject("data");
        data.put("type", type);
        return data.putObject("attributes");
    }

    /** {@code {"data":{"type":type,"id":id}}}: a relationship body. */
    public static byte[] relationship(String type, String id) {
        ObjectNode document = Json.object();
        document.putObject("data").put("type", type).put("id", id);
        return Json.bytes(document);
    }
}
