package com.flowroute.numbers.internal.v1;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PagedQuery;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.Validation.InvalidArgument;
import com.flowroute.numbers.internal.Json;
import com.flowroute.numbers.internal.MalformedRequest;
import com.flowroute.numbers.internal.PhoneNumbers;
import com.flowroute.numbers.internal.Urls;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything the v1 API puts on the wire, in both directions and in one place: the paths, each
 * listing's query parameters and how they map onto the SDK's queries (one table per listing),
 * the JSON of requests and answers (keyed objects in the server's order, {@code links}, the
 * empty {@code {}}), and the error body. The client encodes requests and decodes answers with
 * it; the sandbox decodes requests and encodes answers with the same tables.
 * Not part of the SDK's contract.
 */
public final class V1Wire {
    /** The version's path segment, from the API root. */
    public static final String ROOT = "/v1";
    /** The path of a number on the account, before the number. */
    public static final String NUMBER_PATH = "/tns/";
    /** The path of a route, before its percent-encoded name. */
    public static final String ROUTE_PATH = "/routes/";
    /** The JSON media type of every v1 body. */
    public static final String MEDIA_TYPE = "application/json";
    /** The page size the server uses when a request names none. */
    public static final int DEFAULT_LIMIT = 10;
    /** The purchase body's one field, for the sandbox's messages. */
    public static final String BILLING_METHOD = "billing_method";

    private V1Wire() {}

    // ---- listings: path, query table, items -------------------------------------------------

    /** A query parameter of a listing: its wire name, the SDK field it carries, how to read it. */
    public record Parameter<Q>(String wireName, String field, Function<Q, Optional<String>> read) {}

    /**
     * One v1 listing: where it lives, its query parameters (in the order the documentation's
     * links name them), the JSON field that keys its items, and how an item is read and written.
     *
     * @param <Q> the SDK query
     * @param <T> the item
     */
    public static final class V1Listing<Q extends PagedQuery, T> {
        private final String path;
        private final String field;
        private final List<Parameter<Q>> filters;
        private final List<Parameter<Q>> v2Only;
        private final Function<Values, Q> build;
        private final BiFunction<String, JsonNode, T> read;
        private final Streamed<T> streamed;
        private final BiConsumer<T, ObjectNode> write;

        // A listing read from a tree (the small ones).
        V1Listing(String path, String field, List<Parameter<Q>> filters, List<Parameter<Q>> v2Only,
                Function<Values, Q> build, BiFunction<String, JsonNode, T> read, BiConsumer<T, ObjectNode> write) {
            this(path, field, filters, v2Only, build, read, null, write);
        }

        // A listing of numbers, read in one streaming pass.
        V1Listing(String path, String field, List<Parameter<Q>> filters, List<Parameter<Q>> v2Only,
                Function<Values, Q> build, Streamed<T> streamed, BiConsumer<T, ObjectNode> write) {
            this(path, field, filters, v2Only, build, null, streamed, write);
        }

        private V1Listing(String path, String field, List<Parameter<Q>> filters, List<Parameter<Q>> v2Only,
                Function<Values, Q> build, BiFunction<String, JsonNode, T> read, Streamed<T> streamed,
                BiConsumer<T, ObjectNode> write) {
            this.path = path;
            this.field = field;
            this.filters = filters;
            this.v2Only = v2Only;
            this.build = build;
            this.read = read;
            this.streamed = streamed;
            this.write = write;
        }

        /** The listing's path under {@link #ROOT}, such as {@code /tns/}. */
        public String path() {
            return path;
        }

        /**
         * The query parameters of {@code query}, decoded, in the table's order.
         *
         * @throws IllegalArgumentException if the query sets a field only v2 has
         */
        public List<Map.Entry<String, String>> parameters(Q query) {
            for (Parameter<Q> parameter : v2Only) {
                Optional<String> value = parameter.read().apply(query);
                if (value.isPresent()) {
                    throw Validation.invalid(parameter.field(), value.get(), "is supported by API v2 only: build the client with"
                            + " apiVersion(FlowrouteApiVersion.V2)");
                }
            }
            List<Map.Entry<String, String>> out = new ArrayList<>(filters.size() + 2);
            for (Parameter<Q> parameter : filters) {
                Optional<String> value = parameter.read().apply(query);
                if (value.isPresent()) {
                    out.add(Map.entry(parameter.wireName(), value.get()));
                }
            }
            if (query.pageSize().isPresent()) {
                out.add(Map.entry("limit", Integer.toString(query.pageSize().getAsInt())));
            }
            if (query.page().isPresent()) {
                out.add(Map.entry("page", Integer.toString(query.page().getAsInt())));
            }
            return out;
        }

        /**
         * A page of this listing's answer: its items in the server's order (a key given twice
         * once, at its first place, with its last value), {@code {}} or a missing or null field
         * an empty page, unknown fields ignored, {@code links.next} and {@code links.prev}.
         */
        public Page<T> decode(byte[] body) {
            if (streamed != null) {
                return Json.readObject(body, parser -> readPage(parser, streamed.reader().get()));
            }
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

        // One pass over the page, with the tree decoder's order of checks: the keyed object, then
        // its items in order, then links.next and links.prev, wherever each stands in the body.
        private Page<T> readPage(JsonParser parser, ItemReader<T> reader) throws IOException {
            Keyed<T> entries = new Keyed<>();
            RuntimeException entriesRefused = null;
            JsonToken nextToken = null;
            String next = null;
            JsonToken prevToken = null;
            String prev = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field)) {
                    entries = new Keyed<>();
                    entriesRefused = null;
                    if (value == JsonToken.START_OBJECT) {
                        JsonStreamContext keyed = parser.getParsingContext();
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String key = parser.currentName();
                            parser.nextToken();
                            try {
                                entries.add(key, reader.read(key, parser));
                            } catch (FlowrouteTransportException | IllegalArgumentException | IllegalStateException
                                    | NullPointerException refused) {
                                skipTo(parser, keyed);
                                entries.refuse(key, refused);
                            }
                        }
                    } else if (value != JsonToken.VALUE_NULL) {
                        parser.skipChildren();
                        entriesRefused = Json.malformed("\"" + field + "\" is " + Json.nodeType(value)
                                + ", expected an object keyed by " + (field.equals("routes") ? "route name" : "number"));
                    }
                } else if (name.equals("links")) {
                    nextToken = null;
                    next = null;
                    prevToken = null;
                    prev = null;
                    if (value == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String link = parser.currentName();
                            JsonToken linkValue = parser.nextToken();
                            String text = linkValue == JsonToken.VALUE_STRING ? parser.getText() : null;
                            if (link.equals("next")) {
                                nextToken = linkValue;
                                next = text;
                            } else if (link.equals("prev")) {
                                prevToken = linkValue;
                                prev = text;
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
            if (entriesRefused != null) {
                throw entriesRefused;
            }
            List<T> items = entries.items(streamed.key());
            return Page.of(items, serverLink(nextToken, next, "next"), serverLink(prevToken, prev, "prev"));
        }

        /**
         * Server side: the query a request's parameters describe, checked by the SDK's own query
         * type, so that the server refuses exactly what the client refuses.
         *
         * @throws MalformedRequest for an unknown or repeated parameter
         * @throws InvalidArgument for a value the query refuses (a page that is not a whole
         *     number included), naming the wire parameter
         */
        public Q decodeQuery(List<Map.Entry<String, String>> given) {
            Map<String, String> byField = new HashMap<>();
            Map<String, String> seen = new HashMap<>();
            for (Map.Entry<String, String> parameter : given) {
                String name = parameter.getKey();
                if (seen.put(name, parameter.getValue()) != null) {
                    throw new MalformedRequest("query parameter " + name + " is given twice");
                }
                String fieldName = fieldOf(name);
                if (fieldName == null) {
                    throw new MalformedRequest("unknown query parameter " + name + ": " + ROOT + path + " takes " + wireNames());
                }
                if (!parameter.getValue().isEmpty()) {
                    byField.put(fieldName, parameter.getValue());
                }
            }
            try {
                return build.apply(new Values(byField, this::wireNameOf));
            } catch (InvalidArgument refused) {
                String wire = wireNameOf(refused.field());
                throw wire == null ? refused : refused.renamed(wire);
            }
        }

        /**
         * Server side: the answer holding {@code page}: {@code {}} when it is empty, the items
         * keyed in order, and {@code links} when there is a page beside it.
         */
        public byte[] encode(Page<T> page) {
            if (page.items().isEmpty()) {
                return EMPTY;
            }
            ObjectNode root = Json.object();
            ObjectNode items = root.putObject(field);
            page.items().forEach(item -> write.accept(item, items));
            if (page.prevLink().isPresent() || page.nextLink().isPresent()) {
                ObjectNode links = root.putObject("links");
                page.prevLink().ifPresent(prev -> links.put("prev", prev));
                page.nextLink().ifPresent(next -> links.put("next", next));
            }
            return Json.bytes(root);
        }

        /**
         * Server side: the link to page {@code page} of {@code query}, as the documentation
         * writes it: the filters that were given, in the table's order, then {@code limit}
         * (always) and {@code page}.
         */
        public String link(Q query, int limit, int page) {
            StringBuilder link = new StringBuilder(ROOT).append(path).append('?');
            for (Parameter<Q> filter : filters) {
                filter.read().apply(query).ifPresent(value -> link.append(Urls.formEncode(filter.wireName())).append('=')
                        .append(Urls.formEncode(value)).append('&'));
            }
            return link.append("limit=").append(limit).append("&page=").append(page).toString();
        }

        private String fieldOf(String wireName) {
            if (wireName.equals("limit")) {
                return "pageSize";
            }
            if (wireName.equals("page")) {
                return "page";
            }
            return filters.stream().filter(p -> p.wireName().equals(wireName)).map(Parameter::field).findFirst().orElse(null);
        }

        private String wireNameOf(String fieldName) {
            if (fieldName.equals("pageSize")) {
                return "limit";
            }
            if (fieldName.equals("page")) {
                return "page";
            }
            return filters.stream().filter(p -> p.field().equals(fieldName)).map(Parameter::wireName).findFirst().orElse(null);
        }

        private String wireNames() {
            List<String> names = new ArrayList<>();
            filters.forEach(p -> names.add(p.wireName()));
            names.add("limit");
            names.add("page");
            return String.join(", ", names);
        }
    }

    /** Reads one item of a keyed listing from a stream: its key, and the parser on its value. */
    interface ItemReader<T> {
        /** The item; consumes its value whole, and refuses it only once the value is read. */
        T read(String key, JsonParser parser) throws IOException;
    }

    /** How a listing of numbers is streamed: a reader per page, and the number that keys an item. */
    record Streamed<T>(Supplier<ItemReader<T>> reader, Function<T, PhoneNumber> key) {}

    /**
     * The items of a keyed object as the tree held them: in the server's order, a key given twice
     * once, at its first place, with its last value; the first refused item (in that order) fails
     * the page. Numbers usually come in ascending order, which proves there is no repeat without
     * remembering the keys.
     */
    private static final class Keyed<T> {
        private record Refusal(int index, String key, RuntimeException refused) {}

        private final List<T> items = new ArrayList<>();
        private List<Refusal> refusals;
        private String last;
        private boolean ascending = true;

        void add(String key, T item) {
            order(key);
            items.add(item);
        }

        void refuse(String key, RuntimeException refused) {
            order(key);
            if (refusals == null) {
                refusals = new ArrayList<>(1);
            }
            refusals.add(new Refusal(items.size(), key, refused));
            items.add(null);
        }

        // Strictly ascending keys (in String order) cannot repeat.
        private void order(String key) {
            if (ascending) {
                ascending = last == null || key.compareTo(last) > 0;
                last = key;
            }
        }

        List<T> items(Function<T, PhoneNumber> keyOf) {
            if (!ascending && repeats(keyOf)) {
                return deduplicated(keyOf);
            }
            if (refusals != null) {
                throw refusals.get(0).refused();
            }
            return items;
        }

        private String key(int index, Function<T, PhoneNumber> keyOf) {
            T item = items.get(index);
            if (item != null) {
                return keyOf.apply(item).toString();
            }
            for (Refusal refusal : refusals) {
                if (refusal.index() == index) {
                    return refusal.key();
                }
            }
            throw new IllegalStateException("no key at " + index);
        }

        private boolean repeats(Function<T, PhoneNumber> keyOf) {
            long[] numbers = new long[items.size()];
            int count = 0;
            for (int i = 0; i < items.size(); i++) {
                String key = key(i, keyOf);
                if (PhoneNumber.isWireForm(key)) {
                    numbers[count++] = Long.parseLong(key);
                }
            }
            Arrays.sort(numbers, 0, count);
            for (int i = 1; i < count; i++) {
                if (numbers[i] == numbers[i - 1]) {
                    return true;
                }
            }
            return false;
        }

        private List<T> deduplicated(Function<T, PhoneNumber> keyOf) {
            Map<String, Object> byKey = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                T item = items.get(i);
                Object entry = item;
                if (item == null) {
                    int index = i;
                    entry = refusals.stream().filter(r -> r.index() == index).findFirst().orElseThrow();
                }
                byKey.put(key(i, keyOf), entry);
            }
            List<T> out = new ArrayList<>(byKey.size());
            for (Object entry : byKey.values()) {
                if (entry instanceof Refusal refusal) {
                    throw refusal.refused();
                }
                @SuppressWarnings("unchecked")
                T item = (T) entry;
                out.add(item);
            }
            return out;
        }
    }

    // After an item refused without reading all of it: on to the end of that item.
    private static void skipTo(JsonParser parser, JsonStreamContext context) throws IOException {
        while (parser.getParsingContext() != context) {
            if (parser.nextToken() == null) {
                return;
            }
        }
    }

    /** Server side: the values of a request's query by SDK field, for a query builder. */
    public static final class Values {
        private final Map<String, String> byField;
        private final Function<String, String> wireName;

        Values(Map<String, String> byField, Function<String, String> wireName) {
            this.byField = byField;
            this.wireName = wireName;
        }

        Optional<String> text(String field) {
            return Optional.ofNullable(byField.get(field));
        }

        OptionalInt integer(String field) {
            String value = byField.get(field);
            if (value == null) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw Validation.invalid(wireName.apply(field), value, "must be a whole number");
            }
        }
    }

    private static <Q> Parameter<Q> parameter(String wireName, String field, Function<Q, Optional<String>> read) {
        return new Parameter<>(wireName, field, read);
    }

    private static Optional<String> text(Optional<?> value) {
        return value.map(v -> v instanceof BigDecimal decimal ? decimal.toPlainString() : v.toString());
    }

    /** {@code GET /v1/available-tns/npas/}. */
    public static final V1Listing<AreaCodeQuery, AreaCode> AREA_CODES = new V1Listing<>(
            "/available-tns/npas/", "npas",
            List.of(),
            List.of(parameter("maxSetupCost", "maxSetupCost", q -> text(q.maxSetupCost()))),
            values -> AreaCodeQuery.builder().pageSize(values.integer("pageSize")).page(values.integer("page")).build(),
            (key, value) -> AreaCode.of(digits(key, 3, "npas")),
            (areaCode, into) -> into.putObject(areaCode.npa())
                    .put("nxxs", ROOT + "/available-tns/npanxxs/?npa=" + areaCode.npa())
                    .put("tns", ROOT + "/available-tns/tns/?npa=" + areaCode.npa()));

    /** {@code GET /v1/available-tns/npanxxs/}. */
    public static final V1Listing<ExchangeQuery, Exchange> EXCHANGES = new V1Listing<>(
            "/available-tns/npanxxs/", "npanxxs",
            List.of(parameter("npa", "npa", ExchangeQuery::npa)),
            List.of(parameter("maxSetupCost", "maxSetupCost", q -> text(q.maxSetupCost()))),
            values -> ExchangeQuery.builder().npa(values.text("npa"))
                    .pageSize(values.integer("pageSize")).page(values.integer("page")).build(),
            (key, value) -> {
                String npaNxx = digits(key, 6, "npanxxs");
                return Exchange.of(npaNxx.substring(0, 3), npaNxx.substring(3));
            },
            (exchange, into) -> into.putObject(exchange.npa() + exchange.nxx())
                    .put("tns", ROOT + "/available-tns/tns/?npa=" + exchange.npa() + "&nxx=" + exchange.nxx()));

    /** {@code GET /v1/available-tns/tns/}; the documentation's links name state before ratecenter. */
    public static final V1Listing<NumberSearch, AvailableNumber> SEARCH = new V1Listing<>(
            "/available-tns/tns/", "tns",
            List.of(parameter("npa", "npa", NumberSearch::npa),
                    parameter("nxx", "nxx", NumberSearch::nxx),
                    parameter("state", "state", NumberSearch::state),
                    parameter("ratecenter", "rateCenter", NumberSearch::rateCenter),
                    parameter("tn", "tn", NumberSearch::tn)),
            List.of(parameter("startsWith", "startsWith", NumberSearch::startsWith),
                    parameter("contains", "contains", NumberSearch::contains),
                    parameter("endsWith", "endsWith", NumberSearch::endsWith),
                    parameter("numberType", "numberType", NumberSearch::numberType)),
            values -> NumberSearch.builder()
                    .npa(values.text("npa")).nxx(values.text("nxx"))
                    .rateCenter(values.text("rateCenter")).state(values.text("state")).tn(values.text("tn"))
                    .pageSize(values.integer("pageSize")).page(values.integer("page")).build(),
            new Streamed<>(SearchItem::new, AvailableNumber::number),
            (number, into) -> {
                ObjectNode entry = into.putObject(number.number().toString())
                        .put("initial_cost", number.initialCost().toPlainString())
                        .put("monthly_cost", number.monthlyCost().toPlainString());
                ArrayNode methods = entry.putArray("billing_methods");
                number.billingMethods().forEach(method -> methods.add(method.value()));
                entry.put("ratecenter", number.rateCenter()).put("state", number.state());
            });

    /** {@code GET /v1/tns/}. */
    public static final V1Listing<AccountNumberQuery, AccountNumber> ACCOUNT_NUMBERS = new V1Listing<>(
            NUMBER_PATH, "tns",
            List.of(parameter("pattern", "pattern", AccountNumberQuery::pattern)),
            List.of(parameter("startsWith", "startsWith", AccountNumberQuery::startsWith),
                    parameter("endsWith", "endsWith", AccountNumberQuery::endsWith),
                    parameter("alias", "alias", AccountNumberQuery::alias)),
            values -> AccountNumberQuery.builder().pattern(values.text("pattern"))
                    .pageSize(values.integer("pageSize")).page(values.integer("page")).build(),
            new Streamed<>(AccountItem::new, AccountNumber::number),
            (number, into) -> {
                ObjectNode entry = into.putObject(number.number().toString());
                routed(entry, number.billingMethod(), number.routes());
                entry.put("detail", ROOT + NUMBER_PATH + number.number());
            });

    /** {@code GET /v1/routes/}. */
    public static final V1Listing<RouteQuery, Route> ROUTES = new V1Listing<>(
            ROUTE_PATH, "routes",
            List.of(),
            List.of(parameter("routeType", "routeType", q -> q.routeType().map(RouteType::value))),
            values -> RouteQuery.builder().pageSize(values.integer("pageSize")).page(values.integer("page")).build(),
            V1Wire::route,
            (route, into) -> into.putObject(route.name())
                    .put("type", route.type().value())
                    .put("value", route.value().orElse(null)));

    // An item of the number search: each field read as the tree decoder read it, and checked in
    // its order (number, initial_cost, monthly_cost, billing_methods, ratecenter, state).
    private static final class SearchItem implements ItemReader<AvailableNumber> {
        private final Json.Field<BigDecimal> initialCost = new Json.Field<>();
        private final Json.Field<BigDecimal> monthlyCost = new Json.Field<>();
        private final Json.Field<List<BillingMethod>> billingMethods = new Json.Field<>();
        // Refilled for each item: the builder copies it.
        private final List<BillingMethod> methods = new ArrayList<>(2);
        private final Json.Field<String> rateCenter = new Json.Field<>();
        private final Json.Field<String> state = new Json.Field<>();

        @Override
        public AvailableNumber read(String key, JsonParser parser) throws IOException {
            initialCost.clear();
            monthlyCost.clear();
            billingMethods.clear();
            rateCenter.clear();
            state.clear();
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    switch (name) {
                        case "initial_cost" -> initialCost.read(parser, value -> money(value, "initial_cost"));
                        case "monthly_cost" -> monthlyCost.read(parser, value -> money(value, "monthly_cost"));
                        case "billing_methods" -> {
                            try {
                                billingMethods.set(billingMethods(parser, methods));
                            } catch (FlowrouteTransportException | IllegalArgumentException | IllegalStateException
                                    | NullPointerException refused) {
                                billingMethods.refuse(refused);
                            }
                        }
                        case "ratecenter" -> rateCenter.read(parser, value -> Json.text(value, "ratecenter"));
                        case "state" -> state.read(parser, value -> Json.text(value, "state"));
                        default -> parser.skipChildren();
                    }
                }
            } else {
                // Not an object: every field is missing, as the tree's path() found them.
                parser.skipChildren();
            }
            return AvailableNumber.builder()
                    .number(number(key))
                    .initialCost(initialCost.required("initial_cost"))
                    .monthlyCost(monthlyCost.required("monthly_cost"))
                    .billingMethods(orEmpty(billingMethods.value()))
                    .rateCenter(rateCenter.required("ratecenter"))
                    .state(state.required("state"))
                    .build();
        }
    }

    // An item of the account listing: number, billing_method, routes, in the tree decoder's order.
    private static final class AccountItem implements ItemReader<AccountNumber> {
        private final Json.Field<String> billingMethod = new Json.Field<>();
        private final Json.Field<List<Route>> routes = new Json.Field<>();
        private final Json.Field<String> name = new Json.Field<>();
        private final Json.Field<String> type = new Json.Field<>();
        private final Json.Field<String> value = new Json.Field<>();
        // Refilled for each item: the builder copies it.
        private final List<Route> listed = new ArrayList<>(2);

        @Override
        public AccountNumber read(String key, JsonParser parser) throws IOException {
            billingMethod.clear();
            routes.clear();
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "billing_method" -> billingMethod.read(parser, text -> Json.text(text, "billing_method"));
                        case "routes" -> {
                            try {
                                routes.set(routes(parser));
                            } catch (FlowrouteTransportException | IllegalArgumentException | IllegalStateException
                                    | NullPointerException refused) {
                                routes.refuse(refused);
                            }
                        }
                        default -> parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
            return AccountNumber.builder()
                    .number(number(key))
                    .billingMethod(BillingMethod.of(billingMethod.required("billing_method")))
                    .routes(orEmpty(routes.value()))
                    .build();
        }

        // A number's routes: each element's name, then type, then value, as the tree read them;
        // the whole array is read before the first refusal is thrown.
        private List<Route> routes(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.START_ARRAY) {
                parser.skipChildren();
                throw Json.malformed("\"routes\" is " + Json.nodeType(token) + ", expected an array");
            }
            List<Route> out = listed;
            out.clear();
            RuntimeException refused = null;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    refused = refused != null ? refused : Json.missing("name");
                    continue;
                }
                name.clear();
                type.clear();
                value.clear();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "name" -> name.read(parser, text -> Json.text(text, "name"));
                        case "type" -> type.read(parser, text -> Json.text(text, "type"));
                        case "value" -> value.read(parser, text -> Json.text(text, "value"));
                        default -> parser.skipChildren();
                    }
                }
                if (refused == null) {
                    try {
                        out.add(Route.of(name.required("name"), RouteType.of(type.required("type")), value.value()));
                    } catch (FlowrouteTransportException | IllegalArgumentException | IllegalStateException
                            | NullPointerException e) {
                        refused = e;
                    }
                }
            }
            if (refused != null) {
                throw refused;
            }
            return out;
        }
    }

    // ---- single resources and request bodies --------------------------------------------------

    /** The answer to {@code GET /v1/tns/{number}}. */
    public static NumberDetails decodeDetails(byte[] body) {
        JsonNode root = Json.responseObject(body);
        return Json.build(() -> NumberDetails.builder()
                .billingMethod(BillingMethod.of(Json.requiredText(root, "billing_method")))
                .routes(numberRoutes(root.path("routes")))
                .build());
    }

    /** Server side: the answer to {@code GET /v1/tns/{number}}. */
    public static byte[] encodeDetails(NumberDetails details) {
        ObjectNode root = Json.object();
        routed(root, details.billingMethod(), details.routes());
        return Json.bytes(root);
    }

    /** {@code {"billing_method":"METERED"}}. */
    public static byte[] purchaseBody(BillingMethod billingMethod) {
        return Json.bytes(Json.object().put("billing_method", billingMethod.value()));
    }

    /** Server side: the billing method a purchase body asks for, as sent. */
    public static String decodePurchase(byte[] body) {
        return Json.requestText(Json.requestObject(body, "{\"billing_method\": \"METERED\"}"), "billing_method", "billing_method");
    }

    /** {@code {"routes":[{"name":primary},{"name":failover}]}}. */
    public static byte[] updateRoutesBody(String primary, String failover) {
        ObjectNode root = Json.object();
        ArrayNode routes = root.putArray("routes");
        routes.addObject().put("name", primary);
        routes.addObject().put("name", failover);
        return Json.bytes(root);
    }

    /** Server side: the primary and failover route names of a route update, in that order. */
    public static List<String> decodeUpdateRoutes(byte[] body) {
        String form = "{\"routes\": [{\"name\": \"primary\"}, {\"name\": \"failover\"}]}";
        JsonNode routes = Json.requestObject(body, form).path("routes");
        if (!routes.isArray() || routes.size() != 2) {
            throw new MalformedRequest("routes must be an array of two routes, the primary and the failover: " + form);
        }
        return List.of(Json.requestText(routes.get(0), "routes[0].name", "name"), Json.requestText(routes.get(1), "routes[1].name", "name"));
    }

    /** {@code {"type":"HOST","value":"24.239.23.40:5060"}}. */
    public static byte[] newRouteBody(NewRoute route) {
        if (route.edgeStrategy().isPresent()) {
            throw Validation.invalid("edgeStrategy", route.edgeStrategy().getAsInt(), "is supported by API v2 only: build the"
                    + " client with apiVersion(FlowrouteApiVersion.V2)");
        }
        return Json.bytes(Json.object().put("type", route.type().value()).put("value", route.value()));
    }

    /** Server side: the type and value of a route to create, as sent. */
    public static Map.Entry<String, String> decodeNewRoute(byte[] body) {
        JsonNode root = Json.requestObject(body, "{\"type\": \"HOST\", \"value\": \"24.239.23.40:5060\"}");
        return Map.entry(Json.requestText(root, "type", "type"), Json.requestText(root, "value", "value"));
    }

    /** Server side: an error body, {@code {"error": "message"}}. */
    public static byte[] errorBody(String message) {
        return Json.bytes(Json.object().put("error", message));
    }

    /** The whole body of a listing with nothing on the page. */
    private static final byte[] EMPTY = {'{', '}'};

    // ---- pieces -------------------------------------------------------------------------------

    // A number's routes show a value only when they have one: SIP-REG routes have none.
    private static void routed(ObjectNode into, Optional<BillingMethod> billingMethod, List<Route> routes) {
        into.put("billing_method", billingMethod.orElse(BillingMethod.METERED).value());
        ArrayNode array = into.putArray("routes");
        for (Route route : routes) {
            ObjectNode entry = array.addObject().put("type", route.type().value()).put("name", route.name());
            route.value().ifPresent(value -> entry.put("value", value));
        }
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

    // billing_methods, into `out`: one string, or an array whose elements are read as text (as
    // asText() read them: null is "null", an object or array ""); anything else is no billing method.
    private static List<BillingMethod> billingMethods(JsonParser parser, List<BillingMethod> out) throws IOException {
        out.clear();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            out.add(BillingMethod.of(parser.getText()));
            return out;
        }
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return out;
        }
        RuntimeException refused = null;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonToken element = parser.currentToken();
            String text = element == JsonToken.VALUE_NULL ? "null" : Json.isContainer(element) ? "" : Json.text(parser, "billing_methods");
            parser.skipChildren();
            if (refused == null) {
                try {
                    out.add(BillingMethod.of(text));
                } catch (IllegalArgumentException e) {
                    refused = e;
                }
            }
        }
        if (refused != null) {
            throw refused;
        }
        return out;
    }

    private static PhoneNumber number(String key) {
        return PhoneNumbers.fromWire("key", key);
    }

    private static String digits(String key, int length, String field) {
        if (key.length() != length || !Validation.isDigits(key)) {
            throw Json.malformed("key \"" + key + "\" of \"" + field + "\" is not " + length + " digits");
        }
        return key;
    }

    private static <E> List<E> orEmpty(List<E> list) {
        return list == null ? List.of() : list;
    }

    // A v1 amount: a JSON number as it is, or a string holding one (no detour through double).
    private static BigDecimal money(JsonParser parser, String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        String text = Json.text(parser, field);
        if (text == null) {
            throw Json.missing(field);
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw Json.malformed("\"" + field + "\" is not a decimal amount: " + Json.shown(parser));
        }
    }

    private static Optional<String> serverLink(JsonToken token, String text, String name) {
        if (token == null || token == JsonToken.VALUE_NULL || (token == JsonToken.VALUE_STRING && text.isEmpty())) {
            return Optional.empty();
        }
        if (token != JsonToken.VALUE_STRING) {
            throw Json.malformed("links." + name + " is " + Json.nodeType(token) + ", expected a path");
        }
        return Optional.of(text);
    }
}
