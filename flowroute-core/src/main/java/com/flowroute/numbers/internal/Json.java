package com.flowroute.numbers.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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
 * nobody can reconfigure it. The busiest answers (listings of numbers) are read in one streaming
 * pass instead ({@link #readObject}), with the same guarantees and messages as the tree.
 * Not part of the SDK's contract.
 */
public final class Json {
    // The factory of the one mapper, made first: the streaming reads use it before (and without)
    // the mapper, so that a client reading only listings never loads Jackson's databind.
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** The mapper and what hangs on it, built on first use of a tree. */
    private static final class Trees {
        static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
                // A body with content after its JSON value (a proxy page appended, two documents) is malformed.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Money sent as a JSON number must not pass through double: 1.00 stays 1.00, not 1.0.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .build();
        static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
        // A value in the middle of a stream, read as a tree for a message: what follows it is the
        // rest of the document, not trailing content.
        static final ObjectReader TREE_IN_STREAM = MAPPER.readerFor(JsonNode.class)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private Json() {}

    /** A new empty object node. */
    public static ObjectNode object() {
        return Trees.NODES.objectNode();
    }

    /** A new empty array node. */
    public static ArrayNode array() {
        return Trees.NODES.arrayNode();
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
            root = Trees.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new FlowrouteTransportException("the response is not JSON: "
                    + (e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw malformed("the body is " + (root == null ? "empty" : root.getNodeType()) + ", expected a JSON object");
        }
        return root;
    }

    // ---- streaming reads ------------------------------------------------------------------------

    /** Reads the value a streaming parser is on (and everything in it); the parser stays on its last token. */
    @FunctionalInterface
    public interface ValueReader<V> {
        /**
         * The value the parser is on, which the reader consumes whole even when it refuses it.
         *
         * @throws FlowrouteTransportException (or a model's {@code IllegalArgumentException}) for a value it refuses
         * @throws IOException when the body is not JSON
         */
        V read(JsonParser parser) throws IOException;
    }

    /**
     * A streaming parser over {@code body}, from the one mapper's factory (so with its limits),
     * without building the mapper.
     * Only {@link #readObject} should need it; the readers it calls get the parser.
     */
    static JsonParser parser(byte[] body) throws IOException {
        return FACTORY.createParser(body);
    }

    /**
     * What {@code reader} makes of a response body's JSON object, in one streaming pass, with the
     * guarantees of {@link #responseObject} and {@link #build} together: an empty body, one that is
     * not JSON (trailing content included) or not an object fails as they say, and a value the
     * reader or a model refuses fails only once the whole body is known to be JSON, so that a
     * truncated body is reported as such whatever its start held.
     *
     * @param reader called on the object's {@code START_OBJECT}; consumes it up to its {@code END_OBJECT}
     */
    public static <T> T readObject(byte[] body, ValueReader<T> reader) {
        if (body == null || body.length == 0) {
            throw malformed("the body is empty, expected a JSON object");
        }
        try (JsonParser parser = parser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                finish(parser);
                throw malformed("the body is " + nodeType(first) + ", expected a JSON object");
            }
            T value;
            try {
                value = reader.read(parser);
            } catch (FlowrouteTransportException | IllegalArgumentException | IllegalStateException | NullPointerException refused) {
                finish(parser);
                throw refused instanceof FlowrouteTransportException transport ? transport
                        : new FlowrouteTransportException("the response is not the expected JSON: " + refused.getMessage(), refused);
            }
            finish(parser);
            return value;
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    // Reads to the end of the root value, and refuses anything after it.
    private static void finish(JsonParser parser) throws IOException {
        while (!parser.getParsingContext().inRoot()) {
            if (parser.nextToken() == null) {
                break;
            }
        }
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            // The tree's words for the same body (DeserializationFeature.FAIL_ON_TRAILING_TOKENS).
            throw new JsonParseException(parser, "Trailing token (of type " + trailing + ") found after value (bound as `"
                    + JsonNode.class.getName() + "`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        }
    }

    private static FlowrouteTransportException notJson(IOException e) {
        return new FlowrouteTransportException("the response is not JSON: "
                + (e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage()), e);
    }

    /**
     * The tree model's name for the kind of value that starts with {@code token}, as messages
     * say it ({@code STRING}, {@code NUMBER}, {@code OBJECT}...); {@code MISSING} for none.
     */
    public static String nodeType(JsonToken token) {
        if (token == null) {
            return "MISSING";
        }
        return switch (token) {
            case START_OBJECT -> "OBJECT";
            case START_ARRAY -> "ARRAY";
            case VALUE_STRING -> "STRING";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
            case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
            case VALUE_NULL -> "NULL";
            default -> "POJO";
        };
    }

    /** Whether {@code token} starts an object or an array. */
    public static boolean isContainer(JsonToken token) {
        return token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
    }

    /**
     * The current value as {@link #optionalText} reads it from a tree: a string as it is, a
     * number or boolean as its text (as the tree would hold it: {@code 1e2} is {@code 1E+2}),
     * null for JSON null; an object or array is skipped and refused, naming {@code field}.
     */
    public static String text(JsonParser parser, String field) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> null;
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue().toString();
            default -> {
                parser.skipChildren();
                throw malformed("\"" + field + "\" is " + nodeType(token) + ", expected a string");
            }
        };
    }

    /**
     * The current value as a tree prints it in a message: a string quoted and escaped, a number
     * or boolean as its text, an object or array as its JSON (read whole: for refusals only).
     */
    public static String shown(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (isContainer(token)) {
            return Trees.TREE_IN_STREAM.readTree(parser).toString();
        }
        if (token == JsonToken.VALUE_STRING) {
            return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(parser.getText())) + "\"";
        }
        return token == JsonToken.VALUE_NULL ? "null" : text(parser, "value");
    }

    /** The message of a required field that is absent, null or not a string: as {@link #requiredText} says it. */
    public static FlowrouteTransportException missing(String field) {
        return malformed("\"" + field + "\" is missing or not a string");
    }

    /**
     * One field of an item being read in a stream: the value read from it, or why it could not
     * be read, kept until the item is complete, so that an item reports its first problem in
     * the order the tree decoder checked its fields, wherever the field stood in the body. A
     * field given twice keeps the last, as the tree did. Reused from item to item.
     *
     * @param <V> the value
     */
    public static final class Field<V> {
        private V value;
        private RuntimeException refused;

        /** Forgets the last item's value. */
        public void clear() {
            value = null;
            refused = null;
        }

        /** Reads the current value with {@code reader}, replacing an earlier occurrence. */
        public void read(JsonParser parser, ValueReader<V> reader) throws IOException {
            clear();
            try {
                value = reader.read(parser);
            } catch (FlowrouteTransportException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
                refused = e;
            }
        }

        /** Sets the value directly. */
        public void set(V value) {
            clear();
            this.value = value;
        }

        /** Records a refusal directly. */
        public void refuse(RuntimeException refusal) {
            clear();
            this.refused = refusal;
        }

        /** The value read: null when the field was absent or JSON null; throws what reading it threw. */
        public V value() {
            if (refused != null) {
                throw refused;
            }
            return value;
        }

        /** The value read, or {@link #missing} when it was absent or null. */
        public V required(String field) {
            V read = value();
            if (read == null) {
                throw missing(field);
            }
            return read;
        }

        /** {@link #value()} as an {@code Optional}. */
        public Optional<V> optional() {
            return Optional.ofNullable(value());
        }
    }

    // ---- trees -----------------------------------------------------------------------------------

    /** The JSON value of {@code body}, or empty when it is not JSON at all. Never throws. */
    public static Optional<JsonNode> lenient(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Trees.MAPPER.readTree(body));
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
            return Optional.ofNullable(Trees.MAPPER.readTree(text));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** {@code node} as UTF-8 bytes. */
    public static byte[] bytes(JsonNode node) {
        try {
            return Trees.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** {@code node} as a string. */
    public static String text(JsonNode node) {
        try {
            return Trees.MAPPER.writeValueAsString(node);
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
