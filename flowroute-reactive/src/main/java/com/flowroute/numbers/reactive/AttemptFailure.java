package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteTransportException;

/**
 * A transport failure of one attempt that remembers whether the request may have reached the
 * server, which decides between a plain retry and reconciliation.
 */
final class AttemptFailure extends FlowrouteTransportException {
    private static final long serialVersionUID = 1L;

    private final boolean mayHaveReachedServer;

    AttemptFailure(String message, Throwable cause, boolean mayHaveReachedServer) {
        super(message, cause);
        this.mayHaveReachedServer = mayHaveReachedServer;
    }

    boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }
}
