package com.flowroute.numbers.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flowroute.numbers.FlowrouteTransportException;
import java.io.IOException;
import java.util.Optional;

/**
 * The SDK's one JSON configuration, shared by every protocol: trees in and out, money without
 * a detour through {@code double}, trailing content refused. The mapper itself stays private so
 * nobody can reconfigure it. Not part of the SDK's contract.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // A body with content after its JSON value (a proxy page appended, two documents) is malformed.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Money sent as a JSON number must not pass through double: 1.00 stays 1.00, not 1.0.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Json() {}

    /** A new empty object node. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new empty array node. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * The JSON object of a response body; a {@link FlowrouteTransportException} saying what is
     * wrong when the body is empty, not JSON, or not an object.
     */
    public static JsonNode responseObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw malformed("the body is empty, expected a JSON object");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new FlowrouteTransportException("the response is not JSON: "
                    + (e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw malformed("the body is " + (root == null ? "empty" : root.getNodeType()) + ", expected a JSON object");
        }
        return root;
    }

    /** The JSON value of {@code body}, or empty when it is not JSON at all. Never throws. */
    public static Optional<JsonNode> lenient(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** The JSON value of {@code text}, or empty when it is not JSON at all. Never throws. */
    public static Optional<JsonNode> lenient(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(text));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** {@code node} as UTF-8 bytes. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** {@code node} as a string. */
    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** The exception for a response that is JSON but not the expected shape. */
    public static FlowrouteTransportException malformed(String what) {
        return new FlowrouteTransportException("the response is not the expected JSON: " + what, null);
    }

    /** A required string (or number, read as its text) field of {@code node}. */
    public static String requiredText(JsonNode node, String field) {
        return optionalText(node, field).orElseThrow(() -> malformed("\"" + field + "\" is missing or not a string"));
    }

    /** An optional string field of {@code node}: numbers and booleans read as their text; null and missing are empty. */
    public static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw malformed("\"" + field + "\" is " + value.getNodeType() + ", expected a string");
        }
        return Optional.of(value.asText());
    }

    /**
     * Runs a model build over parsed values; what the models refuse (a server value that breaks
     * a rule) is a malformed response, not bad input.
     */
    public static <T> T build(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw new FlowrouteTransportException("the response is not the expected JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Server side: the JSON object of a request body.
     *
     * @param form an example of the expected body, for the message
     * @throws MalformedRequest when the body is empty, not JSON or not an object
     */
    public static JsonNode requestObject(byte[] body, String form) {
        if (body == null || body.length == 0) {
            throw new MalformedRequest("the body is empty: expected JSON such as " + form);
        }
        JsonNode root = lenient(body).orElseThrow(() -> new MalformedRequest("the body is not JSON: expected JSON such as " + form));
        if (!root.isObject()) {
            throw new MalformedRequest("the body is not a JSON object: expected JSON such as " + form);
        }
        return root;
    }

    /**
     * Server side: a required string field of a request body.
     *
     * @param description how the message names the field, such as {@code routes[0].name}
     * @throws MalformedRequest when it is missing or not a string
     */
    public static String requestText(JsonNode object, String description, String field) {
        JsonNode value = object == null ? null : object.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedRequest(description + " is required and must be a string");
        }
        return value.asText();
    }
}
