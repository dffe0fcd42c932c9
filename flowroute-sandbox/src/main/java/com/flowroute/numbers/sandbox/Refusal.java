package com.flowroute.numbers.sandbox;

/**
 * A request the sandbox refuses, with the status and message to answer. Thrown by the state and
 * the endpoints and turned into the error body of the request's API ({@link Dialect}) in one
 * place, so that every refusal of a version has the same shape.
 */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String allowedMethods;

    Refusal(int status, String message) {
        this(status, message, null);
    }

    private Refusal(int status, String message, String allowedMethods) {
        // No stack trace: this is an answer to the client, not a fault of the sandbox.
        super(message, null, false, false);
        this.status = status;
        this.allowedMethods = allowedMethods;
    }

    /** A 400: the request is malformed (its encoding, its parameters' names, its body's shape). */
    static Refusal badRequest(String message) {
        return new Refusal(400, message);
    }

    /** A 422: the request is well formed but a value in it breaks a rule of the API, or the state refuses it. */
    static Refusal unprocessable(String message) {
        return new Refusal(422, message);
    }

    /** A 403: the request is understood and refused (a route in use, a resource that cannot change). */
    static Refusal forbidden(String message) {
        return new Refusal(403, message);
    }

    /** A 401: the credentials are missing or wrong. */
    static Refusal unauthorized(String message) {
        return new Refusal(401, message);
    }

    static Refusal notFound(String message) {
        return new Refusal(404, message);
    }

    /** A 405 that names the methods the path does allow, for the {@code Allow} header. */
    static Refusal methodNotAllowed(String method, String allowedMethods) {
        return new Refusal(405, "method " + method + " is not allowed here: use " + allowedMethods, allowedMethods);
    }

    int status() {
        return status;
    }

    /** The methods the path allows, when this is a 405; otherwise null. */
    String allowedMethods() {
        return allowedMethods;
    }
}
