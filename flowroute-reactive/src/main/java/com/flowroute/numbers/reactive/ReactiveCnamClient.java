package com.flowroute.numbers.reactive;

import com.flowroute.numbers.CnamQuery;
import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.internal.Operation;
import com.flowroute.numbers.internal.PhoneNumbers;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The account's CNAM records (the caller name shown on outbound calls), always over v2: list,
 * look up, create, delete, and assign to or remove from a number. Obtained from
 * {@link ReactiveFlowrouteClient#cnam()}. A new record starts unapproved; Flowroute approves it
 * within 48 hours. Every method returns a cold {@code Mono} or {@link PagedFlux}; bad input is an
 * {@link IllegalArgumentException} signalled before anything is sent.
 */
public final class ReactiveCnamClient {
    private final ClientContext context;

    ReactiveCnamClient(ClientContext context) {
        this.context = context;
    }

    /** Every CNAM record of the account. */
    public PagedFlux<CnamRecord> list() {
        return list(CnamQuery.all());
    }

    /** The account's CNAM records matching {@code query} ({@code GET /v2/cnams}). */
    public PagedFlux<CnamRecord> list(CnamQuery query) {
        Objects.requireNonNull(query, "query");
        return context.list(context.v2.authenticator(), () -> context.compliance.cnams(query));
    }

    /** The CNAM record {@code id}; errors with {@link com.flowroute.numbers.NotFoundException} when there is none. */
    public Mono<CnamRecord> get(String id) {
        return call(() -> context.compliance.cnam(ReactiveE911Client.checkedId(id)));
    }

    /**
     * Creates a CNAM record ({@code POST /v2/cnams}) and emits it, unapproved, with its id. The
     * value is 1 to 15 characters with at least one letter, checked before anything is sent.
     * Not blindly repeated: after an ambiguous failure the client looks for a record with the
     * same value and completes with it if there is one, before ever sending again.
     */
    public Mono<CnamRecord> create(String value) {
        Mono<Optional<CnamRecord>> saved = Mono.defer(() -> list(CnamQuery.builder().value(value).build())
                .filter(record -> record.value().equals(value))
                .next().map(Optional::of).defaultIfEmpty(Optional.empty()));
        return call(() -> context.compliance.createCnam(value), saved);
    }

    /** Deletes record {@code id} ({@code DELETE /v2/cnams/{id}}). */
    public Mono<Void> delete(String id) {
        return call(() -> context.compliance.deleteCnam(ReactiveE911Client.checkedId(id)));
    }

    /** Presents record {@code id} on {@code number}'s calls. See {@link #assign(String, PhoneNumber)}. */
    public Mono<Void> assign(String id, String number) {
        return Mono.defer(() -> assign(id, PhoneNumbers.parse("number", number)));
    }

    /** Presents record {@code id} on {@code number}'s calls ({@code PATCH /v2/numbers/{n}/relationships/cnams/{id}}). */
    public Mono<Void> assign(String id, PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        return call(() -> context.compliance.assignCnam(ReactiveE911Client.checkedId(id), number));
    }

    /** Stops presenting a CNAM record on {@code number}'s calls. See {@link #unassign(PhoneNumber)}. */
    public Mono<Void> unassign(String number) {
        return Mono.defer(() -> unassign(PhoneNumbers.parse("number", number)));
    }

    /** Stops presenting a CNAM record on {@code number}'s calls ({@code DELETE /v2/numbers/{n}/relationships/cnams}). */
    public Mono<Void> unassign(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        return call(() -> context.compliance.unassignCnam(number));
    }

    private <T> Mono<T> call(Supplier<Operation<T>> operation) {
        return Mono.defer(() -> context.transport.call(context.v2.authenticator(), operation.get()));
    }

    private <T> Mono<T> call(Supplier<Operation<T>> operation, Mono<Optional<T>> appliedCheck) {
        return Mono.defer(() -> context.transport.call(context.v2.authenticator(), operation.get(), appliedCheck));
    }
}
