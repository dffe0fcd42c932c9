package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteTransportException;

/**
 * A non-idempotent request (a message sent) failed ambiguously and the look-up that should have
 * told whether it took effect failed too: the outcome is unknown, and nothing is sent again.
 */
final class UnknownOutcomeException extends FlowrouteTransportException {
    private static final long serialVersionUID = 1L;

    UnknownOutcomeException(String message, Throwable lookupFailure) {
        super(message, lookupFailure);
    }
}
