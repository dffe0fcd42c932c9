package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.FlowrouteException;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.RateLimitException;
import com.flowroute.numbers.internal.Authenticator;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.ErrorMapper;
import com.flowroute.numbers.internal.Listing;
import com.flowroute.numbers.internal.Operation;
import com.flowroute.numbers.internal.PreparedRequest;
import com.flowroute.numbers.internal.Urls;
import com.flowroute.numbers.internal.WireRequest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends the calls a protocol describes: authenticates each attempt, applies the timeouts, reads
 * the body within its limit, decodes a 2xx answer, maps anything else to the contract's
 * exceptions (through {@link ErrorMapper} and {@link TransportFailures}), logs one line per
 * attempt, and lets the {@link Retrier} decide about the next attempt. The only class that
 * touches the network; it knows no protocol.
 */
final class ApiTransport implements AutoCloseable {
    // One logger name for the whole client (transport, retries, wiretap), so that one setting
    // turns every line of the SDK on or off.
    private static final Logger LOG = LoggerFactory.getLogger(ReactiveFlowrouteClient.class);
    private static final byte[] NO_BODY = new byte[0];
    // Enough for 256 calls in flight with room to spare; a caller with more passes its own
    // HttpClient. Idle connections are closed before the usual 30-60 s of load balancers and NAT.
    private static final int MAX_CONNECTIONS = 500;
    private static final Duration MAX_IDLE_TIME = Duration.ofSeconds(20);

    private final ClientSettings settings;
    private final Retrier retrier;
    private final CallObserver observer;
    private final ConnectionProvider ownedPool;
    private final HttpClient client;
    private final AttemptTimeout.Timers timers;
    private final AtomicBoolean closed = new AtomicBoolean();

    ApiTransport(ClientSettings settings) {
        this.settings = settings;
        this.observer = CallObserver.of(settings.observationRegistry);
        this.retrier = new Retrier(settings.retryPolicy, observer);
        HttpClient base;
        if (settings.httpClient != null) {
            this.ownedPool = null;
            base = WiretapRedaction.apply(settings.httpClient);
        } else {
            this.ownedPool = ConnectionProvider.builder("flowroute")
                    .maxConnections(MAX_CONNECTIONS)
                    .pendingAcquireMaxCount(-1)
                    .maxIdleTime(MAX_IDLE_TIME)
                    .build();
            base = HttpClient.create(ownedPool);
        }
        this.client = base
                // Credentials go to the configured origin only: a redirect is an answer, never followed.
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout.toMillis()));
        // The response timeouts run on the event loops the client's connections use.
        HttpClient configured = this.client;
        this.timers = new AttemptTimeout.Timers(() -> configured.configuration().loopResources()
                .onClient(configured.configuration().isPreferNative()));
    }

    /**
     * A listing: the first page as the protocol describes it, then each page's
     * {@link Page#nextLink()} on the configured origin.
     */
    <T> PagedFlux<T> list(Authenticator authenticator, Listing<T> listing) {
        return PagedFlux.create(
                () -> page(authenticator, listing, listing.first()),
                link -> Mono.defer(() -> page(authenticator, listing, follow(link))));
    }

    private <T> Mono<Page<T>> page(Authenticator authenticator, Listing<T> listing, WireRequest request) {
        return call(authenticator, Operation.idempotent(request, (status, body) -> listing.decode().apply(body)).named(listing.name()))
                .map(page -> listing.link().apply(request, page));
    }

    /** Sends {@code operation} (retrying as the policy allows; it must be idempotent) and decodes its answer. */
    <T> Mono<T> call(Authenticator authenticator, Operation<T> operation) {
        return call(authenticator, operation, null);
    }

    /**
     * Sends {@code operation}, retrying as the policy allows; for a non-idempotent one,
     * {@code appliedCheck} tells after an ambiguous failure whether it took effect anyway (its
     * value then completes the call) or not (empty).
     */
    <T> Mono<T> call(Authenticator authenticator, Operation<T> operation, Mono<Optional<T>> appliedCheck) {
        return observed(operation, retrier.run(operation, appliedCheck, number -> attempt(authenticator, operation, number)));
    }

    /** As {@link #call(Authenticator, Operation, Mono)}, each attempt waiting for its slot from {@code pacer}. */
    <T> Mono<T> call(Authenticator authenticator, Operation<T> operation, Mono<Optional<T>> appliedCheck, MessagePacer pacer) {
        return observed(operation, retrier.run(operation, appliedCheck, number -> pacer.slot()
                .then(attempt(authenticator, operation, number))
                .doOnError(RateLimitException.class, limited -> limited.retryAfter().ifPresent(pacer::pause))));
    }

    private <T> Mono<T> observed(Operation<T> operation, Mono<T> call) {
        return observer.call(operation.name() == null ? "call" : operation.name(), operation.request(), call);
    }

    /** A GET of a page link, resolved against the configured origin and never sent elsewhere. */
    WireRequest follow(String link) {
        URI uri;
        try {
            uri = settings.origin.resolve(link);
        } catch (IllegalArgumentException e) {
            throw new FlowrouteTransportException("the server's links.next is not a URL: " + link, e);
        }
        if (!Urls.sameOrigin(uri, settings.origin)) {
            throw new FlowrouteTransportException("refusing to follow links.next to another origin: " + link
                    + " (the client only sends credentials to " + Urls.origin(settings.origin) + ")", null);
        }
        try {
            return WireRequest.get(uri.getRawPath(), Urls.parseQuery(uri.getRawQuery()));
        } catch (IllegalArgumentException e) {
            throw new FlowrouteTransportException("the server's links.next has a malformed query: " + link, e);
        }
    }

    /** Per-attempt state, shared with the request's and the response's callbacks; reads its status for the observer. */
    private static final class Attempt implements IntSupplier {
        volatile boolean sent;
        volatile int status;
        boolean logged;

        @Override
        public int getAsInt() {
            return status;
        }
    }

    private <T> Mono<T> attempt(Authenticator authenticator, Operation<T> operation, int number) {
        return Mono.defer(() -> {
            if (closed.get()) {
                // Reactor Netty would quietly open a new pool that nobody ever releases.
                return Mono.error(new IllegalStateException("this Flowroute client is closed: build a new one"));
            }
            PreparedRequest prepared = authenticator.prepare(operation.request());
            Attempt attempt = new Attempt();
            long start = System.nanoTime();
            Mono<T> exchange = client.request(HttpMethod.valueOf(prepared.method()))
                    .uri(prepared.url())
                    .send((out, outbound) -> {
                        // From here on the request may reach the server: a failure is no longer "nothing sent".
                        attempt.sent = true;
                        out.header(HttpHeaderNames.USER_AGENT, settings.userAgent);
                        for (Map.Entry<String, String> header : prepared.headers()) {
                            out.header(header.getKey(), header.getValue());
                        }
                        if (prepared.body() == null) {
                            return outbound;
                        }
                        out.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(prepared.body().length));
                        return outbound.sendByteArray(Mono.just(prepared.body()));
                    })
                    .responseConnection((response, connection) -> read(response, connection, prepared, attempt, operation))
                    .next();
            Mono<T> timed = new AttemptTimeout<>(exchange, settings.responseTimeout, timers)
                    .onErrorMap(error -> !(error instanceof FlowrouteException),
                            error -> TransportFailures.of(error, prepared.call(), attempt.sent, settings));
            return observer.attempt(prepared, number, attempt, LOG.isDebugEnabled() ? logged(timed, prepared, attempt,
                    start, number) : timed);
        });
    }

    // One DEBUG line per attempt (its outcome, or its cancellation); the operators are there only
    // while DEBUG is on for the client's logger.
    private static <T> Mono<T> logged(Mono<T> attemptMono, PreparedRequest prepared, Attempt attempt, long start, int number) {
        return attemptMono
                .doOnEach(signal -> {
                    if (!signal.isOnSubscribe() && !attempt.logged) {
                        attempt.logged = true;
                        LOG.debug("{} -> {} in {} ms (attempt {})", prepared.call(),
                                !signal.isOnError() || attempt.status != 0 ? Integer.toString(attempt.status)
                                        : "failed: " + signal.getThrowable().getMessage(),
                                (System.nanoTime() - start) / 1_000_000, number);
                    }
                })
                .doOnCancel(() -> LOG.debug("{} cancelled after {} ms (attempt {})", prepared.call(),
                        (System.nanoTime() - start) / 1_000_000, number));
    }

    private <T> Mono<T> read(HttpClientResponse response, Connection connection, PreparedRequest prepared, Attempt attempt,
            Operation<T> operation) {
        int status = response.status().code();
        attempt.status = status;
        boolean success = status >= 200 && status < 300;
        if (success && !operation.readsBody()) {
            // A write's 2xx status is its outcome: whatever body comes with it (however large) must
            // not turn a purchase that took effect into a failure. Read past it up to the limit,
            // so the connection can be reused, and give up on the connection beyond that.
            return connection.inbound().receive()
                    .scan(0L, (total, chunk) -> total + chunk.readableBytes())
                    .takeUntil(total -> total > settings.maxResponseBytes)
                    .last()
                    .flatMap(total -> {
                        if (total > settings.maxResponseBytes) {
                            connection.dispose();
                        }
                        return decoded(operation, status, NO_BODY, prepared);
                    });
        }
        String declared = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        long length = declared != null && declared.length() <= 18 && Validation.isDigits(declared) ? Long.parseLong(declared) : -1;
        if (success && length > settings.maxResponseBytes) {
            connection.dispose();
            return Mono.error(tooLarge(prepared, length + " bytes"));
        }
        // A non-2xx answer is still that status however long its body: keep the start of the body
        // (the exception bounds it anyway) instead of failing, so that it maps and retries by status.
        int limit = success ? settings.maxResponseBytes : Math.min(settings.maxResponseBytes, FlowrouteApiException.MAX_BODY_CHARS * 4);
        return connection.inbound().receive()
                .reduceWith(() -> new BoundedBody(Math.min(length, limit)), (body, chunk) -> {
                    if (!body.add(chunk, limit) && success) {
                        throw tooLarge(prepared, "more than " + settings.maxResponseBytes + " bytes");
                    }
                    return body;
                })
                .map(BoundedBody::bytes)
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> {
                    if (success) {
                        return decoded(operation, status, body, prepared);
                    }
                    return Mono.error(ErrorMapper.toException(status, prepared.method(), prepared.pathAndQuery(),
                            new String(body, StandardCharsets.UTF_8),
                            ErrorMapper.retryAfter(response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER), settings.clock)));
                });
    }

    // A body the protocol cannot read is a malformed answer: not retried (the server would answer
    // the same), and named by its call like every other failure.
    private static <T> Mono<T> decoded(Operation<T> operation, int status, byte[] body, PreparedRequest prepared) {
        try {
            return Mono.justOrEmpty(operation.decode().decode(status, body));
        } catch (FlowrouteTransportException e) {
            return Mono.error(new FlowrouteTransportException(prepared.call() + ": " + e.getMessage(), e));
        }
    }

    /**
     * A response body read up to a limit: sized from the Content-Length when the server declared
     * one, so that a body arriving as declared is copied once, from the network buffers into the
     * array that is returned. Up to 1 MiB is reserved ahead; a larger body grows as it arrives.
     */
    private static final class BoundedBody extends ByteArrayOutputStream {
        private static final int MAX_RESERVED = 1 << 20;

        BoundedBody(long declaredLength) {
            super(declaredLength >= 0 ? (int) Math.min(declaredLength, MAX_RESERVED) : 256);
        }

        /** Adds as much of {@code chunk} as fits under {@code limit} bytes; false when not all of it fit. */
        boolean add(ByteBuf chunk, int limit) {
            int keep = (int) Math.max(0, Math.min(chunk.readableBytes(), (long) limit - count));
            ensureCapacity(count + keep);
            chunk.getBytes(chunk.readerIndex(), buf, count, keep);
            count += keep;
            return keep == chunk.readableBytes();
        }

        private void ensureCapacity(int needed) {
            if (needed > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
            }
        }

        byte[] bytes() {
            return count == buf.length ? buf : toByteArray();
        }
    }

    // Not an AttemptFailure: the server did answer, and would answer the same again, so no retry.
    private FlowrouteTransportException tooLarge(PreparedRequest prepared, String size) {
        return new FlowrouteTransportException(prepared.call() + ": the response body (" + size + ") exceeds the limit of "
                + settings.maxResponseBytes + " bytes (maxResponseBytes)", null);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownedPool != null) {
            ownedPool.dispose();
        }
    }
}
