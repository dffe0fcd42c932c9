package com.flowroute.numbers.internal.v2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.EdgeStrategy;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.NumberUpdate;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PagedQuery;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.RouteRole;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.Validation.InvalidArgument;
import com.flowroute.numbers.internal.Json;
import com.flowroute.numbers.internal.MalformedRequest;
import com.flowroute.numbers.internal.PhoneNumbers;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.WireRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything the v2 numbers and routes API puts on the wire, in both directions and in one
 * place: paths, each listing's query parameters and how the SDK's queries map onto them, offset
 * paging, the JSON:API resources of numbers, routes, area codes, exchanges and edge strategies,
 * request bodies, and the {@code errors[]} body. The client encodes requests and decodes answers
 * with it; the sandbox decodes requests and encodes answers with the same tables.
 * Not part of the SDK's contract.
 */
public final class V2Wire {
    /** The version's path segment, from the API root. */
    public static final String ROOT = "/v2";
    /** The account's numbers, and before a number its resource. */
    public static final String NUMBERS_PATH = "/numbers";
    /** The account's routes, and before an id its resource. */
    public static final String ROUTES_PATH = "/routes";
    /** The points of presence. */
    public static final String EDGE_STRATEGIES_PATH = "/routes/edge_strategies";
    /** The page size the server uses when a request names none. */
    public static final int DEFAULT_LIMIT = 10;
    /** The largest page of most listings. */
    public static final int MAX_LIMIT = 200;
    /** The largest page of the area code listing. */
    public static final int MAX_AREA_CODE_LIMIT = 400;

    private static final String ONLY_V1 = "is a v1 page number; over v2 use pageSize and page, which become limit and offset";

    private V2Wire() {}

    // ---- route types ----------------------------------------------------------------------------

    /** The v2 name of a route type: {@code host}, {@code number} (PSTN), {@code uri}, {@code sip-reg}; unknown ones as they are. */
    public static String routeType(RouteType type) {
        if (type.equals(RouteType.HOST)) {
            return "host";
        }
        if (type.equals(RouteType.PSTN)) {
            return "number";
        }
        if (type.equals(RouteType.URI)) {
            return "uri";
        }
        if (type.equals(RouteType.SIP_REG)) {
            return "sip-reg";
        }
        return type.value();
    }

    /** The route type a v2 name stands for; an unknown name is kept raw. */
    public static RouteType routeType(String wire) {
        return switch (wire) {
            case "host" -> RouteType.HOST;
            case "number" -> RouteType.PSTN;
            case "uri" -> RouteType.URI;
            case "sip-reg" -> RouteType.SIP_REG;
            default -> RouteType.of(wire);
        };
    }

    // ---- listings -------------------------------------------------------------------------------

    /** A query parameter of a listing: its wire name, the SDK field it carries, how to read it. */
    public record Parameter<Q>(String wireName, String field, Function<Q, Optional<String>> read) {}

    /** Server side: a listing request's filters as an SDK query, with the page it asks for. */
    public record PageRequest<Q>(Q query, int limit, int offset) {}

    /**
     * One v2 listing: its path, its query parameters, its page-size limit, and how an item is
     * read and written.
     *
     * @param <Q> the SDK query
     * @param <T> the item
     */
    public static final class V2Listing<Q extends PagedQuery, T> {
        /** Server side: writes one item as a resource, its links absolute under {@code origin}, as Flowroute's are. */
        @FunctionalInterface
        interface ResourceWriter<T> {
            void write(T item, ObjectNode into, String origin);
        }

        private final String path;
        private final int maxLimit;
        private final List<Parameter<Q>> filters;
        private final Function<Values, Q> build;
        private final Function<JsonNode, T> read;
        private final Supplier<JsonApi.ResourceReader<T>> streamed;
        private final ResourceWriter<T> write;

        // A listing read from a tree (the small ones).
        V2Listing(String path, int maxLimit, List<Parameter<Q>> filters, Function<Values, Q> build,
                Function<JsonNode, T> read, ResourceWriter<T> write) {
            this(path, maxLimit, filters, build, read, null, write);
        }

        // A listing of numbers, read in one streaming pass.
        V2Listing(String path, int maxLimit, List<Parameter<Q>> filters, Function<Values, Q> build,
                Supplier<JsonApi.ResourceReader<T>> streamed, ResourceWriter<T> write) {
            this(path, maxLimit, filters, build, null, streamed, write);
        }

        private V2Listing(String path, int maxLimit, List<Parameter<Q>> filters, Function<Values, Q> build,
                Function<JsonNode, T> read, Supplier<JsonApi.ResourceReader<T>> streamed, ResourceWriter<T> write) {
            this.path = path;
            this.maxLimit = maxLimit;
            this.filters = filters;
            this.build = build;
            this.read = read;
            this.streamed = streamed;
            this.write = write;
        }

        /** The listing's path under {@link #ROOT}, such as {@code /numbers}. */
        public String path() {
            return path;
        }

        /**
         * The first request's query: the filters, then {@code limit} when the query sets a page
         * size, and {@code offset = (page - 1) * pageSize} when it starts past the first page.
         */
        public List<Map.Entry<String, String>> parameters(Q query) {
            List<Map.Entry<String, String>> out = new ArrayList<>(filters.size() + 2);
            for (Parameter<Q> parameter : filters) {
                Optional<String> value = parameter.read().apply(query);
                if (value.isPresent()) {
                    out.add(Map.entry(parameter.wireName(), value.get()));
                }
            }
            addPaging(out, query);
            return out;
        }

        /** A page of this listing's answer; {@link Page#nextLink()} is the server's, see {@link #continuation}. */
        public Page<T> decode(byte[] body) {
            if (streamed != null) {
                return JsonApi.readList(body, streamed.get());
            }
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

        /**
         * Server side: the page a request's parameters ask for, its filters checked by the SDK's
         * own query type.
         *
         * @throws MalformedRequest for an unknown, repeated or non-numeric parameter
         * @throws InvalidArgument for a value out of its range, naming the wire parameter
         */
        public PageRequest<Q> decodeQuery(List<Map.Entry<String, String>> given) {
            Map<String, String> byField = new HashMap<>();
            Map<String, String> seen = new HashMap<>();
            int limit = DEFAULT_LIMIT;
            int offset = 0;
            for (Map.Entry<String, String> parameter : given) {
                String name = parameter.getKey();
                String value = parameter.getValue();
                if (seen.put(name, value) != null) {
                    throw new MalformedRequest("query parameter " + name + " is given twice");
                }
                if (name.equals("limit")) {
                    limit = wholeNumber(name, value);
                    Validation.require(limit >= 1 && limit <= maxLimit, "limit", value, "must be between 1 and " + maxLimit);
                } else if (name.equals("offset")) {
                    offset = wholeNumber(name, value);
                    Validation.require(offset >= 0, "offset", value, "must be 0 or more");
                } else {
                    String field = filters.stream().filter(p -> p.wireName().equals(name)).map(Parameter::field)
                            .findFirst().orElseThrow(() -> new MalformedRequest("unknown query parameter " + name + ": "
                                    + ROOT + path + " takes " + wireNames()));
                    if (!value.isEmpty()) {
                        byField.put(field, value);
                    }
                }
            }
            try {
                return new PageRequest<>(build.apply(new Values(byField)), limit, offset);
            } catch (InvalidArgument refused) {
                String wire = filters.stream().filter(p -> p.field().equals(refused.field())).map(Parameter::wireName)
                        .findFirst().orElse(null);
                throw wire == null ? refused : refused.renamed(wire);
            }
        }

        /**
         * Server side: the list document of {@code items}, {@code links.self} the request's absolute
         * URL and {@code links.next} only while more remain; each resource's links are absolute on
         * the origin of {@code self}.
         */
        public byte[] encode(List<T> items, String self, Optional<String> next) {
            ObjectNode document = Json.object();
            ArrayNode data = document.putArray("data");
            String origin = Urls.origin(URI.create(self));
            items.forEach(item -> write.write(item, data.addObject(), origin));
            ObjectNode links = document.putObject("links").put("self", self);
            next.ifPresent(link -> links.put("next", link));
            return Json.bytes(document);
        }

        private String wireNames() {
            List<String> names = new ArrayList<>();
            filters.forEach(p -> names.add(p.wireName()));
            names.add("limit");
            names.add("offset");
            return String.join(", ", names);
        }
    }

    /**
     * {@code filters}, then {@code limit} when {@code query} sets a page size, and
     * {@code offset = (page - 1) * pageSize} when it starts past the first page: the first
     * request of every v2 listing.
     */
    public static List<Map.Entry<String, String>> paged(List<Map.Entry<String, String>> filters, PagedQuery query) {
        List<Map.Entry<String, String>> out = new ArrayList<>(filters.size() + 2);
        out.addAll(filters);
        addPaging(out, query);
        return out;
    }

    private static void addPaging(List<Map.Entry<String, String>> out, PagedQuery query) {
        if (query.pageSize().isPresent()) {
            out.add(Map.entry("limit", Integer.toString(query.pageSize().getAsInt())));
        }
        int offset = (query.page().orElse(1) - 1) * query.pageSize().orElse(DEFAULT_LIMIT);
        if (offset > 0) {
            out.add(Map.entry("offset", Integer.toString(offset)));
        }
    }

    /**
     * The page as the caller sees it: its {@link Page#nextLink()} replaced by the request the
     * client computes itself (the same query at {@code offset} = items so far), present only when
     * the server said more remain and this page had items. The server's own {@code links.next}
     * is never followed: real responses have pointed it at internal hosts.
     */
    public static <T> Page<T> continuation(WireRequest sent, Page<T> page) {
        if (page.nextLink().isEmpty() && page.prevLink().isEmpty()) {
            // Already the last page as the caller sees it (no copy of its items).
            return page;
        }
        if (page.nextLink().isEmpty() || page.items().isEmpty()) {
            return Page.of(page.items(), Optional.empty(), Optional.empty());
        }
        String sentOffset = sent.parameter("offset");
        int offset = (sentOffset == null ? 0 : Integer.parseInt(sentOffset)) + page.items().size();
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (Map.Entry<String, String> parameter : sent.query()) {
            if (!parameter.getKey().equals("offset")) {
                query.add(parameter);
            }
        }
        query.add(Map.entry("offset", Integer.toString(offset)));
        return Page.of(page.items(), Optional.of(sent.rawPath() + "?" + Urls.query(query)), Optional.empty());
    }

    /** Server side: the values of a request's query by SDK field, for a query builder. */
    public static final class Values {
        private final Map<String, String> byField;

        Values(Map<String, String> byField) {
            this.byField = byField;
        }

        Optional<String> text(String field) {
            return Optional.ofNullable(byField.get(field));
        }

        Optional<BigDecimal> decimal(String field) {
            String value = byField.get(field);
            if (value == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new BigDecimal(value));
            } catch (NumberFormatException e) {
                throw Validation.invalid(field, value, "must be a decimal amount such as 1.50");
            }
        }
    }

    private static int wholeNumber(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new MalformedRequest(Validation.message(name, value, "must be a whole number"));
        }
    }

    private static <Q> Parameter<Q> parameter(String wireName, String field, Function<Q, Optional<String>> read) {
        return new Parameter<>(wireName, field, read);
    }

    private static Optional<String> decimalText(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString);
    }

    /** {@code GET /v2/numbers/available/areacodes}. */
    public static final V2Listing<AreaCodeQuery, AreaCode> AREA_CODES = new V2Listing<>(
            "/numbers/available/areacodes", MAX_AREA_CODE_LIMIT,
            List.of(parameter("max_setup_cost", "maxSetupCost", q -> decimalText(q.maxSetupCost()))),
            values -> AreaCodeQuery.builder().maxSetupCost(values.decimal("maxSetupCost")).build(),
            resource -> AreaCode.of(codeDigits(JsonApi.id(resource), 3, "areacode")),
            (areaCode, into, origin) -> {
                into.put("type", "areacode").put("id", areaCode.npa());
                into.putObject("links").put("related", origin + ROOT + "/numbers/available/exchanges?areacode=" + areaCode.npa());
            });

    /** {@code GET /v2/numbers/available/exchanges}. */
    public static final V2Listing<ExchangeQuery, Exchange> EXCHANGES = new V2Listing<>(
            "/numbers/available/exchanges", MAX_LIMIT,
            List.of(parameter("areacode", "npa", ExchangeQuery::npa),
                    parameter("max_setup_cost", "maxSetupCost", q -> decimalText(q.maxSetupCost()))),
            values -> ExchangeQuery.builder().npa(values.text("npa")).maxSetupCost(values.decimal("maxSetupCost")).build(),
            resource -> {
                String npaNxx = codeDigits(JsonApi.id(resource), 6, "exchange");
                return Exchange.of(npaNxx.substring(0, 3), npaNxx.substring(3));
            },
            (exchange, into, origin) -> {
                into.put("type", "exchange").put("id", exchange.npa() + exchange.nxx());
                into.putObject("links").put("related", origin + ROOT + "/numbers/available?starts_with=1" + exchange.npa() + exchange.nxx());
            });

    /**
     * {@code GET /v2/numbers/available}: {@code npa} (and {@code nxx}) and {@code tn} become
     * {@code starts_with}, so at most one of them and {@code startsWith} may be set.
     */
    public static final V2Listing<NumberSearch, AvailableNumber> SEARCH = new V2Listing<>(
            "/numbers/available", MAX_LIMIT,
            List.of(parameter("starts_with", "startsWith", V2Wire::searchStartsWith),
                    parameter("contains", "contains", NumberSearch::contains),
                    parameter("ends_with", "endsWith", NumberSearch::endsWith),
                    parameter("rate_center", "rateCenter", NumberSearch::rateCenter),
                    parameter("state", "state", NumberSearch::state),
                    parameter("number_type", "numberType", NumberSearch::numberType)),
            values -> NumberSearch.builder()
                    .startsWith(values.text("startsWith")).contains(values.text("contains")).endsWith(values.text("endsWith"))
                    .rateCenter(values.text("rateCenter")).state(values.text("state")).numberType(values.text("numberType"))
                    .build(),
            SearchResource::new,
            (number, into, origin) -> {
                into.put("type", "number").put("id", number.number().toString());
                into.putObject("attributes")
                        .put("value", number.number().toString())
                        .put("rate_center", number.rateCenter().toLowerCase(Locale.ROOT))
                        .put("state", number.state().toLowerCase(Locale.ROOT))
                        .put("monthly_cost", number.monthlyCost())
                        .put("setup_cost", number.initialCost())
                        .put("number_type", number.numberType().orElse("standard"));
                into.putObject("links").put("related", origin + ROOT + NUMBERS_PATH + "/" + number.number());
            });

    /** {@code GET /v2/numbers}: attributes only, no routes ({@code details()} has them). */
    public static final V2Listing<AccountNumberQuery, AccountNumber> ACCOUNT_NUMBERS = new V2Listing<>(
            NUMBERS_PATH, MAX_LIMIT,
            List.of(parameter("starts_with", "startsWith", AccountNumberQuery::startsWith),
                    parameter("contains", "pattern", AccountNumberQuery::pattern),
                    parameter("ends_with", "endsWith", AccountNumberQuery::endsWith),
                    parameter("alias", "alias", AccountNumberQuery::alias)),
            values -> AccountNumberQuery.builder().startsWith(values.text("startsWith")).pattern(values.text("pattern"))
                    .endsWith(values.text("endsWith")).alias(values.text("alias")).build(),
            AccountResource::new,
            (number, into, origin) -> {
                into.put("type", "number").put("id", number.number().toString());
                writeNumberAttributes(into.putObject("attributes"), number.number(), number.alias(), number.rateCenter(),
                        number.state(), number.numberType(), number.cnamLookupsEnabled());
                into.putObject("links").put("self", origin + ROOT + NUMBERS_PATH + "/" + number.number());
            });

    /** {@code GET /v2/routes}. */
    public static final V2Listing<RouteQuery, Route> ROUTES = new V2Listing<>(
            ROUTES_PATH, MAX_LIMIT,
            List.of(parameter("route_type", "routeType", q -> q.routeType().map(V2Wire::routeType))),
            values -> RouteQuery.builder().routeType(values.text("routeType").map(V2Wire::routeType)).build(),
            V2Wire::route,
            V2Wire::writeRoute);

    /** {@code GET /v2/routes/edge_strategies}. */
    public static final V2Listing<RouteQuery, EdgeStrategy> EDGE_STRATEGIES = new V2Listing<>(
            EDGE_STRATEGIES_PATH, MAX_LIMIT,
            List.of(),
            values -> RouteQuery.all(),
            resource -> {
                JsonNode attributes = JsonApi.attributes(resource);
                String id = JsonApi.id(resource);
                if (!Validation.isDigits(id) || id.length() > 9) {
                    throw Json.malformed("edge strategy id \"" + id + "\" is not a whole number");
                }
                return EdgeStrategy.builder().id(Integer.parseInt(id))
                        .name(Json.requiredText(attributes, "name"))
                        .description(Json.optionalText(attributes, "description"))
                        .naptr(Json.optionalText(attributes, "naptr"))
                        .firewallRules(Json.optionalText(attributes, "firewall_rules"))
                        .build();
            },
            (strategy, into, origin) -> {
                into.put("type", "edge_strategy").put("id", strategy.id());
                ObjectNode attributes = into.putObject("attributes").put("name", strategy.name());
                strategy.description().ifPresent(text -> attributes.put("description", text));
                strategy.firewallRules().ifPresent(text -> attributes.put("firewall_rules", text));
                strategy.naptr().ifPresent(text -> attributes.put("naptr", text));
            });

    // A resource of the number search, its attributes checked in the tree decoder's order: the
    // number (value, else id), setup_cost, monthly_cost, rate_center, state, number_type.
    private static final class SearchResource extends JsonApi.ResourceReader<AvailableNumber> {
        private final Json.Field<String> value = new Json.Field<>();
        private final Json.Field<BigDecimal> setupCost = new Json.Field<>();
        private final Json.Field<BigDecimal> monthlyCost = new Json.Field<>();
        private final Json.Field<String> rateCenter = new Json.Field<>();
        private final Json.Field<String> state = new Json.Field<>();
        private final Json.Field<String> numberType = new Json.Field<>();

        @Override
        protected void clear() {
            value.clear();
            setupCost.clear();
            monthlyCost.clear();
            rateCenter.clear();
            state.clear();
            numberType.clear();
        }

        @Override
        protected void attribute(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "value" -> value.read(parser, text -> Json.text(text, "value"));
                case "setup_cost" -> setupCost.read(parser, amount -> JsonApi.decimal(amount, "setup_cost"));
                case "monthly_cost" -> monthlyCost.read(parser, amount -> JsonApi.decimal(amount, "monthly_cost"));
                case "rate_center" -> rateCenter.read(parser, text -> Json.text(text, "rate_center"));
                case "state" -> state.read(parser, text -> Json.text(text, "state"));
                case "number_type" -> numberType.read(parser, text -> Json.text(text, "number_type"));
                default -> parser.skipChildren();
            }
        }

        @Override
        protected AvailableNumber build() {
            AvailableNumber.Builder number = AvailableNumber.builder()
                    .number(number(value, this))
                    .initialCost(orZero(setupCost.value()))
                    .monthlyCost(orZero(monthlyCost.value()))
                    .rateCenter(upper(rateCenter.value(), ""))
                    .state(upper(state.value(), ""));
            String type = numberType.value();
            if (type != null) {
                number.numberType(type);
            }
            return number.build();
        }
    }

    // A resource of the account listing: the number, then alias, rate_center, state, number_type,
    // cnam_lookups_enabled, in the tree decoder's order.
    private static final class AccountResource extends JsonApi.ResourceReader<AccountNumber> {
        private final Json.Field<String> value = new Json.Field<>();
        private final Json.Field<String> alias = new Json.Field<>();
        private final Json.Field<String> rateCenter = new Json.Field<>();
        private final Json.Field<String> state = new Json.Field<>();
        private final Json.Field<String> numberType = new Json.Field<>();
        private final Json.Field<Boolean> cnamLookupsEnabled = new Json.Field<>();

        @Override
        protected void clear() {
            value.clear();
            alias.clear();
            rateCenter.clear();
            state.clear();
            numberType.clear();
            cnamLookupsEnabled.clear();
        }

        @Override
        protected void attribute(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "value" -> value.read(parser, text -> Json.text(text, "value"));
                case "alias" -> alias.read(parser, text -> Json.text(text, "alias"));
                case "rate_center" -> rateCenter.read(parser, text -> Json.text(text, "rate_center"));
                case "state" -> state.read(parser, text -> Json.text(text, "state"));
                case "number_type" -> numberType.read(parser, text -> Json.text(text, "number_type"));
                case "cnam_lookups_enabled" -> cnamLookupsEnabled.read(parser, flag -> JsonApi.bool(flag, "cnam_lookups_enabled"));
                default -> parser.skipChildren();
            }
        }

        @Override
        protected AccountNumber build() {
            // Each value in the tree decoder's order (each may refuse), without an Optional apiece.
            AccountNumber.Builder number = AccountNumber.builder().number(number(value, this));
            String text = alias.value();
            if (text != null) {
                number.alias(text);
            }
            text = upper(rateCenter.value(), null);
            if (text != null) {
                number.rateCenter(text);
            }
            text = upper(state.value(), null);
            if (text != null) {
                number.state(text);
            }
            text = numberType.value();
            if (text != null) {
                number.numberType(text);
            }
            Boolean enabled = cnamLookupsEnabled.value();
            if (enabled != null) {
                number.cnamLookupsEnabled(enabled);
            }
            return number.build();
        }
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static String upper(String text, String otherwise) {
        return text == null ? otherwise : text.toUpperCase(Locale.ROOT);
    }

    // The number of a streamed resource: its value attribute, else its id.
    private static PhoneNumber number(Json.Field<String> value, JsonApi.ResourceReader<?> resource) {
        String text = value.value();
        return PhoneNumbers.fromWire("value", text != null ? text : resource.id());
    }

    private static Optional<String> searchStartsWith(NumberSearch search) {
        int count = (search.npa().isPresent() ? 1 : 0) + (search.tn().isPresent() ? 1 : 0) + (search.startsWith().isPresent() ? 1 : 0);
        if (count > 1) {
            List<String> given = new ArrayList<>();
            search.npa().ifPresent(npa -> given.add("npa"));
            search.tn().ifPresent(tn -> given.add("tn"));
            search.startsWith().ifPresent(start -> given.add("startsWith"));
            throw Validation.invalid(given.get(1), search.tn().or(search::startsWith).orElse(""), "cannot be combined with "
                    + given.get(0) + " over API v2, where both become starts_with: set one of npa (and nxx), tn and startsWith");
        }
        if (search.npa().isPresent()) {
            return Optional.of("1" + search.npa().get() + search.nxx().orElse(""));
        }
        return search.tn().or(search::startsWith);
    }

    // ---- single resources and request bodies --------------------------------------------------

    /** The path of a number, such as {@code /v2/numbers/12066417744}, under {@code root}. */
    public static String numberPath(String root, PhoneNumber number) {
        return root + ROOT + NUMBERS_PATH + "/" + number;
    }

    /** The path of a number's route relationship, such as {@code .../relationships/primary_route}. */
    public static String routeRelationshipPath(String root, PhoneNumber number, RouteRole role) {
        return numberPath(root, number) + "/relationships/" + relationship(role);
    }

    /** The path of a route by id, percent-encoded. */
    public static String routePath(String root, String id) {
        return root + ROOT + ROUTES_PATH + "/" + Urls.pathSegment(id);
    }

    private static String relationship(RouteRole role) {
        return role == RouteRole.PRIMARY ? "primary_route" : "failover_route";
    }

    /**
     * A number's details document ({@code GET /v2/numbers/{n}}, a purchase's 201, a PATCH's 200):
     * the attributes, and the routes set, primary first, from {@code included}.
     */
    public static NumberDetails decodeDetails(byte[] body) {
        JsonNode document = JsonApi.document(body);
        return Json.build(() -> {
            JsonNode resource = JsonApi.resource(document);
            NumberDetails.Builder builder = NumberDetails.builder();
            numberAttributes(JsonApi.attributes(resource), builder::alias, builder::rateCenter, builder::state,
                    builder::numberType, builder::cnamLookupsEnabled);
            for (RouteRole role : RouteRole.values()) {
                JsonApi.relationshipId(resource, relationship(role)).ifPresent(id -> builder.addRoutes(
                        JsonApi.included(document, "route", id).map(V2Wire::route)
                                // A route the document does not include is still set: name it by its id.
                                .orElseGet(() -> Route.builder().id(id).name(id).type(RouteType.of("unknown")).build())));
            }
            builder.e911AddressId(JsonApi.relationshipId(resource, "e911_address"));
            builder.cnamPresetId(JsonApi.relationshipId(resource, "cnam_preset"));
            return builder.build();
        });
    }

    /** The number of a number document, such as a purchase's answer, when it names one. */
    public static Optional<PhoneNumber> documentNumber(byte[] body) {
        return Json.lenient(body).map(document -> document.path("data"))
                .filter(JsonNode::isObject)
                .flatMap(resource -> Json.optionalText(JsonApi.attributes(resource), "value").or(() -> Json.optionalText(resource, "id")))
                .filter(PhoneNumber::isWireForm)
                .map(PhoneNumber::parse);
    }

    /** {@code {"data":{"type":"route","id":id}}}, to set a number's route. */
    public static byte[] routeRelationshipBody(String routeId) {
        return JsonApi.relationship("route", routeId);
    }

    /** {@code {"data":{"type":"route","attributes":{"alias","route_type","value"[,"edge_strategy_id"]}}}}. */
    public static byte[] newRouteBody(NewRoute route) {
        ObjectNode document = Json.object();
        ObjectNode attributes = JsonApi.newResource(document, "route")
                .put("alias", route.name())
                .put("route_type", routeType(route.type()))
                .put("value", route.value());
        route.edgeStrategy().ifPresent(id -> attributes.put("edge_strategy_id", id));
        return Json.bytes(document);
    }

    /** The route of a route document, such as the 201 of a create. */
    public static Route decodeRoute(byte[] body) {
        JsonNode document = JsonApi.document(body);
        return Json.build(() -> route(JsonApi.resource(document)));
    }

    /** The unwrapped {@code {"type":"number","alias":..,"cnam_lookups_enabled":..}} of a number PATCH. */
    public static byte[] numberUpdateBody(NumberUpdate update) {
        ObjectNode body = Json.object().put("type", "number");
        update.alias().ifPresent(alias -> body.put("alias", alias));
        update.cnamLookupsEnabled().ifPresent(enabled -> body.put("cnam_lookups_enabled", enabled));
        return Json.bytes(body);
    }

    // ---- server side ----------------------------------------------------------------------------

    /** Server side: a number's details document, its routes included, its links under {@code origin}. */
    public static byte[] encodeDetails(String origin, PhoneNumber number, NumberDetails details, List<Route> routesByRole) {
        ObjectNode document = Json.object();
        ObjectNode data = document.putObject("data").put("type", "number").put("id", number.toString());
        writeNumberAttributes(data.putObject("attributes"), number, details.alias(), details.rateCenter(), details.state(),
                details.numberType(), details.cnamLookupsEnabled());
        ObjectNode relationships = data.putObject("relationships");
        relationships.putObject("cnam_preset").set("data", reference("cnam", details.cnamPresetId()));
        relationships.putObject("e911_address").set("data", reference("e911", details.e911AddressId()));
        ArrayNode included = document.putArray("included");
        for (RouteRole role : List.of(RouteRole.FAILOVER, RouteRole.PRIMARY)) {
            int index = role == RouteRole.PRIMARY ? 0 : 1;
            Optional<Route> route = routesByRole.size() > index ? Optional.ofNullable(routesByRole.get(index)) : Optional.empty();
            relationships.putObject(relationship(role)).set("data", reference("route", route.flatMap(Route::id)));
        }
        routesByRole.stream().filter(java.util.Objects::nonNull).distinct().forEach(route -> writeRoute(route, included.addObject(), origin));
        data.putObject("links").put("self", origin + ROOT + NUMBERS_PATH + "/" + number);
        document.putObject("links").put("self", origin + ROOT + NUMBERS_PATH + "/" + number);
        return Json.bytes(document);
    }

    /** Server side: a route document, such as the 201 of a create, its link under {@code origin}. */
    public static byte[] encodeRoute(String origin, Route route) {
        ObjectNode document = Json.object();
        writeRoute(route, document.putObject("data"), origin);
        return Json.bytes(document);
    }

    /** Server side: the alias, v2 route type and value of a route create or update, as sent, and its edge strategy. */
    public record RouteRequest(String alias, String routeType, String value, OptionalInt edgeStrategy) {}

    /** Server side: a route create or update body. */
    public static RouteRequest decodeRouteRequest(byte[] body) {
        String form = "{\"data\": {\"type\": \"route\", \"attributes\": {\"alias\": \"office\", \"route_type\": \"host\","
                + " \"value\": \"24.239.23.40:5060\"}}}";
        JsonNode data = Json.requestObject(body, form).path("data");
        if (!data.isObject() || !"route".equals(data.path("type").asText())) {
            throw new MalformedRequest("data must be an object of type \"route\": expected JSON such as " + form);
        }
        JsonNode attributes = data.path("attributes");
        JsonNode edge = attributes.path("edge_strategy_id");
        OptionalInt edgeStrategy = OptionalInt.empty();
        if (!edge.isMissingNode() && !edge.isNull()) {
            if (!edge.canConvertToInt() && !(edge.isTextual() && Validation.isDigits(edge.asText()) && edge.asText().length() < 10)) {
                throw new MalformedRequest("data.attributes.edge_strategy_id must be a whole number");
            }
            edgeStrategy = OptionalInt.of(edge.isTextual() ? Integer.parseInt(edge.asText()) : edge.asInt());
        }
        return new RouteRequest(Json.requestText(attributes, "data.attributes.alias", "alias"),
                Json.requestText(attributes, "data.attributes.route_type", "route_type"),
                Json.requestText(attributes, "data.attributes.value", "value"), edgeStrategy);
    }

    /** Server side: the route id of a relationship body {@code {"data":{"type":"route","id":..}}}. */
    public static String decodeRouteRelationship(byte[] body) {
        String form = "{\"data\": {\"type\": \"route\", \"id\": \"83834\"}}";
        JsonNode data = Json.requestObject(body, form).path("data");
        if (!data.isObject() || !"route".equals(data.path("type").asText()) || !data.path("id").isValueNode()) {
            throw new MalformedRequest("data must be {\"type\": \"route\", \"id\": ...}: expected JSON such as " + form);
        }
        return data.path("id").asText();
    }

    /** Server side: a number PATCH body as a {@link NumberUpdate}. */
    public static NumberUpdate decodeNumberUpdate(byte[] body) {
        JsonNode root = Json.requestObject(body, "{\"type\": \"number\", \"alias\": \"NYC main\", \"cnam_lookups_enabled\": true}");
        NumberUpdate.Builder update = NumberUpdate.builder();
        JsonNode alias = root.path("alias");
        if (!alias.isMissingNode() && !alias.isNull()) {
            if (!alias.isTextual()) {
                throw new MalformedRequest("alias must be a string");
            }
            update.alias(alias.asText());
        }
        JsonNode cnam = root.path("cnam_lookups_enabled");
        if (!cnam.isMissingNode() && !cnam.isNull()) {
            if (!cnam.isBoolean()) {
                throw new MalformedRequest("cnam_lookups_enabled must be true or false");
            }
            update.cnamLookupsEnabled(cnam.booleanValue());
        }
        return update.build();
    }

    /** Server side: {@code {"errors":[{"id","status","title","detail"}]}}. */
    public static byte[] errorBody(String id, int status, String title, String detail) {
        ObjectNode document = Json.object();
        document.putArray("errors").addObject().put("id", id).put("status", status).put("title", title).put("detail", detail);
        return Json.bytes(document);
    }

    // ---- pieces -------------------------------------------------------------------------------

    private static Route route(JsonNode resource) {
        JsonNode attributes = JsonApi.attributes(resource);
        String id = JsonApi.id(resource);
        return Route.builder().id(id)
                .name(Json.optionalText(attributes, "alias").orElse(id))
                .type(routeType(Json.requiredText(attributes, "route_type")))
                .value(Json.optionalText(attributes, "value"))
                .build();
    }

    private static void writeRoute(Route route, ObjectNode into, String origin) {
        String id = route.id().orElseThrow(() -> new IllegalArgumentException("route " + route.name() + " has no id"));
        into.put("type", "route").put("id", id);
        into.putObject("attributes")
                .put("alias", route.name())
                .put("route_type", routeType(route.type()))
                .put("value", route.value().orElse(null));
        into.putObject("links").put("self", origin + ROOT + ROUTES_PATH + "/" + id);
    }

    private static JsonNode reference(String type, Optional<String> id) {
        return id.<JsonNode>map(value -> Json.object().put("type", type).put("id", value)).orElse(Json.object().nullNode());
    }

    private interface Setter<V> {
        void set(Optional<V> value);
    }

    private static void numberAttributes(JsonNode attributes, Setter<String> alias, Setter<String> rateCenter,
            Setter<String> state, Setter<String> numberType, Setter<Boolean> cnamLookupsEnabled) {
        alias.set(Json.optionalText(attributes, "alias"));
        rateCenter.set(upper(Json.optionalText(attributes, "rate_center")));
        state.set(upper(Json.optionalText(attributes, "state")));
        numberType.set(Json.optionalText(attributes, "number_type"));
        cnamLookupsEnabled.set(JsonApi.bool(attributes, "cnam_lookups_enabled"));
    }

    private static void writeNumberAttributes(ObjectNode attributes, PhoneNumber number, Optional<String> alias,
            Optional<String> rateCenter, Optional<String> state, Optional<String> numberType, Optional<Boolean> cnam) {
        attributes.put("alias", alias.orElse(null))
                .put("cnam_lookups_enabled", cnam.orElse(false))
                .put("number_type", numberType.orElse("standard"))
                .put("rate_center", rateCenter.map(text -> text.toLowerCase(Locale.ROOT)).orElse(null))
                .put("state", state.map(text -> text.toLowerCase(Locale.ROOT)).orElse(null))
                .put("value", number.toString());
    }

    // The SDK's models spell rate centers and states as v1 does (SEATTLE, WA), whatever the version.
    private static Optional<String> upper(Optional<String> text) {
        return text.map(value -> value.toUpperCase(Locale.ROOT));
    }

    private static String codeDigits(String id, int length, String type) {
        if (id.length() != length || !Validation.isDigits(id)) {
            throw Json.malformed(type + " id \"" + id + "\" is not " + length + " digits");
        }
        return id;
    }
}
