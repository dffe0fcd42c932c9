package com.flowroute.numbers.reactive;

import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.MessageDirection;
import com.flowroute.numbers.MessageQuery;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.internal.Validation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Texting over Flowroute's v2.1 messaging API, whatever the client's {@code apiVersion}: send
 * SMS and MMS, look messages up, list them by period, and set the account's callback URLs.
 * Obtained from {@link ReactiveFlowrouteClient#messages()}. Every method returns a cold
 * {@code Mono} or {@link PagedFlux}; bad input is an {@link IllegalArgumentException} signalled
 * before anything is sent.
 *
 * <p><b>Pacing.</b> Flowroute accepts 5 SMS per second per account. Each client spaces its sends
 * (every attempt, retries included) to the builder's {@code messageRate} (default 5 per second,
 * 0 for no pacing) on a timer, never blocking a thread and keeping the order in which sends were
 * subscribed; a 429 holds every later send until its {@code Retry-After}. Services that send
 * from several processes on one account share the limit: give each its part of the rate.
 *
 * <p><b>Exactly once.</b> A send is not idempotent. After an ambiguous failure (the connection
 * broke after sending, a response timeout, a 500, 502, 503 or 504) the client lists the
 * account's messages from one minute before the attempt started to one minute after now, and if
 * it finds an outbound message with the same {@code from}, {@code to} and body that this client
 * has not already reported as sent, it completes with that message's id instead of texting
 * again; otherwise it sends again within the retry policy. If that look-up fails, the send
 * errors with a {@link com.flowroute.numbers.FlowrouteTransportException} saying the outcome is
 * unknown, and nothing more is sent. Limits: a message Flowroute accepted but does not list yet
 * is sent a second time; two identical texts sent at once from different processes can be
 * taken for one another.
 */
public final class ReactiveMessagesClient {
    private static final Logger LOG = LoggerFactory.getLogger(ReactiveFlowrouteClient.class);
    /** How far the look-up reaches around an attempt, for clocks that disagree. */
    static final Duration LOOKUP_MARGIN = Duration.ofMinutes(1);
    /** How many sent ids a client remembers, so that a look-up never claims one of them twice. */
    private static final int REMEMBERED_IDS = 10_000;

    private final ClientContext context;
    private final MessagePacer pacer;
    private final Clock clock;
    private final Set<String> sentIds = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>() {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_IDS;
                }
            }));

    ReactiveMessagesClient(ClientContext context, double messageRate, Clock clock) {
        this.context = context;
        this.pacer = new MessagePacer(messageRate);
        this.clock = clock;
    }

    /**
     * Sends an SMS or MMS ({@code POST /v2.1/messages}) and emits its id ({@code mdr2-...}) once
     * Flowroute accepted it. Paced and reconciled as the class describes; errors with
     * {@link com.flowroute.numbers.AuthenticationException} (403) or
     * {@link com.flowroute.numbers.BadRequestException} (422) when {@code from} is not a number
     * of the account with messaging enabled.
     */
    public Mono<String> send(OutboundMessage message) {
        Objects.requireNonNull(message, "message");
        return Mono.defer(() -> {
            Instant started = clock.instant();
            LOG.debug("sending {} from {} to {} ({} characters)", message.isMms() ? "MMS" : "SMS", message.from(), message.to(),
                    message.body().codePointCount(0, message.body().length()));
            return context.transport.call(context.v2.authenticator(), context.messaging.send(message), sentAlready(message, started),
                            pacer)
                    .doOnNext(sentIds::add);
        });
    }

    /** The id of an outbound message like {@code message} sent since {@code started} that this client has not claimed yet. */
    private Mono<Optional<String>> sentAlready(OutboundMessage message, Instant started) {
        return Mono.defer(() -> list(MessageQuery.builder()
                        .start(started.minus(LOOKUP_MARGIN))
                        .end(clock.instant().plus(LOOKUP_MARGIN))
                        .pageSize(200)
                        .build())
                .filter(record -> record.direction().equals(MessageDirection.OUTBOUND)
                        && record.from().equals(message.from()) && record.to().equals(message.to())
                        && record.body().equals(message.body()) && !sentIds.contains(record.id()))
                .next()
                .map(record -> Optional.of(record.id()))
                .defaultIfEmpty(Optional.empty()))
                .onErrorMap(lookupFailed -> new UnknownOutcomeException("POST /v2.1/messages: the outcome of this send is"
                        + " unknown: an attempt failed after it may have reached Flowroute, and looking for the message"
                        + " failed too (" + lookupFailed.getMessage() + "); it was not sent again", lookupFailed));
    }

    /** The message {@code id} ({@code GET /v2.1/messages/{id}}), with its status and delivery receipts. */
    public Mono<MessageRecord> get(String id) {
        return Mono.defer(() -> {
            Validation.text(id, "id");
            return context.transport.call(context.v2.authenticator(), context.messaging.get(id));
        });
    }

    /**
     * The account's messages, inbound and outbound, in the period of {@code query}
     * ({@code GET /v2.1/messages}), paged by offset one page at a time on demand.
     */
    public PagedFlux<MessageRecord> list(MessageQuery query) {
        Objects.requireNonNull(query, "query");
        return context.list(context.v2.authenticator(), () -> context.messaging.list(query));
    }

    /**
     * Sets where Flowroute posts the account's inbound messages or delivery receipts
     * ({@code PUT /v2.1/messages/sms_callback} and the like); read them with
     * {@link com.flowroute.numbers.FlowrouteWebhooks}.
     */
    public Mono<Void> setCallback(CallbackType type, URI url) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        return Mono.defer(() -> context.transport.call(context.v2.authenticator(), context.messaging.setCallback(type, url)));
    }
}
