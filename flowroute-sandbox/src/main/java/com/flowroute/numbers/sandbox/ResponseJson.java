package com.flowroute.numbers.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.internal.WireFormat;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The response bodies, in exactly the shapes of the v1 documentation: listings keyed by number,
 * area code or route name in the sandbox's order, {@code links} only when there is a page beside
 * this one, and {@code {}} for an empty page. Errors are {@code {"error": "message"}}.
 */
final class ResponseJson {
    /** The whole body of a listing with nothing on the page. */
    static final String EMPTY = "{}";

    private ResponseJson() {}

    static String error(String message) {
        return write(object().put("error", message));
    }

    static String areaCodes(Page<AreaCode> page) {
        return listing(page, "npas", (areaCode, into) -> into.putObject(areaCode.npa())
                .put("nxxs", "/v1/available-tns/npanxxs/?npa=" + areaCode.npa())
                .put("tns", "/v1/available-tns/tns/?npa=" + areaCode.npa()));
    }

    static String exchanges(Page<Exchange> page) {
        return listing(page, "npanxxs", (exchange, into) -> into.putObject(exchange.npa() + exchange.nxx())
                .put("tns", "/v1/available-tns/tns/?npa=" + exchange.npa() + "&nxx=" + exchange.nxx()));
    }

    static String availableNumbers(Page<AvailableNumber> page) {
        return listing(page, "tns", (number, into) -> {
            ObjectNode entry = into.putObject(number.number().toString())
                    .put("initial_cost", number.initialCost().toPlainString())
                    .put("monthly_cost", number.monthlyCost().toPlainString());
            ArrayNode methods = entry.putArray("billing_methods");
            number.billingMethods().forEach(method -> methods.add(method.value()));
            entry.put("ratecenter", number.rateCenter()).put("state", number.state());
        });
    }

    static String accountNumbers(Page<AccountNumber> page) {
        return listing(page, "tns", (number, into) -> {
            ObjectNode entry = into.putObject(number.number().toString());
            routed(entry, number.billingMethod(), number.routes());
            entry.put("detail", "/v1/tns/" + number.number());
        });
    }

    static String routes(Page<Route> page) {
        return listing(page, "routes", (route, into) -> into.putObject(route.name())
                .put("type", route.type().value())
                .put("value", route.value().orElse(null)));
    }

    static String details(NumberDetails details) {
        ObjectNode root = object();
        routed(root, details.billingMethod(), details.routes());
        return write(root);
    }

    // A number's routes show a value only when they have one: SIP-REG routes have none.
    private static void routed(ObjectNode into, BillingMethod billingMethod, List<Route> routes) {
        into.put("billing_method", billingMethod.value());
        ArrayNode array = into.putArray("routes");
        for (Route route : routes) {
            ObjectNode entry = array.addObject().put("type", route.type().value()).put("name", route.name());
            route.value().ifPresent(value -> entry.put("value", value));
        }
    }

    private static <T> String listing(Page<T> page, String field, BiConsumer<T, ObjectNode> entry) {
        if (page.items().isEmpty()) {
            return EMPTY;
        }
        ObjectNode root = object();
        ObjectNode items = root.putObject(field);
        page.items().forEach(item -> entry.accept(item, items));
        if (page.prevLink().isPresent() || page.nextLink().isPresent()) {
            ObjectNode links = root.putObject("links");
            page.prevLink().ifPresent(prev -> links.put("prev", prev));
            page.nextLink().ifPresent(next -> links.put("next", next));
        }
        return write(root);
    }

    private static ObjectNode object() {
        return WireFormat.MAPPER.createObjectNode();
    }

    private static String write(ObjectNode node) {
        try {
            return WireFormat.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
