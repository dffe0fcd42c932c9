package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.internal.Validation;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The HTTP side of the sandbox on Reactor Netty: reads each request's body up to
 * {@link #MAX_BODY_BYTES}, applies an injected fault if one matches, otherwise verifies the
 * signature and lets the {@link V1Endpoints} answer, then records the exchange in the
 * {@link Journal} before the answer leaves, so that a client that has its answer always finds its
 * request in the journal. When the control interface is on, {@code /_sandbox/} requests go to the
 * {@link ControlEndpoints} instead: unsigned, unjournaled and never faulted.
 */
final class RequestHandler {
    /** The largest request body read, 1 MiB: a larger one is refused with a 413 before any other check. */
    static final int MAX_BODY_BYTES = 1 << 20;
    /**
     * The largest declared body that is still read, and dropped, after its 413 so that the
     * connection stays usable; a client that sends its whole body before it reads the answer then
     * gets the answer rather than a reset. Past it the connection closes after the answer.
     */
    static final long DISCARD_MAX = 8L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(FlowrouteSandbox.class);
    private static final byte[] NO_BODY = new byte[0];
    private static final String BODY_RULE = "must be at most " + MAX_BODY_BYTES + " bytes (1 MiB)";

    private final RequestVerifier verifier;
    private final BasicVerifier basicVerifier;
    private final EndpointTable endpoints;
    private final Faults faults;
    private final Journal journal;
    /** Null when the control interface is off. */
    private final ControlEndpoints control;

    RequestHandler(RequestVerifier verifier, BasicVerifier basicVerifier, EndpointTable endpoints, Faults faults,
            Journal journal, ControlEndpoints control) {
        this.verifier = verifier;
        this.basicVerifier = basicVerifier;
        this.endpoints = endpoints;
        this.faults = faults;
        this.journal = journal;
        this.control = control;
    }

    /** The Reactor Netty handler. */
    Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String method = request.method().name();
        String uri = request.uri();
        long declared = declaredLength(request.requestHeaders().get("Content-Length"));
        if (declared > MAX_BODY_BYTES) {
            // Refused before a byte of the body is read, so no 100 Continue goes out. Without an
            // Expect the client sends the body all the same: Reactor Netty drops what comes after
            // the answer; a very large one is not worth reading, the connection closes instead.
            boolean close = declared > DISCARD_MAX || "100-continue".equalsIgnoreCase(request.requestHeaders().get("Expect"));
            return tooLarge(method, uri, Validation.invalid("Content-Length", declared, BODY_RULE).getMessage(), close,
                    response);
        }
        return body(request)
                .flatMap(body -> {
                    IncomingRequest incoming = IncomingRequest.of(method, uri, request.requestHeaders().get("Host"),
                            request.requestHeaders().get("Authorization"), request.requestHeaders().get("X-Timestamp"),
                            request.requestHeaders().get("Content-Type"), body);
                    if (control != null && ControlEndpoints.handles(incoming.rawPath)) {
                        return respond(control.answer(incoming, remoteAddress(request)), response);
                    }
                    return serve(incoming, response);
                })
                // A chunked body has no known end: the connection closes after the answer.
                .onErrorResume(BodyTooLarge.class, tooLarge -> tooLarge(method, uri, tooLarge.getMessage(), true, response));
    }

    /**
     * The body, copied out of each buffer as it arrives; past {@link #MAX_BODY_BYTES} received it
     * fails with {@link BodyTooLarge} at once, which cancels the reading: the rest is never kept.
     */
    private static Mono<byte[]> body(HttpServerRequest request) {
        return request.receive()
                .reduceWith(ByteArrayOutputStream::new, (received, buffer) -> append(received, buffer))
                .map(ByteArrayOutputStream::toByteArray)
                .defaultIfEmpty(NO_BODY);
    }

    private static ByteArrayOutputStream append(ByteArrayOutputStream received, ByteBuf buffer) {
        int size = buffer.readableBytes();
        long total = (long) received.size() + size;
        if (total > MAX_BODY_BYTES) {
            throw new BodyTooLarge(Validation.invalid("body size", total, BODY_RULE + ", and the sandbox stopped reading there")
                    .getMessage());
        }
        // Reactor Netty releases the buffer once this returns: copy its bytes now.
        byte[] bytes = new byte[size];
        buffer.getBytes(buffer.readerIndex(), bytes);
        received.write(bytes, 0, size);
        return received;
    }

    private static long declaredLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            // Netty's decoder refuses a malformed Content-Length before the handler runs.
            return -1;
        }
    }

    /** A 413, journaled without a body and as not authentic (it was never checked); {@code close} ends the connection after it. */
    private Mono<Void> tooLarge(String method, String uri, String message, boolean close, HttpServerResponse response) {
        IncomingRequest request = IncomingRequest.of(method, uri, null, null, null, null, NO_BODY);
        if (control == null || !ControlEndpoints.handles(request.rawPath)) {
            record(request, false, 413);
        }
        if (close) {
            response.keepAlive(false);
        }
        return respond(Answer.error(Dialect.of(request.rawPath), 413, message), response);
    }

    // The peer of the connection itself: no Forwarded header can make a remote client look local.
    private static SocketAddress remoteAddress(HttpServerRequest request) {
        return request.connectionRemoteAddress();
    }

    private Mono<Void> serve(IncomingRequest request, HttpServerResponse response) {
        Faults.Fault fault = faults.take(request.method, request.rawPath);
        if (fault == null) {
            return respond(request, handled(request), response);
        }
        switch (fault.kind) {
            case STATUS:
                Answer injected = Answer.error(Dialect.of(request.rawPath), fault.status,
                        "injected fault: the sandbox was told to answer " + fault.status);
                if (fault.retryAfter != null) {
                    injected = injected.withHeader("Retry-After", Long.toString(fault.retryAfterSeconds()));
                }
                return respond(request, new Outcome(authentic(request), injected), response);
            case DELAY:
                // A client that hangs up during the wait cancels this: the request was received all
                // the same, so the journal lists it, unanswered.
                return Mono.delay(fault.delay)
                        .doOnCancel(() -> record(request, authentic(request), RecordedRequest.NO_ANSWER))
                        .then(Mono.defer(() -> respond(request, handled(request), response)));
            case DROP:
                record(request, authentic(request), RecordedRequest.NO_ANSWER);
                return drop(response);
            case PROCESS_THEN_DROP:
                record(request, handled(request).authentic(), RecordedRequest.NO_ANSWER);
                return drop(response);
            default:
                throw new IllegalStateException("unknown fault " + fault.kind);
        }
    }

    /** The request verified as its API requires (v1 signature, v2 Basic) and, when authentic, handled. */
    private Outcome handled(IncomingRequest request) {
        Dialect dialect = Dialect.of(request.rawPath);
        if (request.targetProblem != null) {
            return new Outcome(false, Answer.error(dialect, 400, request.targetProblem));
        }
        Optional<String> problem = authenticationProblem(request, dialect);
        if (problem.isPresent()) {
            return new Outcome(false, Answer.error(dialect, 401, problem.get()));
        }
        if (dialect == Dialect.V2 && request.body.length > 0 && !jsonMediaType(request.contentType)) {
            return new Outcome(true, Answer.error(dialect, 415, "Content-Type " + request.contentType
                    + " is not supported: send application/vnd.api+json"));
        }
        try {
            return new Outcome(true, endpoints.answer(request));
        } catch (Refusal refused) {
            return new Outcome(true, Answer.refused(dialect, refused));
        } catch (RuntimeException bug) {
            LOG.error("the sandbox failed on {} {}", request.method, request.rawPath, bug);
            return new Outcome(true, Answer.error(dialect, 500, "the sandbox failed: " + bug));
        }
    }

    private Optional<String> authenticationProblem(IncomingRequest request, Dialect dialect) {
        return dialect == Dialect.V2 ? basicVerifier.problem(request) : verifier.problem(request);
    }

    // Flowroute takes its JSON:API type and plain JSON; anything else is a 415.
    private static boolean jsonMediaType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim();
        return type.equalsIgnoreCase("application/vnd.api+json") || type.equalsIgnoreCase("application/json");
    }

    private boolean authentic(IncomingRequest request) {
        return request.targetProblem == null && authenticationProblem(request, Dialect.of(request.rawPath)).isEmpty();
    }

    private Mono<Void> respond(IncomingRequest request, Outcome outcome, HttpServerResponse response) {
        record(request, outcome.authentic(), outcome.answer().status());
        return respond(outcome.answer(), response);
    }

    private static Mono<Void> respond(Answer answer, HttpServerResponse response) {
        response.status(answer.status());
        answer.headers().forEach(response::header);
        if (answer.body() == null) {
            return response.send();
        }
        return response.header("Content-Type", answer.contentType())
                .sendByteArray(Mono.just(answer.body()))
                .then();
    }

    private void record(IncomingRequest request, boolean authentic, int status) {
        LOG.debug("{} {}{} -> {}", request.method, request.rawPath,
                request.rawQuery.isEmpty() ? "" : "?" + request.rawQuery, status == 0 ? "dropped" : status);
        journal.record(new RecordedRequest(request.method, request.rawPath, request.rawQuery, request.bodyText(),
                authentic, status));
    }

    // Closing the channel before anything was written leaves the client with a connection that
    // ended without a status line; Reactor Netty then has nothing left to send.
    private static Mono<Void> drop(HttpServerResponse response) {
        response.withConnection(connection -> connection.channel().close());
        return Mono.empty();
    }

    /** A body that grew past {@link #MAX_BODY_BYTES}; the message says so. */
    private static final class BodyTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge(String message) {
            super(message, null, false, false);
        }
    }

    /** An answer and whether the request it answers was authentic. */
    private record Outcome(boolean authentic, Answer answer) {}
}
