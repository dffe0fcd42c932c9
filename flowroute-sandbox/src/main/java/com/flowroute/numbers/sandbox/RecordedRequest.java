package com.flowroute.numbers.sandbox;

import java.util.Objects;

/**
 * A request the sandbox received, as {@link FlowrouteSandbox#journal()} lists it.
 *
 * @param method the method, such as {@code PUT}
 * @param path the path exactly as sent, still percent-encoded, such as {@code /v1/routes/Office%20PBX}
 * @param query the query exactly as sent, without the {@code ?}; {@code ""} when there was none
 * @param body the body as UTF-8 text; {@code ""} when there was none
 * @param signatureValid whether the request was authentic: a known access key, a well-formed
 *     timestamp within five minutes of the sandbox clock and a matching signature
 * @param status the status answered, or 0 when there was no answer: the sandbox closed the
 *     connection (an injected {@code dropConnection()} or {@code processThenDrop()}), or the
 *     client hung up during an injected {@code delay(...)}
 */
public record RecordedRequest(String method, String path, String query, String body, boolean signatureValid, int status) {
    /** Status recorded when no answer was sent. */
    public static final int NO_ANSWER = 0;

    /** Validation that the text fields are present. */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(body, "body");
    }

    /** Whether an answer was sent, that is whether {@link #status()} is not {@link #NO_ANSWER}. */
    public boolean answered() {
        return status != NO_ANSWER;
    }
}
