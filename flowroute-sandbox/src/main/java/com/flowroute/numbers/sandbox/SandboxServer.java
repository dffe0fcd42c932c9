package com.flowroute.numbers.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The HTTP side of the sandbox on Reactor Netty: reads each request whole, applies an injected
 * fault if one matches, otherwise verifies the signature and lets the {@link Endpoints} answer,
 * then records the exchange in the {@link Journal} before the answer leaves, so that a client
 * that has its answer always finds its request in the journal.
 */
final class SandboxServer {
    private static final Logger LOG = LoggerFactory.getLogger(FlowrouteSandbox.class);
    private static final byte[] NO_BODY = new byte[0];

    private final RequestVerifier verifier;
    private final Endpoints endpoints;
    private final Faults faults;
    private final Journal journal;

    SandboxServer(RequestVerifier verifier, Endpoints endpoints, Faults faults, Journal journal) {
        this.verifier = verifier;
        this.endpoints = endpoints;
        this.faults = faults;
        this.journal = journal;
    }

    /** The Reactor Netty handler. */
    Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asByteArray()
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> serve(IncomingRequest.of(request.method().name(), request.uri(),
                        request.requestHeaders().get("Host"), request.requestHeaders().get("Authorization"),
                        request.requestHeaders().get("X-Timestamp"), body), response));
    }

    private Mono<Void> serve(IncomingRequest request, HttpServerResponse response) {
        Faults.Fault fault = faults.take(request.method, request.rawPath);
        if (fault == null) {
            return respond(request, handled(request), response);
        }
        switch (fault.kind) {
            case STATUS:
                Answer injected = Answer.error(fault.status, "injected fault: the sandbox was told to answer "
                        + fault.status);
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
                record(request, handled(request).authentic, RecordedRequest.NO_ANSWER);
                return drop(response);
            default:
                throw new IllegalStateException("unknown fault " + fault.kind);
        }
    }

    /** The request verified and, when authentic, handled. */
    private Outcome handled(IncomingRequest request) {
        if (request.queryProblem != null) {
            return new Outcome(false, Answer.error(400, request.queryProblem));
        }
        Optional<String> problem = verifier.problem(request);
        if (problem.isPresent()) {
            return new Outcome(false, Answer.error(401, problem.get()));
        }
        try {
            return new Outcome(true, endpoints.answer(request));
        } catch (RuntimeException bug) {
            LOG.error("the sandbox failed on {} {}", request.method, request.rawPath, bug);
            return new Outcome(true, Answer.error(500, "the sandbox failed: " + bug));
        }
    }

    private boolean authentic(IncomingRequest request) {
        return request.queryProblem == null && verifier.problem(request).isEmpty();
    }

    private Mono<Void> respond(IncomingRequest request, Outcome outcome, HttpServerResponse response) {
        Answer answer = outcome.answer;
        record(request, outcome.authentic, answer.status);
        response.status(answer.status);
        answer.headers.forEach(response::header);
        if (answer.json == null) {
            return response.send();
        }
        return response.header("Content-Type", "application/json")
                .sendString(Mono.just(answer.json), StandardCharsets.UTF_8)
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

    /** An answer and whether the request it answers was authentic. */
    private static final class Outcome {
        final boolean authentic;
        final Answer answer;

        Outcome(boolean authentic, Answer answer) {
            this.authentic = authentic;
            this.answer = answer;
        }
    }
}
