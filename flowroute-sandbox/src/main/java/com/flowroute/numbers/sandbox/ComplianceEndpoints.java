package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.CnamQuery;
import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.E911Address;
import com.flowroute.numbers.E911Query;
import com.flowroute.numbers.E911Record;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.E911AddressRules;
import com.flowroute.numbers.internal.Json;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.v2.ComplianceJson;
import com.flowroute.numbers.internal.v2.ComplianceProtocol;
import com.flowroute.numbers.internal.v2.V2Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The v2 E911 and CNAM endpoints over {@link ComplianceRecords}, read and written with the
 * client's own codec ({@link ComplianceJson}) at the client's own paths
 * ({@link ComplianceProtocol}). Statuses as Flowroute documents them: 201 for a new record, 204
 * for a validation and for E911 relationship changes and deletes, 202 for CNAM relationship
 * changes; a body or query that cannot be read is a 400, an address that does not geocode
 * Flowroute's 400 "Could not geocode this address...", a value that breaks a rule (or paging out
 * of range) a 422, as is a refusal of the state (deleting a record in use, E911 on a toll-free
 * number, assigning an unapproved CNAM record); a number or record not on the account a 404. The
 * number's CNAM relationship is served under both {@code relationships/cnams}, as Flowroute
 * documents it, and {@code relationships/cnam}, as its Python and .NET libraries send it.
 */
final class ComplianceEndpoints {
    private static final String E911S = ComplianceProtocol.E911S_PATH;
    private static final String E911 = E911S + "/{id}";
    private static final String CNAMS = ComplianceProtocol.CNAMS_PATH;
    private static final String CNAM = CNAMS + "/{id}";
    private static final String NUMBER = V2Wire.ROOT + V2Wire.NUMBERS_PATH + "/{number}";
    private static final String E911_RELATIONSHIP = NUMBER + ComplianceProtocol.E911_RELATIONSHIP;
    /** Flowroute's documented form, then the singular one its Python and .NET libraries send. */
    private static final List<String> CNAM_RELATIONSHIPS = List.of(
            NUMBER + ComplianceProtocol.CNAM_RELATIONSHIP, NUMBER + "/relationships/cnam");
    /** Examples of the bodies, for the messages of a 400, as the client writes them. */
    private static final String E911_FORM = new String(ComplianceJson.e911Body(E911Address.builder()
            .label("Seattle office").firstName("Maria").lastName("Bermudez").streetNumber("666").streetName("Main St")
            .city("Seattle").state("WA").country("US").zip("98101").build()), StandardCharsets.UTF_8);
    private static final String CNAM_FORM = new String(ComplianceJson.cnamBody("Bob Law"), StandardCharsets.UTF_8);
    /** The listings' filter names, as the client writes them: E911's state; CNAM's approval, then value. */
    private static final String STATE = names(ComplianceJson.e911Filters(E911Query.builder().state("WA").build())).get(0);
    private static final List<String> CNAM_FILTERS =
            names(ComplianceJson.cnamFilters(CnamQuery.builder().approved(true).value("Bob").build()));
    private static final String IS_APPROVED = CNAM_FILTERS.get(0);
    private static final String VALUE = CNAM_FILTERS.get(1);

    private final ComplianceRecords records;

    ComplianceEndpoints(ComplianceRecords records) {
        this.records = records;
    }

    /** The endpoints, for the sandbox's table. */
    EndpointTable table() {
        EndpointTable table = new EndpointTable()
                // Before /e911s/{id}, so that POST .../validate is the validation and not a 405.
                .add("POST", ComplianceProtocol.E911_VALIDATE_PATH, (request, path) -> {
                    V1Endpoints.noParameters(request);
                    Geocoding.check(address(request));
                    return Answer.empty(204);
                })
                .add("GET", E911S, (request, path) -> {
                    Paging paging = Paging.of(request, Set.of(STATE));
                    Optional<String> state = paging.filter(STATE)
                            .map(value -> V1Endpoints.checked(() -> E911AddressRules.state(value, STATE)));
                    SandboxState.Slice<E911Record> slice = records.e911s(state, paging.offset, paging.limit);
                    return Answer.jsonApi(200, ComplianceJson.e911sDocument(slice.items, paging.next(request, slice),
                            paging.self(request)));
                })
                .add("POST", E911S, (request, path) -> {
                    V1Endpoints.noParameters(request);
                    E911Record record = records.createE911(address(request));
                    return Answer.jsonApi(201, ComplianceJson.e911Document(record, e911Link(request, record.id())));
                })
                .add("GET", E911, (request, path) -> {
                    V1Endpoints.noParameters(request);
                    E911Record record = records.e911(path.get("id"));
                    return Answer.jsonApi(200, ComplianceJson.e911Document(record, e911Link(request, record.id())));
                })
                .add("PATCH", E911, (request, path) -> {
                    V1Endpoints.noParameters(request);
                    records.e911(path.get("id"));
                    E911Record record = records.updateE911(path.get("id"), address(request));
                    return Answer.jsonApi(200, ComplianceJson.e911Document(record, e911Link(request, record.id())));
                })
                .add("DELETE", E911, (request, path) -> {
                    V1Endpoints.noParameters(request);
                    records.deleteE911(path.get("id"));
                    return Answer.empty(204);
                })
                .add("GET", E911 + ComplianceProtocol.NUMBERS_RELATIONSHIP, (request, path) -> {
                    Paging paging = Paging.of(request, Set.of());
                    SandboxState.Slice<PhoneNumber> slice = records.e911Numbers(path.get("id"), paging.offset, paging.limit);
                    return Answer.jsonApi(200, ComplianceJson.numbersDocument(slice.items, paging.next(request, slice),
                            paging.self(request)));
                })
                .add("PATCH", E911_RELATIONSHIP + "/{id}", (request, path) -> {
                    records.assignE911(path.get("id"), number(request, path));
                    return Answer.empty(204);
                })
                .add("DELETE", E911_RELATIONSHIP, (request, path) -> {
                    records.unassignE911(number(request, path));
                    return Answer.empty(204);
                })
                .add("GET", CNAMS, (request, path) -> {
                    Paging paging = Paging.of(request, Set.of(IS_APPROVED, VALUE));
                    Optional<Boolean> approved = paging.filter(IS_APPROVED).map(ComplianceEndpoints::approved);
                    Optional<String> value = paging.filter(VALUE)
                            .map(text -> V1Endpoints.checked(() -> {
                                Validation.text(text, VALUE);
                                return text;
                            }));
                    SandboxState.Slice<CnamRecord> slice = records.cnams(approved, value, paging.offset, paging.limit);
                    return Answer.jsonApi(200, ComplianceJson.cnamsDocument(slice.items, paging.next(request, slice),
                            paging.self(request)));
                })
                .add("POST", CNAMS, (request, path) -> {
                    V1Endpoints.noParameters(request);
                    V1Endpoints.checked(() -> Json.requestObject(request.body, CNAM_FORM));
                    CnamRecord record = records.createCnam(V1Endpoints.checked(() -> ComplianceJson.decodeCnam(request.body)));
                    return Answer.jsonApi(201, ComplianceJson.cnamDocument(record, cnamLink(request, record.id())));
                })
                .add("GET", CNAM, (request, path) -> {
                    V1Endpoints.noParameters(request);
                    CnamRecord record = records.cnam(path.get("id"));
                    return Answer.jsonApi(200, ComplianceJson.cnamDocument(record, cnamLink(request, record.id())));
                })
                .add("DELETE", CNAM, (request, path) -> {
                    V1Endpoints.noParameters(request);
                    records.deleteCnam(path.get("id"));
                    return Answer.empty(204);
                });
        for (String relationship : CNAM_RELATIONSHIPS) {
            table.add("PATCH", relationship + "/{id}", (request, path) -> {
                records.assignCnam(path.get("id"), number(request, path));
                return Answer.empty(202);
            });
            table.add("DELETE", relationship, (request, path) -> {
                records.unassignCnam(number(request, path));
                return Answer.empty(202);
            });
        }
        return table;
    }

    /** The address of an E911 body: a 400 when it is not a JSON object, a 422 naming the wire field that breaks a rule. */
    private static E911Address address(IncomingRequest request) {
        V1Endpoints.checked(() -> Json.requestObject(request.body, E911_FORM));
        return V1Endpoints.checked(() -> ComplianceJson.decodeE911(request.body));
    }

    private static PhoneNumber number(IncomingRequest request, Map<String, String> path) {
        V1Endpoints.noParameters(request);
        return V1Endpoints.number(path.get("number"));
    }

    private static boolean approved(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Refusal.unprocessable(Validation.message(IS_APPROVED, value, "must be true or false"));
        };
    }

    private static List<String> names(List<Map.Entry<String, String>> parameters) {
        return parameters.stream().map(Map.Entry::getKey).toList();
    }

    private static String e911Link(IncomingRequest request, String id) {
        return V2Endpoints.origin(request) + E911S + "/" + Urls.pathSegment(id);
    }

    private static String cnamLink(IncomingRequest request, String id) {
        return V2Endpoints.origin(request) + CNAMS + "/" + Urls.pathSegment(id);
    }

    /**
     * A listing's {@code limit} (1 to 200, default 10) and {@code offset} (0 or more, default 0)
     * and its filters, as V2Wire reads the number and route listings: an unknown, repeated or
     * non-numeric parameter is a 400, a number out of range a 422, an empty filter is no filter.
     */
    private static final class Paging {
        final int limit;
        final int offset;
        private final Map<String, String> filters;

        private Paging(int limit, int offset, Map<String, String> filters) {
            this.limit = limit;
            this.offset = offset;
            this.filters = filters;
        }

        static Paging of(IncomingRequest request, Set<String> filterNames) {
            int limit = V2Wire.DEFAULT_LIMIT;
            int offset = 0;
            Map<String, String> seen = new HashMap<>();
            Map<String, String> filters = new HashMap<>();
            for (Map.Entry<String, String> parameter : request.parameters) {
                String name = parameter.getKey();
                String value = parameter.getValue();
                if (seen.put(name, value) != null) {
                    throw Refusal.badRequest("query parameter " + name + " is given twice");
                }
                if (name.equals("limit")) {
                    limit = wholeNumber(name, value);
                    if (limit < 1 || limit > V2Wire.MAX_LIMIT) {
                        throw Refusal.unprocessable(Validation.message("limit", value, "must be between 1 and " + V2Wire.MAX_LIMIT));
                    }
                } else if (name.equals("offset")) {
                    offset = wholeNumber(name, value);
                    if (offset < 0) {
                        throw Refusal.unprocessable(Validation.message("offset", value, "must be 0 or more"));
                    }
                } else if (filterNames.contains(name)) {
                    if (!value.isEmpty()) {
                        filters.put(name, value);
                    }
                } else {
                    List<String> known = new ArrayList<>(filterNames.stream().sorted().toList());
                    known.add("limit");
                    known.add("offset");
                    throw Refusal.badRequest("unknown query parameter " + name + ": " + request.rawPath + " takes "
                            + String.join(", ", known));
                }
            }
            return new Paging(limit, offset, filters);
        }

        Optional<String> filter(String name) {
            return Optional.ofNullable(filters.get(name));
        }

        String self(IncomingRequest request) {
            return V2Endpoints.origin(request) + request.rawPath + (request.rawQuery.isEmpty() ? "" : "?" + request.rawQuery);
        }

        /** The next page's URL, the filters kept in their order, while more remain. */
        Optional<String> next(IncomingRequest request, SandboxState.Slice<?> slice) {
            if (!slice.hasMore) {
                return Optional.empty();
            }
            List<Map.Entry<String, String>> query = new ArrayList<>();
            for (Map.Entry<String, String> parameter : request.parameters) {
                if (!parameter.getKey().equals("limit") && !parameter.getKey().equals("offset")) {
                    query.add(parameter);
                }
            }
            query.add(Map.entry("limit", Integer.toString(limit)));
            query.add(Map.entry("offset", Integer.toString(offset + slice.items.size())));
            return Optional.of(V2Endpoints.origin(request) + request.rawPath + "?" + Urls.query(query));
        }

        private static int wholeNumber(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw Refusal.badRequest(Validation.message(name, value, "must be a whole number"));
            }
        }
    }
}
