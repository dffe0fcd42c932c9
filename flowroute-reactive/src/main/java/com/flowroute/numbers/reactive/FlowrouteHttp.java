package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.FlowrouteException;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PagedQuery;
import com.flowroute.numbers.internal.Checks;
import com.flowroute.numbers.internal.ErrorMapper;
import com.flowroute.numbers.internal.RequestSigner;
import com.flowroute.numbers.internal.RequestSigner.SignedRequest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends v1 calls: builds and signs each attempt, applies the timeouts, reads the body within its
 * limit, maps non-2xx answers and transport failures to the contract's exceptions, logs one
 * line per attempt, and lets {@link RetryRules} decide about the next attempt. The only class
 * that touches the network.
 */
final class FlowrouteHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReactiveFlowrouteClient.class);
    private static final String JSON = "application/json";
    private static final byte[] NO_BODY = new byte[0];

    private final ClientSettings settings;
    private final RequestSigner signer;
    private final RetryRules retryRules;
    private final ConnectionProvider ownedPool;
    private final HttpClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    FlowrouteHttp(ClientSettings settings) {
        this.settings = settings;
        this.signer = new RequestSigner(settings.credentials, settings.clock);
        this.retryRules = new RetryRules(settings.retryPolicy);
        HttpClient base;
        if (settings.httpClient != null) {
            this.ownedPool = null;
            base = WiretapRedaction.apply(settings.httpClient);
        } else {
            this.ownedPool = ConnectionProvider.builder("flowroute")
                    .maxConnections(500)
                    .pendingAcquireMaxCount(-1)
                    .maxIdleTime(Duration.ofSeconds(20))
                    .build();
            base = HttpClient.create(ownedPool);
        }
        this.client = base
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout.toMillis()))
                // From here on the request may reach the server: a failure is no longer "nothing sent".
                .doOnRequest((request, connection) -> request.currentContextView()
                        .<Attempt>getOrEmpty(Attempt.class).ifPresent(attempt -> attempt.sent = true));
    }

    /** The raw path of an API path under the base URL, such as {@code /v1} + {@code /tns/}. */
    String path(String apiPath) {
        return settings.basePath + apiPath;
    }

    /** A listing: the first page from {@code apiPath} with {@code query}, then each {@code links.next}. */
    <T> PagedFlux<T> list(String apiPath, PagedQuery query, Function<byte[], Page<T>> parse) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>(query.queryParameters().entrySet());
        return PagedFlux.create(
                () -> call(ApiRequest.get(path(apiPath), parameters), parse),
                link -> Mono.defer(() -> call(followLink(link), parse)));
    }

    /** Sends {@code request} (retrying as the policy allows) and parses a 2xx body with {@code parse}. */
    <T> Mono<T> call(ApiRequest request, Function<byte[], T> parse) {
        return retryRules.run(request, number -> attempt(request, number, true))
                .map(body -> {
                    try {
                        return parse.apply(body);
                    } catch (FlowrouteTransportException e) {
                        throw new FlowrouteTransportException(request.method + " " + request.rawPath + ": " + e.getMessage(), e);
                    }
                });
    }

    /** Sends {@code request} and ignores a 2xx body. */
    Mono<Void> send(ApiRequest request) {
        return retryRules.run(request, number -> attempt(request, number, false)).then();
    }

    /** A GET of a {@code links.next} value, resolved against the base URL's origin and never elsewhere. */
    ApiRequest followLink(String link) {
        URI uri;
        try {
            uri = settings.origin.resolve(link);
        } catch (IllegalArgumentException e) {
            throw new FlowrouteTransportException("the server's links.next is not a URL: " + link, e);
        }
        if (!RequestSigner.origin(uri).equals(RequestSigner.origin(settings.origin))) {
            throw new FlowrouteTransportException("refusing to follow links.next to another origin: " + link
                    + " (the client only sends credentials to " + RequestSigner.origin(settings.origin) + ")", null);
        }
        try {
            return ApiRequest.get(uri.getRawPath(), RequestSigner.parseQuery(uri.getRawQuery()));
        } catch (IllegalArgumentException e) {
            throw new FlowrouteTransportException("the server's links.next has a malformed query: " + link, e);
        }
    }

    /** Per-attempt state, shared with the connection hooks through the Reactor context. */
    private static final class Attempt {
        volatile boolean sent;
        volatile int status;
    }

    /** One attempt; {@code keepBody} false when a 2xx answer's body means nothing to the caller. */
    private Mono<byte[]> attempt(ApiRequest request, int number, boolean keepBody) {
        return Mono.defer(() -> {
            if (closed.get()) {
                // Reactor Netty would quietly open a new pool that nobody ever releases.
                return Mono.error(new IllegalStateException("this Flowroute client is closed: build a new one"));
            }
            SignedRequest signed = signer.sign(request.method, settings.origin, request.rawPath, request.query, request.body);
            Attempt attempt = new Attempt();
            long start = System.nanoTime();
            return client.request(HttpMethod.valueOf(request.method))
                    .uri(signed.url())
                    .send((out, outbound) -> {
                        out.header(HttpHeaderNames.ACCEPT, JSON)
                                .header(HttpHeaderNames.USER_AGENT, settings.userAgent)
                                .header("X-Timestamp", signed.timestamp())
                                .header(HttpHeaderNames.AUTHORIZATION, signed.authorization());
                        if (request.body == null) {
                            return outbound;
                        }
                        out.header(HttpHeaderNames.CONTENT_TYPE, JSON)
                                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(request.body.length));
                        return outbound.sendByteArray(Mono.just(request.body));
                    })
                    .responseConnection((response, connection) -> read(response, connection, request, signed, attempt, keepBody))
                    .next()
                    .timeout(settings.responseTimeout)
                    .contextWrite(context -> context.put(Attempt.class, attempt))
                    .onErrorMap(error -> !(error instanceof FlowrouteException),
                            error -> transportFailure(error, signed, attempt.sent))
                    .doOnEach(signal -> {
                        if (LOG.isDebugEnabled() && (signal.isOnNext() || signal.isOnError())) {
                            LOG.debug("{} {} -> {} in {} ms (attempt {})", request.method, signed.pathAndQuery(),
                                    signal.isOnNext() || attempt.status != 0 ? Integer.toString(attempt.status)
                                            : "failed: " + signal.getThrowable().getMessage(),
                                    (System.nanoTime() - start) / 1_000_000, number);
                        }
                    })
                    .doOnCancel(() -> LOG.debug("{} {} cancelled after {} ms (attempt {})", request.method,
                            signed.pathAndQuery(), (System.nanoTime() - start) / 1_000_000, number));
        });
    }

    private Mono<byte[]> read(HttpClientResponse response, Connection connection, ApiRequest request, SignedRequest signed,
            Attempt attempt, boolean keepBody) {
        int status = response.status().code();
        attempt.status = status;
        boolean success = status >= 200 && status < 300;
        if (success && !keepBody) {
            // A write's 2xx status is its outcome: whatever body comes with it (however large) must
            // not turn a purchase that took effect into a failure. Read past it up to the limit,
            // so the connection can be reused, and give up on the connection beyond that.
            return connection.inbound().receive()
                    .scan(0L, (total, chunk) -> total + chunk.readableBytes())
                    .takeUntil(total -> total > settings.maxResponseBytes)
                    .last()
                    .map(total -> {
                        if (total > settings.maxResponseBytes) {
                            connection.dispose();
                        }
                        return NO_BODY;
                    });
        }
        String declared = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        long length = declared != null && declared.length() <= 18 && Checks.isDigits(declared) ? Long.parseLong(declared) : -1;
        if (success && length > settings.maxResponseBytes) {
            connection.dispose();
            return Mono.error(tooLarge(signed, length + " bytes"));
        }
        // A non-2xx answer is still that status however long its body: keep the start of the body
        // (the exception bounds it anyway) instead of failing, so that it maps and retries by status.
        int errorBodyLimit = Math.min(settings.maxResponseBytes, FlowrouteApiException.MAX_BODY_CHARS * 4);
        return connection.inbound().receive()
                .reduceWith(() -> new Body(success ? length : Math.min(length, errorBodyLimit)), (body, chunk) -> {
                    if (!body.add(chunk, success ? settings.maxResponseBytes : errorBodyLimit) && success) {
                        throw tooLarge(signed, "more than " + settings.maxResponseBytes + " bytes");
                    }
                    return body;
                })
                .map(Body::bytes)
                .flatMap(body -> {
                    if (success) {
                        return Mono.just(body);
                    }
                    String text = new String(body, StandardCharsets.UTF_8);
                    return Mono.error(ErrorMapper.toException(status, request.method, signed.pathAndQuery(), text,
                            ErrorMapper.retryAfter(response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER), settings.clock)));
                });
    }

    /**
     * A response body being read: sized from the Content-Length when the server declared one, so
     * that a body arriving as declared is copied once, from the network buffers into the array
     * that is returned. Up to 1 MiB is reserved ahead; a larger body grows as it arrives.
     */
    private static final class Body extends ByteArrayOutputStream {
        private static final int MAX_RESERVED = 1 << 20;

        Body(long declaredLength) {
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

    // Not a SendFailure: the server did answer, and would answer the same again, so no retry.
    private FlowrouteTransportException tooLarge(SignedRequest signed, String size) {
        return new FlowrouteTransportException(signed.method() + " " + signed.pathAndQuery() + ": the response body ("
                + size + ") exceeds the limit of " + settings.maxResponseBytes + " bytes (maxResponseBytes)", null);
    }

    private SendFailure transportFailure(Throwable error, SignedRequest signed, boolean sent) {
        String call = signed.method() + " " + signed.pathAndQuery();
        String what;
        if (error instanceof TimeoutException) {
            what = "response timeout of " + settings.responseTimeout.toMillis() + " ms elapsed"
                    + (sent ? " waiting for the answer" : " before the request was sent");
        } else if (error instanceof ConnectTimeoutException) {
            what = "connect timeout of " + settings.connectTimeout.toMillis() + " ms elapsed connecting to "
                    + RequestSigner.origin(settings.origin);
        } else if (error instanceof ConnectException || (error.getCause() instanceof ConnectException)) {
            what = "could not connect to " + RequestSigner.origin(settings.origin) + " (" + error.getMessage() + ")";
        } else if (error instanceof PrematureCloseException) {
            what = "the connection closed before the response was complete";
        } else if (error instanceof SSLException) {
            what = "the TLS handshake with " + RequestSigner.origin(settings.origin) + " failed (" + error.getMessage() + ")";
        } else if (error instanceof IOException) {
            // Such as Netty's native "recvAddress(..) failed with error(-104): Connection reset by peer".
            what = "the connection failed (" + error.getMessage() + ")";
        } else {
            what = "the exchange failed: " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : " (" + error.getMessage() + ")");
        }
        return new SendFailure(call + ": " + what, error, sent);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownedPool != null) {
            ownedPool.dispose();
        }
    }
}
