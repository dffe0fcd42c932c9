package com.flowroute.numbers;

import java.util.List;

/**
 * The server answered with a status other than 2xx. Carries the status, the request's method and
 * path, the response body (at most {@link #MAX_BODY_CHARS} characters) and the error messages
 * parsed from it when it is JSON. Subtypes name the common cases.
 */
public class FlowrouteApiException extends FlowrouteException {
    private static final long serialVersionUID = 1L;

    /** The most characters of a response body an exception keeps. */
    public static final int MAX_BODY_CHARS = 64 * 1024;

    private final int statusCode;
    private final String method;
    private final String path;
    private final String responseBody;
    private final List<String> errorMessages;

    /**
     * An exception for a non-2xx answer.
     *
     * @param statusCode the HTTP status
     * @param method the request method, such as {@code PUT}
     * @param path the request path with its query, such as {@code /v1/tns/12066417744}
     * @param responseBody the response body as text, cut to {@link #MAX_BODY_CHARS}; may be empty
     * @param errorMessages the error messages the body holds, if it is JSON
     */
    public FlowrouteApiException(int statusCode, String method, String path, String responseBody,
            List<String> errorMessages) {
        super(message(statusCode, method, path, responseBody, errorMessages), null);
        this.statusCode = statusCode;
        this.method = method;
        this.path = path;
        this.responseBody = bounded(responseBody == null ? "" : responseBody);
        this.errorMessages = List.copyOf(errorMessages);
    }

    private static String bounded(String body) {
        return body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS);
    }

    private static String message(int status, String method, String path, String body, List<String> messages) {
        StringBuilder out = new StringBuilder().append(method).append(' ').append(path)
                .append(" failed with HTTP ").append(status);
        if (!messages.isEmpty()) {
            out.append(": ").append(String.join("; ", messages));
        } else if (body != null && !body.isBlank()) {
            String oneLine = body.strip().replaceAll("\\s+", " ");
            out.append(": ").append(oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine);
        }
        return out.toString();
    }

    /** The HTTP status, such as 404. */
    public int statusCode() {
        return statusCode;
    }

    /** The request method, such as {@code GET}. */
    public String method() {
        return method;
    }

    /** The request path and query, such as {@code /v1/tns/12066417744}. */
    public String path() {
        return path;
    }

    /** The response body as text, at most {@link #MAX_BODY_CHARS} characters; empty when there was none. */
    public String responseBody() {
        return responseBody;
    }

    /** The error messages the body holds when it is JSON; empty otherwise. */
    public List<String> errorMessages() {
        return errorMessages;
    }
}
