package com.flowroute.numbers.blocking;

import com.flowroute.numbers.E911Address;
import com.flowroute.numbers.E911Query;
import com.flowroute.numbers.E911Record;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.reactive.ReactiveE911Client;

/**
 * The account's E911 (emergency address) records, always over v2, blocking. Obtained from
 * {@link FlowrouteClient#e911()}; each method mirrors {@link ReactiveE911Client}'s.
 */
public final class E911Client {
    private final ReactiveE911Client reactive;

    E911Client(ReactiveE911Client reactive) {
        this.reactive = reactive;
    }

    /** Every E911 record of the account. */
    public PagedIterable<E911Record> list() {
        return new PagedIterable<>(reactive.list());
    }

    /** The account's E911 records matching {@code query}. */
    public PagedIterable<E911Record> list(E911Query query) {
        return new PagedIterable<>(reactive.list(query));
    }

    /** The E911 record {@code id}. */
    public E911Record get(String id) {
        return Await.value(reactive.get(id));
    }

    /** Returns when Flowroute can locate {@code address}; throws {@link com.flowroute.numbers.BadRequestException} when not. */
    public void validate(E911Address address) {
        Await.completion(reactive.validate(address));
    }

    /** Saves {@code address} as a new record; never blindly repeated, see {@link ReactiveE911Client#create}. */
    public E911Record create(E911Address address) {
        return Await.value(reactive.create(address));
    }

    /** Replaces the address of record {@code id}; returns the record as saved. */
    public E911Record update(String id, E911Address address) {
        return Await.value(reactive.update(id, address));
    }

    /** Deletes record {@code id}. */
    public void delete(String id) {
        Await.completion(reactive.delete(id));
    }

    /** Assigns record {@code id} to {@code number}. */
    public void assign(String id, String number) {
        Await.completion(reactive.assign(id, number));
    }

    /** Assigns record {@code id} to {@code number}. */
    public void assign(String id, PhoneNumber number) {
        Await.completion(reactive.assign(id, number));
    }

    /** Removes {@code number}'s E911 record. */
    public void unassign(String number) {
        Await.completion(reactive.unassign(number));
    }

    /** Removes {@code number}'s E911 record. */
    public void unassign(PhoneNumber number) {
        Await.completion(reactive.unassign(number));
    }

    /** The numbers record {@code id} is assigned to. */
    public PagedIterable<PhoneNumber> numbers(String id) {
        return new PagedIterable<>(reactive.numbers(id));
    }
}
