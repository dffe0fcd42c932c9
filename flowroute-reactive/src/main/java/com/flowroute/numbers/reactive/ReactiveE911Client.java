package com.flowroute.numbers.reactive;

import com.flowroute.numbers.E911Address;
import com.flowroute.numbers.E911Query;
import com.flowroute.numbers.E911Record;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.Operation;
import com.flowroute.numbers.internal.PhoneNumbers;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The account's E911 (emergency) address records, always over v2: list, look up, validate,
 * create, update, delete, and assign to or remove from a number. Obtained from
 * {@link ReactiveFlowrouteClient#e911()}. Every method returns a cold {@code Mono} or
 * {@link PagedFlux}; bad input (a blank id, a number that is not NANP) is an
 * {@link IllegalArgumentException} signalled before anything is sent. Addresses are checked when
 * built ({@link E911Address.Builder#build()}).
 */
public final class ReactiveE911Client {
    private final ClientContext context;

    ReactiveE911Client(ClientContext context) {
        this.context = context;
    }

    /** Every E911 record of the account. */
    public PagedFlux<E911Record> list() {
        return list(E911Query.all());
    }

    /** The account's E911 records matching {@code query} ({@code GET /v2/e911s}). */
    public PagedFlux<E911Record> list(E911Query query) {
        Objects.requireNonNull(query, "query");
        return context.list(context.v2.authenticator(), () -> context.compliance.e911s(query));
    }

    /** The E911 record {@code id}; errors with {@link com.flowroute.numbers.NotFoundException} when there is none. */
    public Mono<E911Record> get(String id) {
        return call(() -> context.compliance.e911(checkedId(id)));
    }

    /**
     * Asks Flowroute whether it can locate {@code address} ({@code POST /v2/e911s/validate}),
     * without saving it. Completes empty when it can; errors with
     * {@link com.flowroute.numbers.BadRequestException} (Flowroute's "Could not geocode this
     * address") when it cannot.
     */
    public Mono<Void> validate(E911Address address) {
        Objects.requireNonNull(address, "address");
        return call(() -> context.compliance.validateE911(address));
    }

    /**
     * Saves {@code address} as a new E911 record ({@code POST /v2/e911s}) and emits it with its id.
     * Not blindly repeated: after an ambiguous failure the client lists the records and
     * completes with one holding the same address if there is one (an identical record saved
     * earlier is then taken for this one), before ever sending again.
     */
    public Mono<E911Record> create(E911Address address) {
        Objects.requireNonNull(address, "address");
        Mono<Optional<E911Record>> saved = list().filter(record -> record.address().equals(address))
                .next().map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.defer(() -> context.transport.call(context.v2.authenticator(), context.compliance.createE911(address), saved));
    }

    /** Replaces the address of record {@code id} ({@code PATCH /v2/e911s/{id}}); emits the record as saved. */
    public Mono<E911Record> update(String id, E911Address address) {
        Objects.requireNonNull(address, "address");
        return call(() -> context.compliance.updateE911(checkedId(id), address));
    }

    /**
     * Deletes record {@code id} ({@code DELETE /v2/e911s/{id}}); Flowroute refuses while numbers
     * use it. A retry answered 404 after an ambiguous failure counts as done.
     */
    public Mono<Void> delete(String id) {
        return call(() -> context.compliance.deleteE911(checkedId(id)));
    }

    /** Assigns record {@code id} to {@code number}. See {@link #assign(String, PhoneNumber)}. */
    public Mono<Void> assign(String id, String number) {
        return Mono.defer(() -> assign(id, PhoneNumbers.parse("number", number)));
    }

    /** Assigns record {@code id} to {@code number} ({@code PATCH /v2/numbers/{n}/relationships/e911s/{id}}); idempotent. */
    public Mono<Void> assign(String id, PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        return call(() -> context.compliance.assignE911(checkedId(id), number));
    }

    /** Removes {@code number}'s E911 record. See {@link #unassign(PhoneNumber)}. */
    public Mono<Void> unassign(String number) {
        return Mono.defer(() -> unassign(PhoneNumbers.parse("number", number)));
    }

    /** Removes {@code number}'s E911 record ({@code DELETE /v2/numbers/{n}/relationships/e911s}); idempotent. */
    public Mono<Void> unassign(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        return call(() -> context.compliance.unassignE911(number));
    }

    /** The numbers record {@code id} is assigned to ({@code GET /v2/e911s/{id}/relationships/numbers}). */
    public PagedFlux<PhoneNumber> numbers(String id) {
        return context.list(context.v2.authenticator(), () -> context.compliance.e911Numbers(checkedId(id)));
    }

    private <T> Mono<T> call(Supplier<Operation<T>> operation) {
        return Mono.defer(() -> context.transport.call(context.v2.authenticator(), operation.get()));
    }

    static String checkedId(String id) {
        Validation.text(id, "id");
        return id;
    }
}
