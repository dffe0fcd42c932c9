package com.flowroute.numbers.internal;

/**
 * Server side: a request that cannot be read at all (a 400: unknown or repeated parameters, a
 * body that is not the JSON expected), as opposed to values the SDK's rules refuse
 * ({@link Validation.InvalidArgument}, a 422). Not part of the SDK's contract.
 */
public final class MalformedRequest extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A malformed request, described. */
    public MalformedRequest(String message) {
        super(message);
    }
}
