package com.flowroute.numbers;

import java.util.List;

/** The server refused the request's input (400 or 422), such as a number that is not in the inventory. */
public class BadRequestException extends FlowrouteApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link FlowrouteApiException#FlowrouteApiException(int, String, String, String, List)}. */
    public BadRequestException(int statusCode, String method, String path, String responseBody, List<String> errorMessages) {
        super(statusCode, method, path, responseBody, errorMessages);
    }
}
