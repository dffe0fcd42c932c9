package com.flowroute.numbers.sandbox;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Posts webhooks to messaging callbacks as Flowroute does: a JSON body by POST, and anything but
 * a 200 (another status, a refused connection, no answer within {@link #RESPONSE_TIMEOUT}) is
 * tried again {@link #RETRIES} times, {@code retryInterval} apart (Flowroute: 30 s). Posts only
 * to loopback hosts ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}): a callback elsewhere
 * is kept and shown by the API, but its webhooks are skipped with a warning, so that a sandbox
 * never sends test data off the machine. Redirects are not followed.
 *
 * <p>Runs on Reactor Netty's client and Reactor's timers: nothing here blocks a thread. Logs
 * name the message id and the URL without its user info and query, never the body.
 */
final class CallbackSender {
    /** Retries after the first attempt, as Flowroute makes them. */
    static final int RETRIES = 4;
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(FlowrouteSandbox.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Duration retryInterval;
    private final HttpClient http;
    private final List<Tracked> deliveries = new ArrayList<>();

    CallbackSender(Duration retryInterval) {
        this.retryInterval = retryInterval;
        // A connection per webhook, as a remote server would open one: nothing pooled to close.
        this.http = HttpClient.create(ConnectionProvider.newConnection())
                .followRedirect(false)
                .responseTimeout(RESPONSE_TIMEOUT)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .headers(headers -> headers
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .set(HttpHeaderNames.USER_AGENT, "flowroute-sandbox"));
    }

    /** A delivery being tracked; its fields change as attempts end. */
    private static final class Tracked {
        final CallbackDelivery.Kind kind;
        final String messageId;
        final URI url;
        volatile CallbackDelivery.State state = CallbackDelivery.State.PENDING;
        volatile int attempts;
        volatile int lastStatus;

        Tracked(CallbackDelivery.Kind kind, String messageId, URI url) {
            this.kind = kind;
            this.messageId = messageId;
            this.url = url;
        }

        CallbackDelivery snapshot() {
            return new CallbackDelivery(kind, messageId, url, state, attempts, lastStatus);
        }
    }

    /**
     * Posts {@code body} to {@code url} until a 200 or the last retry; cold, and completes (never
     * errors) when the delivery has ended. Disposing it stops the retries.
     */
    Mono<Void> post(CallbackDelivery.Kind kind, String messageId, URI url, byte[] body) {
        return Mono.defer(() -> {
            Tracked tracked = new Tracked(kind, messageId, url);
            synchronized (deliveries) {
                deliveries.add(tracked);
            }
            if (!isLoopback(url)) {
                tracked.state = CallbackDelivery.State.SKIPPED;
                LOG.warn("the sandbox posts webhooks only to this machine: not posting {} of {} to {}", describe(kind),
                        messageId, printable(url));
                return Mono.empty();
            }
            return attempt(tracked, body, 1);
        });
    }

    private Mono<Void> attempt(Tracked tracked, byte[] body, int number) {
        return http.post()
                .uri(tracked.url.toString())
                .send((request, outbound) -> outbound.sendByteArray(Mono.just(body)))
                .responseSingle((response, content) -> content.asByteArray()
                        .then(Mono.just(response.status().code())))
                .onErrorResume(failed -> {
                    LOG.debug("posting {} of {} to {} failed (attempt {}): {}", describe(tracked.kind), tracked.messageId,
                            printable(tracked.url), number, failed.toString());
                    return Mono.just(0);
                })
                .flatMap(status -> {
                    tracked.attempts = number;
                    tracked.lastStatus = status;
                    if (status == 200) {
                        tracked.state = CallbackDelivery.State.DELIVERED;
                        return Mono.empty();
                    }
                    if (number > RETRIES) {
                        tracked.state = CallbackDelivery.State.FAILED;
                        LOG.warn("gave up posting {} of {} to {} after {} attempts (last: {})", describe(tracked.kind),
                                tracked.messageId, printable(tracked.url), number,
                                status == 0 ? "no answer" : "status " + status);
                        return Mono.empty();
                    }
                    LOG.debug("{} answered {} to {} of {} (attempt {}): retrying in {}", printable(tracked.url),
                            status == 0 ? "nothing" : status, describe(tracked.kind), tracked.messageId, number, retryInterval);
                    return Mono.delay(retryInterval).then(Mono.defer(() -> attempt(tracked, body, number + 1)));
                });
    }

    /** Every delivery since the start or the last {@link #reset()}, oldest first. */
    List<CallbackDelivery> deliveries() {
        synchronized (deliveries) {
            return deliveries.stream().map(Tracked::snapshot).toList();
        }
    }

    void reset() {
        synchronized (deliveries) {
            deliveries.clear();
        }
    }

    /**
     * Whether {@code url}'s host is this machine, judged from the URL alone: {@code localhost},
     * or an IP literal that is a loopback address. No name is looked up.
     */
    static boolean isLoopback(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.startsWith("[") && !IPV4.matcher(host).matches()) {
            return false;
        }
        try {
            // An IP literal: getByName parses it, without asking a resolver.
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException malformed) {
            return false;
        }
    }

    /** The URL as logs show it: without user info and query, which may hold credentials. */
    static String printable(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    private static String describe(CallbackDelivery.Kind kind) {
        return kind == CallbackDelivery.Kind.INBOUND_MESSAGE ? "the inbound message" : "a delivery receipt";
    }
}
