package com.flowroute.numbers;

import java.util.List;

/** The server refused the credentials or the signature (401 or 403): check the access key, the secret key and the clock. */
public class AuthenticationException extends FlowrouteApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link FlowrouteApiException#FlowrouteApiException(int, String, String, String, List)}. */
    public AuthenticationException(int statusCode, String method, String path, String responseBody, List<String> errorMessages) {
        super(statusCode, method, path, responseBody, errorMessages);
    }
}
