package com.flowroute.numbers.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flowroute.numbers.internal.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading and writing JSON:API documents as Flowroute serves them, tolerating the documented
 * drift: ids as strings or JSON numbers, unknown fields and types ignored, {@code data} absent
 * on an empty list, {@code links.next} only while more remain. Shared by every v2 codec.
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
