package com.flowroute.numbers;

import java.util.List;

/** The server found nothing at the path (404), such as the details of a number not on the account. */
public class NotFoundException extends FlowrouteApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link FlowrouteApiException#FlowrouteApiException(int, String, String, String, List)}. */
    public NotFoundException(int statusCode, String method, String path, String responseBody, List<String> errorMessages) {
        super(statusCode, method, path, responseBody, errorMessages);
    }
}
