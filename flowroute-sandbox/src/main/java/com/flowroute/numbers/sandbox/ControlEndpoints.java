package com.flowroute.numbers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flowroute.numbers.InboundMessage;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.Json;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The control interface of a sandbox run on its own ({@code --control}), for tests written in
 * other languages: what {@link FlowrouteSandbox#reset()}, {@link FlowrouteSandbox#journal()} and
 * {@link FlowrouteSandbox#faults()} do in Java, over HTTP under {@code /_sandbox/}.
 *
 * <ul>
 *   <li>{@code POST /_sandbox/reset}: back to the seeded state, journal and faults cleared; 204.
 *   <li>{@code GET /_sandbox/journal}: {@code {"requests": [{"method": "PUT", "path": "/v1/tns/12066417744",
 *       "query": "", "body": "...", "signature_valid": true, "status": 201}, ...]}}, oldest first.
 *   <li>{@code POST /_sandbox/faults}: adds one fault described by a JSON object (see
 *       {@link #addFault}); 201 with {@code {"pending": n}}.
 *   <li>{@code DELETE /_sandbox/faults}: forgets every fault; 204.
 *   <li>{@code POST /_sandbox/inbound}: {@code {"from": "12065550199", "to": "12066417744",
 *       "body": "hello", "media_urls": ["https://..."]}} simulates a text to the account's number
 *       {@code to}, as {@link FlowrouteSandbox#inbound()} does (an MMS when {@code media_urls}
 *       is given and not empty); 201 with {@code {"id": "mdr2-...", "timestamp": "..."}}.
 * </ul>
 *
 * <p>Its requests are not signed, not journaled and never hit by a fault. It answers only clients
 * on a loopback address; any other gets a 403, even when the sandbox listens on every interface.
 * Errors are {@code {"error": "message"}}: 400 for a malformed request, 422 for a value that
 * breaks a rule, 404 and 405 as for the API.
 */
final class ControlEndpoints {
    /** The paths the control interface owns. */
    static final String PREFIX = "/_sandbox/";

    private static final String KNOWN_PATHS = "POST /_sandbox/reset, GET /_sandbox/journal, POST and DELETE /_sandbox/faults,"
            + " POST /_sandbox/inbound";
    private static final List<String> INBOUND_FIELDS = List.of("from", "to", "body", "media_urls");
    private static final String INBOUND_FORM = "{\"from\": \"12065550199\", \"to\": \"12066417744\", \"body\": \"hello\"}";
    private static final List<String> FAULT_FIELDS = List.of("times", "always", "probability", "seed", "method", "path",
            "status", "retry_after", "delay_ms", "drop", "process_then_drop");
    private static final String FAULT_FORM = "{\"method\": \"PUT\", \"path\": \"/v1/tns/\", \"status\": 503, \"times\": 1}";

    private final Runnable reset;
    private final Journal journal;
    private final Faults faults;
    private final InboundMessages inbound;

    /**
     * @param reset what {@link FlowrouteSandbox#reset()} does
     */
    ControlEndpoints(Runnable reset, Journal journal, Faults faults, InboundMessages inbound) {
        this.reset = reset;
        this.journal = journal;
        this.faults = faults;
        this.inbound = inbound;
    }

    /** Whether a request with this raw path is for the control interface. */
    static boolean handles(String rawPath) {
        return rawPath.startsWith(PREFIX) || rawPath.equals("/_sandbox");
    }

    /** The answer to a control request from {@code remote}. */
    Answer answer(IncomingRequest request, SocketAddress remote) {
        try {
            return route(request, remote);
        } catch (Refusal refused) {
            return Answer.refused(Dialect.V1, refused);
        }
    }

    private Answer route(IncomingRequest request, SocketAddress remote) {
        if (!isLoopback(remote)) {
            throw new Refusal(403, "the control interface answers only clients on a loopback address, not " + remote);
        }
        if (request.targetProblem != null) {
            throw Refusal.badRequest(request.targetProblem);
        }
        if (!request.parameters.isEmpty()) {
            throw Refusal.badRequest("query parameter " + request.parameters.get(0).getKey() + " is unknown: "
                    + request.rawPath + " takes no query parameters");
        }
        String path = request.rawPath.endsWith("/") ? request.rawPath.substring(0, request.rawPath.length() - 1)
                : request.rawPath;
        switch (path) {
            case "/_sandbox/reset":
                allow(request.method, "POST");
                reset.run();
                return Answer.empty(204);
            case "/_sandbox/journal":
                allow(request.method, "GET");
                return Answer.json(200, journalJson(journal.entries()));
            case "/_sandbox/faults":
                if (request.method.equals("POST")) {
                    addFault(body(request));
                    return Answer.json(201, write(object().put("pending", faults.pending())));
                }
                if (request.method.equals("DELETE")) {
                    faults.clear();
                    return Answer.empty(204);
                }
                throw Refusal.methodNotAllowed(request.method, "POST, DELETE");
            case "/_sandbox/inbound":
                allow(request.method, "POST");
                InboundMessage received = receive(V1Endpoints.checked(() -> Json.requestObject(request.body, INBOUND_FORM)));
                return Answer.json(201, write(object().put("id", received.id()).put("timestamp", received.timestamp().toString())));
            default:
                throw Refusal.notFound("no control endpoint at " + request.rawPath + ": the control interface serves "
                        + KNOWN_PATHS);
        }
    }

    /** Whether {@code remote} is a loopback address, such as 127.0.0.1 or ::1. */
    static boolean isLoopback(SocketAddress remote) {
        if (!(remote instanceof InetSocketAddress inet)) {
            return false;
        }
        InetAddress address = inet.getAddress();
        return address != null && address.isLoopbackAddress();
    }

    /**
     * Arms the fault a JSON object describes, mirroring {@link Faults}' builder: at most one of
     * {@code times} ({@code next(n)}, default 1), {@code "always": true} ({@code always()}) or
     * {@code probability} with an optional {@code seed} (default 0) ({@code randomly(p, seed)});
     * optionally {@code method} (default {@code *}) and {@code path} (a prefix of the raw path,
     * default {@code /}; a trailing {@code *} is allowed and means the same) ({@code matching});
     * and exactly one action: {@code status} with an optional {@code retry_after} in seconds
     * ({@code respond}), {@code delay_ms} ({@code delay}), {@code "drop": true}
     * ({@code dropConnection()}) or {@code "process_then_drop": true} ({@code processThenDrop()}).
     */
    private void addFault(JsonNode fault) {
        for (Iterator<String> names = fault.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FAULT_FIELDS.contains(name)) {
                throw Refusal.badRequest("field " + name + " is unknown: a fault takes " + String.join(", ", FAULT_FIELDS));
            }
        }
        boolean always = flag(fault, "always");
        List<String> selectors = given(fault, "times", "probability");
        if (always) {
            selectors.add("always");
        }
        if (selectors.size() > 1) {
            throw Refusal.badRequest("fields " + String.join(" and ", selectors)
                    + " exclude each other: give times, \"always\": true or probability, or none for once");
        }
        if (fault.has("seed") && !fault.has("probability")) {
            throw Refusal.badRequest("field seed needs probability: it seeds the draws of a random fault");
        }
        List<String> actions = given(fault, "status", "delay_ms");
        for (String name : List.of("drop", "process_then_drop")) {
            if (flag(fault, name)) {
                actions.add(name);
            }
        }
        if (actions.size() != 1) {
            throw Refusal.badRequest("a fault needs exactly one action, status, delay_ms, \"drop\": true or"
                    + " \"process_then_drop\": true, not " + (actions.isEmpty() ? "none" : String.join(" and ", actions))
                    + ": such as " + FAULT_FORM);
        }
        if (fault.has("retry_after") && !fault.has("status")) {
            throw Refusal.badRequest("field retry_after needs status: it is the Retry-After header of the answer");
        }

        Faults.FaultDefinition rule;
        if (fault.has("probability")) {
            double probability = number(fault, "probability").doubleValue();
            require(probability >= 0 && probability <= 1, "probability", probability, "must be between 0.0 and 1.0");
            rule = faults.randomly(probability, fault.has("seed") ? whole(fault, "seed") : 0);
        } else if (always) {
            rule = faults.always();
        } else {
            long times = fault.has("times") ? whole(fault, "times") : 1;
            require(times >= 1 && times <= Integer.MAX_VALUE, "times", times, "must be 1 to " + Integer.MAX_VALUE);
            rule = faults.next((int) times);
        }
        if (fault.has("method") || fault.has("path")) {
            String method = fault.has("method") ? text(fault, "method") : "*";
            String path = fault.has("path") ? text(fault, "path") : "/";
            require(!method.isBlank(), "method", method, "must be a method such as PUT, or * for any");
            require(path.startsWith("/"), "path", path, "must be the start of a path, such as /v1/tns/");
            rule.matching(method, path.endsWith("*") ? path.substring(0, path.length() - 1) : path);
        }

        switch (actions.get(0)) {
            case "status" -> {
                long status = whole(fault, "status");
                require(status >= 400 && status <= 599, "status", status, "must be an error status, 400 to 599");
                if (fault.has("retry_after")) {
                    BigDecimal seconds = number(fault, "retry_after");
                    require(seconds.signum() >= 0, "retry_after", seconds, "must be 0 or more seconds");
                    rule.respond((int) status, Duration.ofMillis(seconds.movePointRight(3).longValue()));
                } else {
                    rule.respond((int) status);
                }
            }
            case "delay_ms" -> {
                long millis = whole(fault, "delay_ms");
                require(millis >= 0, "delay_ms", millis, "must be 0 or more milliseconds");
                rule.delay(Duration.ofMillis(millis));
            }
            case "drop" -> rule.dropConnection();
            case "process_then_drop" -> rule.processThenDrop();
            default -> throw new IllegalStateException("unknown action " + actions.get(0));
        }
    }

    /** Simulates the inbound text a JSON object describes: {@code from}, {@code to}, {@code body} and optional {@code media_urls}. */
    private InboundMessage receive(JsonNode message) {
        for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!INBOUND_FIELDS.contains(name)) {
                throw Refusal.badRequest("field " + name + " is unknown: an inbound message takes " + String.join(", ", INBOUND_FIELDS));
            }
        }
        for (String required : List.of("from", "to")) {
            if (!message.has(required)) {
                throw Refusal.badRequest("field " + required + " is required: such as " + INBOUND_FORM);
            }
        }
        String from = text(message, "from");
        String to = text(message, "to");
        String body = message.has("body") ? text(message, "body") : "";
        List<URI> media = new ArrayList<>();
        JsonNode urls = message.path("media_urls");
        if (!urls.isMissingNode() && !urls.isNull()) {
            if (!urls.isArray()) {
                throw Refusal.badRequest(Validation.invalid("media_urls", shown(urls), "must be an array of URL strings").getMessage());
            }
            for (int i = 0; i < urls.size(); i++) {
                JsonNode url = urls.get(i);
                String field = "media_urls[" + i + "]";
                if (!url.isTextual()) {
                    throw Refusal.badRequest(Validation.invalid(field, shown(url), "must be a URL string").getMessage());
                }
                try {
                    media.add(new URI(url.textValue()));
                } catch (URISyntaxException e) {
                    throw Refusal.unprocessable(Validation.invalid(field, url.textValue(), "must be a URL (" + e.getReason() + ")")
                            .getMessage());
                }
            }
        }
        return V1Endpoints.checked(() -> media.isEmpty() ? inbound.sms(from, to, body) : inbound.mms(from, to, body, media));
    }

    private static JsonNode body(IncomingRequest request) {
        return V1Endpoints.checked(() -> Json.requestObject(request.body, FAULT_FORM));
    }

    private static List<String> given(JsonNode object, String... fields) {
        List<String> given = new ArrayList<>();
        for (String field : fields) {
            if (object.has(field)) {
                given.add(field);
            }
        }
        return given;
    }

    private static boolean flag(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw Refusal.badRequest(Validation.invalid(field, shown(value), "must be true or false").getMessage());
        }
        return value.booleanValue();
    }

    private static long whole(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw Refusal.badRequest(Validation.invalid(field, shown(value), "must be a whole number").getMessage());
        }
        return value.longValue();
    }

    private static BigDecimal number(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (!value.isNumber()) {
            throw Refusal.badRequest(Validation.invalid(field, shown(value), "must be a number").getMessage());
        }
        return value.decimalValue();
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (!value.isTextual()) {
            throw Refusal.badRequest(Validation.invalid(field, shown(value), "must be a string").getMessage());
        }
        return value.textValue();
    }

    /** A JSON value as a message shows it: text quoted, numbers and the rest as written. */
    private static Object shown(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.isNumber() ? value.decimalValue() : new Raw(value.toString());
    }

    /** JSON shown as written, unquoted. */
    private record Raw(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    private static void require(boolean ok, String field, Object value, String rule) {
        if (!ok) {
            throw Refusal.unprocessable(Validation.invalid(field, value, rule).getMessage());
        }
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw Refusal.methodNotAllowed(method, allowed);
        }
    }

    static byte[] journalJson(List<RecordedRequest> entries) {
        ObjectNode root = object();
        ArrayNode requests = root.putArray("requests");
        for (RecordedRequest entry : entries) {
            requests.addObject()
                    .put("method", entry.method())
                    .put("path", entry.path())
                    .put("query", entry.query())
                    .put("body", entry.body())
                    .put("signature_valid", entry.signatureValid())
                    .put("status", entry.status());
        }
        return write(root);
    }

    private static ObjectNode object() {
        return Json.object();
    }

    private static byte[] write(JsonNode node) {
        return Json.bytes(node);
    }
}
