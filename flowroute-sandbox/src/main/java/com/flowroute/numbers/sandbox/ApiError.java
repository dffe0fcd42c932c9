package com.flowroute.numbers.sandbox;

/**
 * A request the sandbox refuses, with the status and message to answer. Thrown by the state and
 * the endpoints and turned into a JSON error body in one place, so that every refusal has the
 * same shape.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String allowedMethods;

    ApiError(int status, String message) {
        this(status, message, null);
    }

    private ApiError(int status, String message, String allowedMethods) {
        // No stack trace: this is an answer to the client, not a fault of the sandbox.
        super(message, null, false, false);
        this.status = status;
        this.allowedMethods = allowedMethods;
    }

    /** A 400: the request is malformed (its encoding, its parameters' names, its body's shape). */
    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    /** A 422: the request is well formed but a value in it breaks a rule of the API, or the state refuses it. */
    static ApiError unprocessable(String message) {
        return new ApiError(422, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    /** A 405 that names the methods the path does allow, for the {@code Allow} header. */
    static ApiError methodNotAllowed(String method, String allowedMethods) {
        return new ApiError(405, "method " + method + " is not allowed here: use " + allowedMethods, allowedMethods);
    }

    int status() {
        return status;
    }

    /** The methods the path allows, when this is a 405; otherwise null. */
    String allowedMethods() {
        return allowedMethods;
    }
}
