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
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The JSON of the v1 API, both ways: request bodies, and responses (the keyed-object form of
 * {@code npas}, {@code npanxxs}, {@code tns} and {@code routes}, {@code links}, the empty
 * {@code {}}) into the SDK's models, keeping the server's order, ignoring unknown fields. A body
 * that is not the expected shape is a {@link FlowrouteTransportException} naming what was wrong.
 * Not part of the SDK's contract.
 */
public final class WireFormat {
    /** The mapper of the SDK: models round-trip through it; {@code Optional} is supported. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A body with content after its JSON value (a proxy page appended, two documents) is malformed.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Money sent as a JSON number must not pass through double: 1.00 stays 1.00, not 1.0.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireFormat() {}

    /** A page of {@code GET /available-tns/npas/}. */
    public static Page<AreaCode> areaCodes(byte[] body) {
        return page(body, "npas", (key, value) -> AreaCode.of(digits(key, 3, "npas")));
    }

    /** A page of {@code GET /available-tns/npanxxs/}. */
    public static Page<Exchange> exchanges(byte[] body) {
        return page(body, "npanxxs", (key, value) -> {
            String npaNxx = digits(key, 6, "npanxxs");
            return Exchange.of(npaNxx.substring(0, 3), npaNxx.substring(3));
        });
    }

    /** A page of {@code GET /available-tns/tns/}. */
    public static Page<AvailableNumber> availableNumbers(byte[] body) {
        return page(body, "tns", (key, value) -> AvailableNumber.builder()
                .number(number(key))
                .initialCost(money(value, "initial_cost"))
                .monthlyCost(money(value, "monthly_cost"))
                .billingMethods(billingMethods(value.path("billing_methods")))
                .rateCenter(text(value, "ratecenter"))
                .state(text(value, "state"))
                .build());
    }

    /** A page of {@code GET /tns/}. */
    public static Page<AccountNumber> accountNumbers(byte[] body) {
        return page(body, "tns", (key, value) -> AccountNumber.builder()
                .number(number(key))
                .billingMethod(BillingMethod.of(text(value, "billing_method")))
                .routes(numberRoutes(value.path("routes")))
                .build());
    }

    /** A page of {@code GET /routes/}. */
    public static Page<Route> routes(byte[] body) {
        return page(body, "routes", (name, value) -> route(name, value));
    }

    /** The body of {@code GET /tns/{number}}. */
    public static NumberDetails numberDetails(byte[] body) {
        JsonNode root = object(body);
        return wrap(() -> NumberDetails.builder()
                .billingMethod(BillingMethod.of(text(root, "billing_method")))
                .routes(numberRoutes(root.path("routes")))
                .build());
    }

    /** {@code {"billing_method":"METERED"}}. */
    public static byte[] purchaseBody(BillingMethod billingMethod) {
        return bytes(NODES.objectNode().put("billing_method", billingMethod.value()));
    }

    /** {@code {"routes":[{"name":primary},{"name":failover}]}}. */
    public static byte[] updateRoutesBody(String primary, String failover) {
        ObjectNode root = NODES.objectNode();
        ArrayNode routes = root.putArray("routes");
        routes.addObject().put("name", primary);
        routes.addObject().put("name", failover);
        return bytes(root);
    }

    /** {@code {"type":"HOST","value":"24.239.23.40:5060"}}. */
    public static byte[] newRouteBody(NewRoute route) {
        return bytes(NODES.objectNode().put("type", route.type().value()).put("value", route.value()));
    }

    /**
     * The error messages of an error body, when it is JSON: strings found under {@code errors},
     * {@code error}, {@code message} and {@code detail} (as a string, an array of strings, or
     * objects with {@code detail}, {@code message} or {@code title}). Empty for anything else.
     */
    public static List<String> errorMessages(String body) {
        List<String> messages = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return messages;
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root != null && root.isObject()) {
                for (String field : List.of("errors", "error", "message", "detail")) {
                    collect(root.get(field), messages);
                }
            }
        } catch (IOException notJson) {
            // A text or HTML body has no structured messages; the caller keeps the raw body.
        }
        return messages;
    }

    private static void collect(JsonNode node, List<String> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isTextual()) {
            into.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, into));
        } else if (node.isObject()) {
            for (String field : List.of("detail", "message", "title")) {
                if (node.path(field).isTextual()) {
                    into.add(node.get(field).asText());
                    return;
                }
            }
        }
    }

    private static <T> Page<T> page(byte[] body, String field, BiFunction<String, JsonNode, T> item) {
        JsonNode root = object(body);
        return wrap(() -> {
            JsonNode entries = root.path(field);
            List<T> items = new ArrayList<>(entries.size());
            if (!entries.isMissingNode() && !entries.isNull()) {
                if (!entries.isObject()) {
                    throw malformed("\"" + field + "\" is " + entries.getNodeType() + ", expected an object keyed by "
                            + (field.equals("routes") ? "route name" : "number"));
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    items.add(item.apply(entry.getKey(), entry.getValue()));
                }
            }
            JsonNode links = root.path("links");
            return Page.of(items, link(links, "next"), link(links, "prev"));
        });
    }

    private static Optional<String> link(JsonNode links, String name) {
        JsonNode link = links.path(name);
        if (link.isMissingNode() || link.isNull() || (link.isTextual() && link.asText().isEmpty())) {
            return Optional.empty();
        }
        if (!link.isTextual()) {
            throw malformed("links." + name + " is " + link.getNodeType() + ", expected a path");
        }
        return Optional.of(link.asText());
    }

    private static List<Route> numberRoutes(JsonNode routes) {
        List<Route> out = new ArrayList<>();
        if (routes.isMissingNode() || routes.isNull()) {
            return out;
        }
        if (!routes.isArray()) {
            throw malformed("\"routes\" is " + routes.getNodeType() + ", expected an array");
        }
        for (JsonNode route : routes) {
            out.add(route(text(route, "name"), route));
        }
        return out;
    }

    private static Route route(String name, JsonNode value) {
        if (!value.isObject()) {
            throw malformed("route \"" + name + "\" is " + value.getNodeType() + ", expected an object");
        }
        JsonNode routeValue = value.path("value");
        return Route.of(name, RouteType.of(text(value, "type")),
                routeValue.isMissingNode() || routeValue.isNull() ? null : routeValue.asText());
    }

    private static List<BillingMethod> billingMethods(JsonNode methods) {
        List<BillingMethod> out = new ArrayList<>();
        if (methods.isTextual()) {
            out.add(BillingMethod.of(methods.asText()));
        } else if (methods.isArray()) {
            methods.forEach(method -> out.add(BillingMethod.of(method.asText())));
        }
        return out;
    }

    private static PhoneNumber number(String key) {
        if (!PhoneNumber.isNanp(key)) {
            throw malformed("\"" + key + "\" is not an 11-digit NANP number");
        }
        return PhoneNumber.parse(key);
    }

    private static String digits(String key, int length, String field) {
        if (key.length() != length || !Checks.isDigits(key)) {
            throw malformed("key \"" + key + "\" of \"" + field + "\" is not " + length + " digits");
        }
        return key;
    }

    private static BigDecimal money(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(text(node, field));
        } catch (NumberFormatException e) {
            throw malformed("\"" + field + "\" is not a decimal amount: " + value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull()) {
            throw malformed("\"" + field + "\" is missing or not a string");
        }
        return value.asText();
    }

    private static JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw malformed("the body is empty, expected a JSON object");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new FlowrouteTransportException("the response is not JSON: " + (e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw malformed("the body is " + (root == null ? "empty" : root.getNodeType()) + ", expected a JSON object");
        }
        return root;
    }

    private interface Parse<T> {
        T run();
    }

    // Models validate themselves; a server value they refuse is a malformed response, not bad input.
    private static <T> T wrap(Parse<T> parse) {
        try {
            return parse.run();
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw new FlowrouteTransportException("the response is not the expected JSON: " + e.getMessage(), e);
        }
    }

    private static FlowrouteTransportException malformed(String what) {
        return new FlowrouteTransportException("the response is not the expected JSON: " + what, null);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
