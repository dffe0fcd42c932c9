package com.flowroute.numbers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.internal.v2.JsonApi;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The tree-model decoders of the number listings as they were before the streaming ones
 * replaced them (V1Wire.SEARCH and ACCOUNT_NUMBERS, V2Wire.SEARCH and ACCOUNT_NUMBERS), kept
 * unchanged here as the reference the streaming decoders are compared with.
 */
final class TreeDecoders {
    private TreeDecoders() {}

    // ---- v1 -------------------------------------------------------------------------------------

    static Page<AvailableNumber> v1Search(byte[] body) {
        return v1Page(body, "tns", (key, value) -> AvailableNumber.builder()
                .number(number(key))
                .initialCost(money(value, "initial_cost"))
                .monthlyCost(money(value, "monthly_cost"))
                .billingMethods(billingMethods(value.path("billing_methods")))
                .rateCenter(Json.requiredText(value, "ratecenter"))
                .state(Json.requiredText(value, "state"))
                .build());
    }

    static Page<AccountNumber> v1Account(byte[] body) {
        return v1Page(body, "tns", (key, value) -> AccountNumber.builder()
                .number(number(key))
                .billingMethod(BillingMethod.of(Json.requiredText(value, "billing_method")))
                .routes(numberRoutes(value.path("routes")))
                .build());
    }

    private static <T> Page<T> v1Page(byte[] body, String field, BiFunction<String, JsonNode, T> read) {
        JsonNode root = Json.responseObject(body);
        return Json.build(() -> {
            JsonNode entries = root.path(field);
            List<T> items = new ArrayList<>(entries.size());
            if (!entries.isMissingNode() && !entries.isNull()) {
                if (!entries.isObject()) {
                    throw Json.malformed("\"" + field + "\" is " + entries.getNodeType() + ", expected an object keyed by "
                            + (field.equals("routes") ? "route name" : "number"));
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    items.add(read.apply(entry.getKey(), entry.getValue()));
                }
            }
            JsonNode links = root.path("links");
            return Page.of(items, serverLink(links, "next"), serverLink(links, "prev"));
        });
    }

    private static Optional<String> serverLink(JsonNode links, String name) {
        JsonNode link = links.path(name);
        if (link.isMissingNode() || link.isNull() || (link.isTextual() && link.asText().isEmpty())) {
            return Optional.empty();
        }
        if (!link.isTextual()) {
            throw Json.malformed("links." + name + " is " + link.getNodeType() + ", expected a path");
        }
        return Optional.of(link.asText());
    }

    private static List<Route> numberRoutes(JsonNode routes) {
        List<Route> out = new ArrayList<>();
        if (routes.isMissingNode() || routes.isNull()) {
            return out;
        }
        if (!routes.isArray()) {
            throw Json.malformed("\"routes\" is " + routes.getNodeType() + ", expected an array");
        }
        for (JsonNode route : routes) {
            out.add(route(Json.requiredText(route, "name"), route));
        }
        return out;
    }

    private static Route route(String name, JsonNode value) {
        if (!value.isObject()) {
            throw Json.malformed("route \"" + name + "\" is " + value.getNodeType() + ", expected an object");
        }
        return Route.of(name, RouteType.of(Json.requiredText(value, "type")), Json.optionalText(value, "value").orElse(null));
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
        return PhoneNumbers.fromWire("key", key);
    }

    private static BigDecimal money(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(Json.requiredText(node, field));
        } catch (NumberFormatException e) {
            throw Json.malformed("\"" + field + "\" is not a decimal amount: " + value);
        }
    }

    // ---- v2 -------------------------------------------------------------------------------------

    static Page<AvailableNumber> v2Search(byte[] body) {
        return v2Page(body, resource -> {
            JsonNode attributes = JsonApi.attributes(resource);
            return AvailableNumber.builder()
                    .number(number(attributes, resource))
                    .initialCost(JsonApi.decimal(attributes, "setup_cost").orElse(BigDecimal.ZERO))
                    .monthlyCost(JsonApi.decimal(attributes, "monthly_cost").orElse(BigDecimal.ZERO))
                    .rateCenter(upper(Json.optionalText(attributes, "rate_center")).orElse(""))
                    .state(upper(Json.optionalText(attributes, "state")).orElse(""))
                    .numberType(Json.optionalText(attributes, "number_type"))
                    .build();
        });
    }

    static Page<AccountNumber> v2Account(byte[] body) {
        return v2Page(body, resource -> {
            JsonNode attributes = JsonApi.attributes(resource);
            AccountNumber.Builder builder = AccountNumber.builder().number(number(attributes, resource));
            builder.alias(Json.optionalText(attributes, "alias"));
            builder.rateCenter(upper(Json.optionalText(attributes, "rate_center")));
            builder.state(upper(Json.optionalText(attributes, "state")));
            builder.numberType(Json.optionalText(attributes, "number_type"));
            builder.cnamLookupsEnabled(JsonApi.bool(attributes, "cnam_lookups_enabled"));
            return builder.build();
        });
    }

    private static <T> Page<T> v2Page(byte[] body, java.util.function.Function<JsonNode, T> read) {
        JsonNode document = JsonApi.document(body);
        return Json.build(() -> {
            List<JsonNode> resources = JsonApi.resources(document);
            List<T> items = new ArrayList<>(resources.size());
            for (JsonNode resource : resources) {
                items.add(read.apply(resource));
            }
            return Page.of(items, JsonApi.next(document), Optional.empty());
        });
    }

    private static Optional<String> upper(Optional<String> text) {
        return text.map(value -> value.toUpperCase(Locale.ROOT));
    }

    private static PhoneNumber number(JsonNode attributes, JsonNode resource) {
        return PhoneNumbers.fromWire("value", Json.optionalText(attributes, "value").orElseGet(() -> JsonApi.id(resource)));
    }
}
