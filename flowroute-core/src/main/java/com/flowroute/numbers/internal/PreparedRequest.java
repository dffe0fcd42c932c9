package com.flowroute.numbers.internal;

import java.util.List;
import java.util.Map;

/**
 * A request ready to send: the full URL, its path and query (for messages and logs) and the
 * headers the protocol needs, authentication included. {@code toString()} never shows a header
 * value. Not part of the SDK's contract.
 *
 * @param method the method, such as {@code GET}
 * @param url the absolute URL to send, its query exactly as authenticated
 * @param pathAndQuery the path and query of {@code url}
 * @param headers name and value of each header to set; the {@code Authorization} value is a secret
 * @param body the exact body bytes, or null
 */
public record PreparedRequest(String method, String url, String pathAndQuery, List<Map.Entry<String, String>> headers,
        byte[] body) {
    /** {@code METHOD path?query}: how every message names the call. */
    public String call() {
        return method + " " + pathAndQuery;
    }

    @Override
    public String toString() {
        return method + " " + url + " (headers " + headers.stream().map(Map.Entry::getKey).toList() + ", values redacted)";
    }
}
