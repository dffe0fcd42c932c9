package com.flowroute.numbers.internal.v2;

import com.flowroute.numbers.CnamQuery;
import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.E911Address;
import com.flowroute.numbers.E911Query;
import com.flowroute.numbers.E911Record;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.internal.Listing;
import com.flowroute.numbers.internal.Operation;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.WireRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * E911 address records and CNAM records over v2, client side: the paths (both the client and
 * the sandbox take them from here), the requests and how their answers read. Flowroute documents
 * {@code relationships/cnams}; some of its libraries send {@code cnam}, which the sandbox also
 * accepts, while this client sends the documented form. Not part of the SDK's contract.
 */
public final class ComplianceProtocol {
    /** The E911 records, and before an id a record. */
    public static final String E911S_PATH = V2Wire.ROOT + "/e911s";
    /** Where an address is checked without being saved. */
    public static final String E911_VALIDATE_PATH = E911S_PATH + "/validate";
    /** The CNAM records, and before an id a record. */
    public static final String CNAMS_PATH = V2Wire.ROOT + "/cnams";
    /** A number's E911 relationship, after the number's path. */
    public static final String E911_RELATIONSHIP = "/relationships/e911s";
    /** A number's CNAM relationship, after the number's path. */
    public static final String CNAM_RELATIONSHIP = "/relationships/cnams";
    /** The numbers of an E911 record, after the record's path. */
    public static final String NUMBERS_RELATIONSHIP = "/relationships/numbers";

    private final String root;

    /** The protocol under the API root path {@code root} (usually {@code ""}). */
    public ComplianceProtocol(String root) {
        this.root = root;
    }

    /** {@code GET /v2/e911s}. */
    public Listing<E911Record> e911s(E911Query query) {
        return listing("e911.list", root + E911S_PATH, V2Wire.paged(ComplianceJson.e911Filters(query), query), ComplianceJson::e911Records);
    }

    /** {@code GET /v2/e911s/{id}}. */
    public Operation<E911Record> e911(String id) {
        return Operation.idempotent(WireRequest.get(e911Path(id), List.of()), (status, body) -> ComplianceJson.e911Record(body)).named("e911.get");
    }

    /** {@code POST /v2/e911s/validate}: 204 when Flowroute can geocode it; safe to repeat. */
    public Operation<Void> validateE911(E911Address address) {
        return Operation.write(WireRequest.of("POST", root + E911_VALIDATE_PATH, ComplianceJson.e911Body(address))).named("e911.validate");
    }

    /** {@code POST /v2/e911s}: a new record every time, so never blindly repeated. */
    public Operation<E911Record> createE911(E911Address address) {
        return Operation.nonIdempotent(WireRequest.of("POST", root + E911S_PATH, ComplianceJson.e911Body(address)),
                (status, body) -> ComplianceJson.e911Record(body), true).named("e911.create");
    }

    /** {@code PATCH /v2/e911s/{id}}. */
    public Operation<E911Record> updateE911(String id, E911Address address) {
        return Operation.idempotent(WireRequest.of("PATCH", e911Path(id), ComplianceJson.e911Body(address)),
                (status, body) -> ComplianceJson.e911Record(body)).named("e911.update");
    }

    /** {@code DELETE /v2/e911s/{id}}. */
    public Operation<Void> deleteE911(String id) {
        return Operation.write(new WireRequest("DELETE", e911Path(id), List.of(), null)).named("e911.delete");
    }

    /** {@code PATCH /v2/numbers/{n}/relationships/e911s/{id}}. */
    public Operation<Void> assignE911(String id, PhoneNumber number) {
        return Operation.write(new WireRequest("PATCH", V2Wire.numberPath(root, number) + E911_RELATIONSHIP + "/"
                + Urls.pathSegment(id), List.of(), null)).named("e911.assign");
    }

    /** {@code DELETE /v2/numbers/{n}/relationships/e911s}. */
    public Operation<Void> unassignE911(PhoneNumber number) {
        return Operation.write(new WireRequest("DELETE", V2Wire.numberPath(root, number) + E911_RELATIONSHIP, List.of(), null)).named("e911.unassign");
    }

    /** {@code GET /v2/e911s/{id}/relationships/numbers}. */
    public Listing<PhoneNumber> e911Numbers(String id) {
        return listing("e911.numbers", e911Path(id) + NUMBERS_RELATIONSHIP, List.of(), ComplianceJson::e911Numbers);
    }

    /** {@code GET /v2/cnams}. */
    public Listing<CnamRecord> cnams(CnamQuery query) {
        return listing("cnam.list", root + CNAMS_PATH, V2Wire.paged(ComplianceJson.cnamFilters(query), query), ComplianceJson::cnamRecords);
    }

    /** {@code GET /v2/cnams/{id}}. */
    public Operation<CnamRecord> cnam(String id) {
        return Operation.idempotent(WireRequest.get(cnamPath(id), List.of()), (status, body) -> ComplianceJson.cnamRecord(body)).named("cnam.get");
    }

    /** {@code POST /v2/cnams} with the unwrapped {@code {"value":..}}: a new record every time. */
    public Operation<CnamRecord> createCnam(String value) {
        return Operation.nonIdempotent(WireRequest.of("POST", root + CNAMS_PATH, ComplianceJson.cnamBody(value)),
                (status, body) -> ComplianceJson.cnamRecord(body), true).named("cnam.create");
    }

    /** {@code DELETE /v2/cnams/{id}}. */
    public Operation<Void> deleteCnam(String id) {
        return Operation.write(new WireRequest("DELETE", cnamPath(id), List.of(), null)).named("cnam.delete");
    }

    /** {@code PATCH /v2/numbers/{n}/relationships/cnams/{id}} (202). */
    public Operation<Void> assignCnam(String id, PhoneNumber number) {
        return Operation.write(new WireRequest("PATCH", V2Wire.numberPath(root, number) + CNAM_RELATIONSHIP + "/"
                + Urls.pathSegment(id), List.of(), null)).named("cnam.assign");
    }

    /** {@code DELETE /v2/numbers/{n}/relationships/cnams} (202). */
    public Operation<Void> unassignCnam(PhoneNumber number) {
        return Operation.write(new WireRequest("DELETE", V2Wire.numberPath(root, number) + CNAM_RELATIONSHIP, List.of(), null)).named("cnam.unassign");
    }

    private String e911Path(String id) {
        return root + E911S_PATH + "/" + Urls.pathSegment(id);
    }

    private String cnamPath(String id) {
        return root + CNAMS_PATH + "/" + Urls.pathSegment(id);
    }

    private static <T> Listing<T> listing(String name, String path, List<Map.Entry<String, String>> query,
            Function<byte[], Page<T>> decode) {
        return new Listing<>(WireRequest.get(path, query), decode, V2Wire::continuation, name);
    }
}
