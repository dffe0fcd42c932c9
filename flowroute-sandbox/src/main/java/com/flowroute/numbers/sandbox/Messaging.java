package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.DeliveryReceipt;
import com.flowroute.numbers.InboundMessage;
import com.flowroute.numbers.MessageQuery;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.internal.v2.MessagingJson;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * What happens around the account's messages: a send is recorded as {@code message buffered}
 * and becomes {@code delivered} after the delivery delay (at once when it is zero), each step
 * appending a delivery receipt that is posted to the message's or the account's DLR callback; a
 * simulated inbound message is recorded and posted to the account's SMS or MMS callback. Timers
 * and webhooks run in the background, never on the caller's thread for longer than it takes to
 * start them; {@link #reset()} and {@link #close()} cancel what is still pending.
 */
final class Messaging implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlowrouteSandbox.class);

    private final MessageStore store;
    private final CallbackSender sender;
    private final Duration deliveryDelay;
    /** The timers and webhooks in progress; replaced (and the old one disposed) by a reset. */
    private Disposable.Composite pending = Disposables.composite();

    Messaging(SandboxState state, int rateLimit, Duration deliveryDelay, Duration callbackRetryInterval, LongSupplier ticker) {
        this.store = new MessageStore(state, rateLimit, ticker);
        this.sender = new CallbackSender(callbackRetryInterval);
        this.deliveryDelay = deliveryDelay;
    }

    int rateLimit() {
        return store.rateLimit();
    }

    /**
     * Sends {@code message}: records it, and starts its delivery and receipts.
     *
     * @return the record, or empty when the rate window is full (see {@link #retryAfter()})
     * @throws Refusal 403 when {@code from} is not on the account
     */
    Optional<MessageRecord> send(OutboundMessage message) {
        Optional<MessageStore.Accepted> accepted = store.send(message);
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        MessageRecord record = accepted.get().record();
        Mono<Void> buffered = receipt(accepted.get());
        if (deliveryDelay.isZero()) {
            // Delivered before the 202 leaves; the receipts still go out one after the other.
            Optional<MessageStore.Accepted> delivered = store.deliver(record.id());
            schedule(buffered.then(Mono.defer(() -> delivered.map(this::receipt).orElse(Mono.empty()))));
            return Optional.of(delivered.map(MessageStore.Accepted::record).orElse(record));
        }
        schedule(buffered);
        schedule(Mono.delay(deliveryDelay).then(Mono.defer(() -> store.deliver(record.id()).map(this::receipt)
                .orElse(Mono.empty()))));
        return Optional.of(record);
    }

    /** How long until the rate window takes another send. */
    Duration retryAfter() {
        return store.retryAfter();
    }

    /**
     * Records a message received by the account's number {@code message.to()} from
     * {@code message.from()}, and posts it to the account's SMS or MMS callback when set.
     *
     * @throws IllegalArgumentException naming {@code to} when it is not on the account
     */
    InboundMessage receive(OutboundMessage message) {
        MessageStore.Accepted received = store.receive(message.from(), message.to(), message.body(), message.mediaUrls(),
                message.isMms());
        MessageRecord record = received.record();
        InboundMessage inbound = InboundMessage.builder()
                .id(record.id())
                .from(record.from())
                .to(record.to())
                .body(record.body())
                .mediaUrls(record.mediaUrls())
                .mms(record.isMms())
                .timestamp(record.timestamp())
                .build();
        received.callback().ifPresent(url -> schedule(sender.post(CallbackDelivery.Kind.INBOUND_MESSAGE, record.id(),
                url, MessagingJson.inboundWebhook(inbound))));
        return inbound;
    }

    Optional<MessageRecord> get(String id) {
        return store.get(id);
    }

    SandboxState.Slice<MessageRecord> list(MessageQuery period, int offset, int limit) {
        return store.list(period, offset, limit);
    }

    List<MessageRecord> sent() {
        return store.sent();
    }

    void setCallback(CallbackType type, URI url) {
        store.setCallback(type, url);
    }

    Optional<URI> callback(CallbackType type) {
        return store.callback(type);
    }

    List<CallbackDelivery> deliveries() {
        return sender.deliveries();
    }

    /** Cancels pending deliveries and webhooks; forgets messages, callbacks, deliveries and the rate window. */
    void reset() {
        Disposable.Composite old;
        synchronized (this) {
            old = pending;
            pending = Disposables.composite();
        }
        old.dispose();
        store.reset();
        sender.reset();
    }

    /** Cancels everything pending; later work is cancelled as it starts. */
    @Override
    public void close() {
        Disposable.Composite last;
        synchronized (this) {
            last = pending;
        }
        last.dispose();
    }

    /** Posts the newest receipt of {@code accepted} to its receipt callback, if it has one. */
    private Mono<Void> receipt(MessageStore.Accepted accepted) {
        MessageRecord record = accepted.record();
        if (accepted.callback().isEmpty()) {
            return Mono.empty();
        }
        List<DeliveryReceipt> receipts = record.deliveryReceipts();
        byte[] body = MessagingJson.receiptWebhook(record.id(), receipts.get(receipts.size() - 1));
        return sender.post(CallbackDelivery.Kind.DELIVERY_RECEIPT, record.id(), accepted.callback().get(), body);
    }

    /** Runs {@code work} in the background, cancelled by a reset or close, forgotten once done. */
    private void schedule(Mono<Void> work) {
        Disposable.Composite current;
        synchronized (this) {
            current = pending;
        }
        Disposable.Swap slot = Disposables.swap();
        if (!current.add(slot)) {
            return;
        }
        slot.update(work.doFinally(signal -> current.remove(slot))
                .subscribe(null, failure -> LOG.warn("a messaging task of the sandbox failed: {}", failure.toString())));
    }
}
