package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.E911Address;
import com.flowroute.numbers.E911Record;
import com.flowroute.numbers.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The account's E911 address records and CNAM records, beside the numbers in
 * {@link SandboxState}: which numbers use a record is kept on the number (so releasing a number
 * lets its records go), the records themselves here. Every method holds the lock of the
 * {@code SandboxState} (never one of its own, so that there is one lock order) and does no I/O.
 *
 * <p>Ids are numeric-looking strings, as Flowroute's are, counted up from a start per kind and
 * never reused until {@link #reset()}. A CNAM record starts unapproved; it is approved by
 * {@link #approveCnam(String)}, or on its own once the configured delay has passed since its
 * creation (by the sandbox's clock), or never when there is no delay.
 */
final class ComplianceRecords {
    private static final int FIRST_E911_ID = 21845;
    private static final int FIRST_CNAM_ID = 23454;
    private static final String TOLL_FREE = "tollfree";

    /** A CNAM record as stored: its value as sent, when it was created and, once approved by hand, when. */
    private record Cnam(String value, Instant created, Optional<Instant> approvedAt) {}

    private final SandboxState state;
    private final Clock clock;
    /** How long after its creation a CNAM record approves itself; null for never. */
    private final Duration approvalDelay;
    // Insertion order is the listing order: records as they were created.
    private final Map<String, E911Address> e911s = new LinkedHashMap<>();
    private final Map<String, Cnam> cnams = new LinkedHashMap<>();
    private int nextE911Id = FIRST_E911_ID;
    private int nextCnamId = FIRST_CNAM_ID;

    ComplianceRecords(SandboxState state, Clock clock, Duration approvalDelay) {
        this.state = state;
        this.clock = clock;
        this.approvalDelay = approvalDelay;
    }

    /** No records, ids counted from the start again. */
    void reset() {
        synchronized (state) {
            e911s.clear();
            cnams.clear();
            nextE911Id = FIRST_E911_ID;
            nextCnamId = FIRST_CNAM_ID;
        }
    }

    // ---- E911 -----------------------------------------------------------------------------------

    /** The records, oldest first, in {@code stateFilter} (any case) when given. */
    SandboxState.Slice<E911Record> e911s(Optional<String> stateFilter, int offset, int limit) {
        synchronized (state) {
            return slice(e911s.entrySet().stream()
                    .filter(entry -> stateFilter.map(entry.getValue().state()::equalsIgnoreCase).orElse(true))
                    .map(entry -> E911Record.of(entry.getKey(), entry.getValue())), offset, limit);
        }
    }

    /** Every record, oldest first. */
    List<E911Record> e911Records() {
        synchronized (state) {
            return e911s.entrySet().stream().map(entry -> E911Record.of(entry.getKey(), entry.getValue())).toList();
        }
    }

    /** Record {@code id}; a 404 when there is none. */
    E911Record e911(String id) {
        synchronized (state) {
            return E911Record.of(id, e911Address(id));
        }
    }

    /** A new record of {@code address}, which must geocode (else Flowroute's 400). */
    E911Record createE911(E911Address address) {
        Geocoding.check(address);
        synchronized (state) {
            String id = Integer.toString(nextE911Id++);
            e911s.put(id, address);
            return E911Record.of(id, address);
        }
    }

    /** Record {@code id} with {@code address} instead; a 404 when there is none, a 400 when it does not geocode. */
    E911Record updateE911(String id, E911Address address) {
        synchronized (state) {
            e911Address(id);
            Geocoding.check(address);
            e911s.put(id, address);
            return E911Record.of(id, address);
        }
    }

    /** Deletes record {@code id}: a 404 when there is none, a 422 naming the numbers while any use it. */
    void deleteE911(String id) {
        synchronized (state) {
            e911Address(id);
            List<PhoneNumber> users = state.numbersWithE911(id);
            if (!users.isEmpty()) {
                throw Refusal.unprocessable("E911 record " + id + " cannot be deleted while numbers use it: " + joined(users)
                        + "; remove it from them first (DELETE /v2/numbers/{number}/relationships/e911s)");
            }
            e911s.remove(id);
        }
    }

    /**
     * Makes record {@code id} the emergency address of {@code number}, replacing any: a 404 when
     * the number is not on the account or the record does not exist, a 422 for a toll-free
     * number (E911 addresses go on local numbers only).
     */
    void assignE911(String id, PhoneNumber number) {
        synchronized (state) {
            requireOnAccount(number);
            e911Address(id);
            if (SandboxState.numberType(number.toString()).equals(TOLL_FREE)) {
                throw Refusal.unprocessable("number " + number + " is toll-free: toll-free numbers cannot take an E911"
                        + " address, only local (standard) numbers can");
            }
            state.setE911(number, Optional.of(id));
        }
    }

    /** Takes {@code number}'s E911 record off it, if it has one; a 404 when the number is not on the account. */
    void unassignE911(PhoneNumber number) {
        synchronized (state) {
            state.setE911(number, Optional.empty());
        }
    }

    /** The numbers that use record {@code id}, in order; a 404 when there is no such record. */
    SandboxState.Slice<PhoneNumber> e911Numbers(String id, int offset, int limit) {
        synchronized (state) {
            e911Address(id);
            return slice(state.numbersWithE911(id).stream(), offset, limit);
        }
    }

    // ---- CNAM -----------------------------------------------------------------------------------

    /**
     * The records, oldest first: only approved ones or only the others when {@code approved} is
     * given, only those whose value contains {@code value} (any case) when it is.
     */
    SandboxState.Slice<CnamRecord> cnams(Optional<Boolean> approved, Optional<String> value, int offset, int limit) {
        synchronized (state) {
            Instant now = now();
            String contains = value.map(text -> text.toLowerCase(Locale.ROOT)).orElse("");
            return slice(cnams.entrySet().stream()
                    .map(entry -> record(entry.getKey(), entry.getValue(), now))
                    .filter(record -> approved.map(wanted -> record.approved() == wanted).orElse(true)
                            && record.value().toLowerCase(Locale.ROOT).contains(contains)), offset, limit);
        }
    }

    /** Every record, oldest first. */
    List<CnamRecord> cnamRecords() {
        synchronized (state) {
            Instant now = now();
            return cnams.entrySet().stream().map(entry -> record(entry.getKey(), entry.getValue(), now)).toList();
        }
    }

    /** Record {@code id}; a 404 when there is none. */
    CnamRecord cnam(String id) {
        synchronized (state) {
            return record(id, cnamEntry(id), now());
        }
    }

    /** A new, unapproved record of {@code value} (checked by the caller), created now. */
    CnamRecord createCnam(String value) {
        synchronized (state) {
            String id = Integer.toString(nextCnamId++);
            Cnam created = new Cnam(value, now(), Optional.empty());
            cnams.put(id, created);
            return record(id, created, created.created());
        }
    }

    /** Deletes record {@code id}: a 404 when there is none, a 422 naming the numbers while any present it. */
    void deleteCnam(String id) {
        synchronized (state) {
            cnamEntry(id);
            List<PhoneNumber> users = state.numbersWithCnam(id);
            if (!users.isEmpty()) {
                throw Refusal.unprocessable("CNAM record " + id + " cannot be deleted while numbers present it: "
                        + joined(users) + "; remove it from them first (DELETE /v2/numbers/{number}/relationships/cnams)");
            }
            cnams.remove(id);
        }
    }

    /**
     * Presents record {@code id} on {@code number}'s calls, replacing any: a 404 when the number
     * is not on the account or the record does not exist, a 422 while the record is not approved.
     */
    void assignCnam(String id, PhoneNumber number) {
        synchronized (state) {
            requireOnAccount(number);
            CnamRecord record = record(id, cnamEntry(id), now());
            if (!record.approved()) {
                throw Refusal.unprocessable("CNAM record " + id + " (\"" + record.value() + "\") is not approved yet:"
                        + " only an approved record can be assigned to a number, and Flowroute approves a new one within"
                        + " 48 hours (in the sandbox: FlowrouteSandbox.approveCnam(\"" + id + "\"), or"
                        + " FlowrouteSandbox.builder().cnamApprovalDelay(...))");
            }
            state.setCnam(number, Optional.of(id));
        }
    }

    /** Takes {@code number}'s CNAM record off it, if it has one; a 404 when the number is not on the account. */
    void unassignCnam(PhoneNumber number) {
        synchronized (state) {
            state.setCnam(number, Optional.empty());
        }
    }

    /**
     * Approves record {@code id} now, unless it is approved already.
     *
     * @throws IllegalArgumentException when there is no such record
     */
    void approveCnam(String id) {
        synchronized (state) {
            Cnam cnam = cnams.get(id);
            if (cnam == null) {
                throw new IllegalArgumentException("CNAM record " + id + " does not exist: the sandbox has "
                        + (cnams.isEmpty() ? "none" : String.join(", ", cnams.keySet())));
            }
            Instant now = now();
            if (!record(id, cnam, now).approved()) {
                cnams.put(id, new Cnam(cnam.value(), cnam.created(), Optional.of(now)));
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The sandbox clock's time to the microsecond, the precision of the times it serves. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private E911Address e911Address(String id) {
        E911Address address = e911s.get(id);
        if (address == null) {
            throw Refusal.notFound("Could not find that resource on your account: no E911 record " + id);
        }
        return address;
    }

    private Cnam cnamEntry(String id) {
        Cnam cnam = cnams.get(id);
        if (cnam == null) {
            throw Refusal.notFound("Could not find that resource on your account: no CNAM record " + id);
        }
        return cnam;
    }

    private void requireOnAccount(PhoneNumber number) {
        if (!state.onAccount(number)) {
            throw Refusal.notFound("number " + number + " is not on your account");
        }
    }

    /** The record as of {@code now}: approved by hand, or by the delay once it has passed. */
    private CnamRecord record(String id, Cnam cnam, Instant now) {
        Optional<Instant> approvedAt = cnam.approvedAt().or(() -> Optional.ofNullable(approvalDelay)
                .map(cnam.created()::plus)
                .filter(at -> !now.isBefore(at)));
        return CnamRecord.builder()
                .id(id)
                .value(cnam.value())
                .approved(approvedAt.isPresent())
                .creationTime(cnam.created())
                .approvalTime(approvedAt)
                .build();
    }

    private static String joined(List<PhoneNumber> numbers) {
        return numbers.stream().map(PhoneNumber::toString).collect(Collectors.joining(", "));
    }

    private static <T> SandboxState.Slice<T> slice(Stream<T> matches, int offset, int limit) {
        List<T> items = matches.skip(offset).limit(limit + 1L).collect(Collectors.toCollection(ArrayList::new));
        boolean hasMore = items.size() > limit;
        if (hasMore) {
            items.remove(limit);
        }
        return new SandboxState.Slice<>(List.copyOf(items), hasMore);
    }
}
