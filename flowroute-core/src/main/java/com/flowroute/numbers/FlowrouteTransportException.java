package com.flowroute.numbers;

/**
 * The call got no usable answer: the connection failed or was reset, a timeout fired, or the
 * response could not be read as the expected JSON. Whether a write reached the server is unknown.
 */
public class FlowrouteTransportException extends FlowrouteException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message and an optional cause. */
    public FlowrouteTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
