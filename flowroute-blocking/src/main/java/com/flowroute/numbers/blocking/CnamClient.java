package com.flowroute.numbers.blocking;

import com.flowroute.numbers.CnamQuery;
import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.reactive.ReactiveCnamClient;

/**
 * The account's CNAM (caller name) records, always over v2, blocking. Obtained from
 * {@link FlowrouteClient#cnam()}; each method mirrors {@link ReactiveCnamClient}'s.
 */
public final class CnamClient {
    private final ReactiveCnamClient reactive;

    CnamClient(ReactiveCnamClient reactive) {
        this.reactive = reactive;
    }

    /** Every CNAM record of the account. */
    public PagedIterable<CnamRecord> list() {
        return new PagedIterable<>(reactive.list());
    }

    /** The account's CNAM records matching {@code query}. */
    public PagedIterable<CnamRecord> list(CnamQuery query) {
        return new PagedIterable<>(reactive.list(query));
    }

    /** The CNAM record {@code id}. */
    public CnamRecord get(String id) {
        return Await.value(reactive.get(id));
    }

    /** Creates a CNAM record, unapproved; never blindly repeated, see {@link ReactiveCnamClient#create}. */
    public CnamRecord create(String value) {
        return Await.value(reactive.create(value));
    }

    /** Deletes record {@code id}. */
    public void delete(String id) {
        Await.completion(reactive.delete(id));
    }

    /** Presents record {@code id} on {@code number}'s calls. */
    public void assign(String id, String number) {
        Await.completion(reactive.assign(id, number));
    }

    /** Presents record {@code id} on {@code number}'s calls. */
    public void assign(String id, PhoneNumber number) {
        Await.completion(reactive.assign(id, number));
    }

    /** Stops presenting a CNAM record on {@code number}'s calls. */
    public void unassign(String number) {
        Await.completion(reactive.unassign(number));
    }

    /** Stops presenting a CNAM record on {@code number}'s calls. */
    public void unassign(PhoneNumber number) {
        Await.completion(reactive.unassign(number));
    }
}
