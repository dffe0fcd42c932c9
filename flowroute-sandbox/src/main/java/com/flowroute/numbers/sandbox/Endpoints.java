package com.flowroute.numbers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PagedQuery;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.internal.Checks;
import com.flowroute.numbers.internal.RequestSigner;
import com.flowroute.numbers.internal.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The nine v1 endpoints: finds the one a request names, checks its input with the SDK's own
 * query and value types (so the sandbox refuses exactly what the SDK refuses) and answers from
 * the {@link SandboxState}. Runs on the event loop: everything here is in memory.
 *
 * <p>Statuses follow Flowroute's v1 SDK documentation: a malformed request (an unknown or
 * repeated query parameter, a body that is not the JSON object expected) is a 400; a well-formed
 * one whose values break a rule ({@code limit} outside 1..200, a bad route type or value) or that
 * the state refuses (a number not for sale, a route name taken) is a 422; a number not on the
 * account or an unknown route name to point a number at is a 404.
 */
final class Endpoints {
    private static final int DEFAULT_LIMIT = 10;
    private static final String NUMBER_RULE = "must be an 11-digit NANP number 1NPANXXXXXX, such as 12066417744";
    private static final String KNOWN_PATHS = "/v1/available-tns/npas/, /v1/available-tns/npanxxs/,"
            + " /v1/available-tns/tns/, /v1/tns/, /v1/tns/{number}, /v1/routes/, /v1/routes/{route_name}";

    private final SandboxState state;

    Endpoints(SandboxState state) {
        this.state = state;
    }

    /** The answer to an authenticated request. */
    Answer answer(IncomingRequest request) {
        try {
            return route(request);
        } catch (ApiError refused) {
            Answer answer = Answer.error(refused.status(), refused.getMessage());
            return refused.allowedMethods() == null ? answer : answer.withHeader("Allow", refused.allowedMethods());
        }
    }

    private Answer route(IncomingRequest request) {
        List<String> path = request.pathSegments();
        String method = request.method;
        if (path.size() >= 2 && path.get(0).equals("v1")) {
            String resource = path.get(1);
            if (resource.equals("available-tns") && path.size() == 3) {
                switch (path.get(2)) {
                    case "npas":
                        allow(method, "GET");
                        return areaCodes(request);
                    case "npanxxs":
                        allow(method, "GET");
                        return exchanges(request);
                    case "tns":
                        allow(method, "GET");
                        return search(request);
                    default:
                        break;
                }
            } else if (resource.equals("tns") && path.size() == 2) {
                allow(method, "GET");
                return accountNumbers(request);
            } else if (resource.equals("tns") && path.size() == 3) {
                switch (method) {
                    case "GET":
                        Parameters.none(request);
                        return Answer.json(200, ResponseJson.details(state.details(number(path.get(2)))));
                    case "PUT":
                        Parameters.none(request);
                        return purchase(number(path.get(2)), request);
                    case "PATCH":
                        Parameters.none(request);
                        return updateRoutes(number(path.get(2)), request);
                    default:
                        throw ApiError.methodNotAllowed(method, "GET, PUT, PATCH");
                }
            } else if (resource.equals("routes") && path.size() == 2) {
                allow(method, "GET");
                return routes(request);
            } else if (resource.equals("routes") && path.size() == 3) {
                allow(method, "PUT");
                Parameters.none(request);
                return createRoute(path.get(2), request);
            }
        }
        throw ApiError.notFound("no endpoint at " + request.rawPath + ": the sandbox serves " + KNOWN_PATHS);
    }

    private Answer areaCodes(IncomingRequest request) {
        Parameters given = new Parameters(request, "limit", "page");
        AreaCodeQuery query = checked(() -> AreaCodeQuery.builder()
                .pageSize(given.integer("limit")).page(given.integer("page")).build());
        SandboxState.Slice<AreaCode> slice = state.areaCodes(page(query), limit(query));
        return Answer.json(200, ResponseJson.areaCodes(page(slice, "/v1/available-tns/npas/", given.links(), query)));
    }

    private Answer exchanges(IncomingRequest request) {
        Parameters given = new Parameters(request, "limit", "npa", "page");
        ExchangeQuery query = checked(() -> ExchangeQuery.builder().npa(given.text("npa"))
                .pageSize(given.integer("limit")).page(given.integer("page")).build());
        SandboxState.Slice<Exchange> slice = state.exchanges(query.npa(), page(query), limit(query));
        return Answer.json(200, ResponseJson.exchanges(
                page(slice, "/v1/available-tns/npanxxs/", given.links("npa"), query)));
    }

    private Answer search(IncomingRequest request) {
        Parameters given = new Parameters(request, "limit", "npa", "nxx", "page", "ratecenter", "state", "tn");
        NumberSearch search = checked(() -> NumberSearch.builder()
                .npa(given.text("npa"))
                .nxx(given.text("nxx"))
                .rateCenter(given.text("ratecenter"))
                .state(given.text("state"))
                .tn(given.text("tn"))
                .pageSize(given.integer("limit"))
                .page(given.integer("page"))
                .build());
        SandboxState.Slice<AvailableNumber> slice = state.search(search, page(search), limit(search));
        // The documentation's links name state before ratecenter: keep its order.
        return Answer.json(200, ResponseJson.availableNumbers(page(slice, "/v1/available-tns/tns/",
                given.links("npa", "nxx", "state", "ratecenter", "tn"), search)));
    }

    private Answer accountNumbers(IncomingRequest request) {
        Parameters given = new Parameters(request, "limit", "page", "pattern");
        AccountNumberQuery query = checked(() -> AccountNumberQuery.builder().pattern(given.text("pattern"))
                .pageSize(given.integer("limit")).page(given.integer("page")).build());
        SandboxState.Slice<AccountNumber> slice =
                state.accountNumbers(query.pattern(), page(query), limit(query));
        return Answer.json(200, ResponseJson.accountNumbers(page(slice, "/v1/tns/", given.links("pattern"), query)));
    }

    private Answer routes(IncomingRequest request) {
        Parameters given = new Parameters(request, "limit", "page");
        RouteQuery query = checked(() -> RouteQuery.builder()
                .pageSize(given.integer("limit")).page(given.integer("page")).build());
        SandboxState.Slice<Route> slice = state.routes(page(query), limit(query));
        return Answer.json(200, ResponseJson.routes(page(slice, "/v1/routes/", given.links(), query)));
    }

    private Answer purchase(PhoneNumber number, IncomingRequest request) {
        JsonNode body = jsonBody(request, "{\"billing_method\": \"METERED\"}");
        String value = textField(body, "billing_method");
        BillingMethod billingMethod = checked(() -> BillingMethod.of(value));
        if (!billingMethod.isKnown()) {
            throw ApiError.unprocessable(Checks.invalid("billing_method", value, "must be METERED").getMessage());
        }
        state.purchase(number, billingMethod);
        return Answer.empty(201);
    }

    private Answer updateRoutes(PhoneNumber number, IncomingRequest request) {
        // The number is checked before the body, so that a number not on the account is a 404.
        state.details(number);
        String form = "{\"routes\": [{\"name\": \"primary\"}, {\"name\": \"failover\"}]}";
        JsonNode routes = jsonBody(request, form).path("routes");
        if (!routes.isArray() || routes.size() != 2) {
            throw ApiError.badRequest("routes must be an array of two routes, the primary and the failover: " + form);
        }
        String primary = textField(routes.get(0), "routes[0].name", "name");
        String failover = textField(routes.get(1), "routes[1].name", "name");
        state.updateRoutes(number, primary, failover);
        return Answer.empty(204);
    }

    private Answer createRoute(String name, IncomingRequest request) {
        JsonNode body = jsonBody(request, "{\"type\": \"HOST\", \"value\": \"24.239.23.40:5060\"}");
        String type = textField(body, "type");
        String value = textField(body, "value");
        NewRoute route = checked(() -> NewRoute.builder().name(name).type(RouteType.of(type)).value(value).build());
        state.createRoute(route);
        return Answer.empty(201);
    }

    private static PhoneNumber number(String segment) {
        if (!PhoneNumber.isWireForm(segment)) {
            throw ApiError.badRequest(Checks.invalid("number", segment, NUMBER_RULE).getMessage());
        }
        return PhoneNumber.parse(segment);
    }

    private static JsonNode jsonBody(IncomingRequest request, String form) {
        if (request.body.length == 0) {
            throw ApiError.badRequest("the body is empty: expected JSON such as " + form);
        }
        JsonNode body;
        try {
            body = WireFormat.MAPPER.readTree(request.body);
        } catch (IOException e) {
            throw ApiError.badRequest("the body is not JSON: expected JSON such as " + form);
        }
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("the body is not a JSON object: expected JSON such as " + form);
        }
        return body;
    }

    private static String textField(JsonNode object, String field) {
        return textField(object, field, field);
    }

    private static String textField(JsonNode object, String description, String field) {
        JsonNode value = object == null ? null : object.get(field);
        if (value == null || !value.isTextual()) {
            throw ApiError.badRequest(description + " is required and must be a string");
        }
        return value.asText();
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw ApiError.methodNotAllowed(method, allowed);
        }
    }

    /** Runs a core builder; what it refuses is a 422 naming the wire parameter. */
    private static <T> T checked(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw ApiError.unprocessable(wireNames(e.getMessage()));
        }
    }

    // The core names fields as the SDK does; a server names the wire parameters.
    private static String wireNames(String message) {
        if (message.startsWith("pageSize ")) {
            return "limit " + message.substring("pageSize ".length());
        }
        if (message.startsWith("rateCenter ")) {
            return "ratecenter " + message.substring("rateCenter ".length());
        }
        return message;
    }

    private static int page(PagedQuery query) {
        return query.page().orElse(1);
    }

    private static int limit(PagedQuery query) {
        return query.pageSize().orElse(DEFAULT_LIMIT);
    }

    /**
     * The page with its links, as the documentation writes them: the filters that were given, in
     * the endpoint's order, then {@code limit} (always) and {@code page}.
     */
    private static <T> Page<T> page(SandboxState.Slice<T> slice, String path, List<Map.Entry<String, String>> filters,
            PagedQuery query) {
        int page = page(query);
        Optional<String> prev = page > 1 ? Optional.of(link(path, filters, limit(query), page - 1)) : Optional.empty();
        Optional<String> next = slice.hasMore ? Optional.of(link(path, filters, limit(query), page + 1)) : Optional.empty();
        return Page.of(slice.items, next, prev);
    }

    private static String link(String path, List<Map.Entry<String, String>> filters, int limit, int page) {
        StringBuilder link = new StringBuilder(path).append('?');
        for (Map.Entry<String, String> filter : filters) {
            link.append(RequestSigner.formEncode(filter.getKey())).append('=')
                    .append(RequestSigner.formEncode(filter.getValue())).append('&');
        }
        return link.append("limit=").append(limit).append("&page=").append(page).toString();
    }

    /**
     * The query parameters of one request, by name; an empty value counts as not given. A name
     * the endpoint does not take, or a name given twice, makes the request malformed: a 400.
     */
    private static final class Parameters {
        private final Map<String, String> values = new HashMap<>();

        Parameters(IncomingRequest request, String... known) {
            List<String> names = List.of(known);
            for (Map.Entry<String, String> parameter : request.parameters) {
                if (!names.contains(parameter.getKey())) {
                    throw ApiError.badRequest("query parameter " + parameter.getKey() + " is unknown: "
                            + request.method + " " + request.rawPath + " takes "
                            + (names.isEmpty() ? "no query parameters" : String.join(", ", names)));
                }
                if (values.containsKey(parameter.getKey())) {
                    throw ApiError.badRequest("query parameter " + parameter.getKey() + " is given twice");
                }
                values.put(parameter.getKey(), parameter.getValue());
            }
            values.values().removeIf(String::isEmpty);
        }

        /** Checks that the request has no query parameters, as the endpoints with a body take none. */
        static void none(IncomingRequest request) {
            new Parameters(request);
        }

        Optional<String> text(String name) {
            return Optional.ofNullable(values.get(name));
        }

        OptionalInt integer(String name) {
            String value = values.get(name);
            if (value == null) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw ApiError.unprocessable(Checks.invalid(name, value, "must be a whole number").getMessage());
            }
        }

        List<Map.Entry<String, String>> links(String... filters) {
            List<Map.Entry<String, String>> given = new ArrayList<>();
            for (String filter : filters) {
                text(filter).ifPresent(value -> given.add(Map.entry(filter, value)));
            }
            return given;
        }
    }
}
