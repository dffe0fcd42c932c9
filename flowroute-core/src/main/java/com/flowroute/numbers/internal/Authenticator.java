package com.flowroute.numbers.internal;

/**
 * How a protocol authenticates a request: v1 signs it (HMAC with a timestamp), v2 sends HTTP
 * Basic credentials. Called once per attempt, so that each attempt is freshly stamped.
 * Not part of the SDK's contract.
 */
@FunctionalInterface
public interface Authenticator {
    /** {@code request} with the URL to send and every protocol header, authentication included. */
    PreparedRequest prepare(WireRequest request);
}
