package com.flowroute.numbers.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the sandbox answers to a request: a status, extra headers and a JSON body or none. */
final class Answer {
    final int status;
    final String json;
    final Map<String, String> headers;

    private Answer(int status, String json, Map<String, String> headers) {
        this.status = status;
        this.json = json;
        this.headers = headers;
    }

    static Answer json(int status, String json) {
        return new Answer(status, json, Map.of());
    }

    static Answer empty(int status) {
        return new Answer(status, null, Map.of());
    }

    static Answer error(int status, String message) {
        return json(status, ResponseJson.error(message));
    }

    Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, json, Map.copyOf(more));
    }
}
