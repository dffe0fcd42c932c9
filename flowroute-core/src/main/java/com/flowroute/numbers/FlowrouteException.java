package com.flowroute.numbers;

/** The root of every exception the SDK raises for a failed call. Unchecked. */
public class FlowrouteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message and an optional cause. */
    public FlowrouteException(String message, Throwable cause) {
        super(message, cause);
    }
}
