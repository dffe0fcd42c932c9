package com.flowroute.numbers;

import java.util.List;

/** The server failed (5xx). For a purchase, whether it was applied is unknown until the number is looked up. */
public class ServerException extends FlowrouteApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link FlowrouteApiException#FlowrouteApiException(int, String, String, String, List)}. */
    public ServerException(int statusCode, String method, String path, String responseBody, List<String> errorMessages) {
        super(statusCode, method, path, responseBody, errorMessages);
    }
}
