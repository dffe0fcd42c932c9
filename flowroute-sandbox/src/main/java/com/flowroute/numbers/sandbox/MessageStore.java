package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.DeliveryReceipt;
import com.flowroute.numbers.MessageDirection;
import com.flowroute.numbers.MessageQuery;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.MessageStatus;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.internal.Validation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The account's messages (message detail records, both directions, in the order they were
 * handled), its messaging callback URLs and the sliding one-second window of accepted sends.
 * Pure state, no I/O: every method holds the {@link SandboxState}'s lock, as the state asks of
 * the parts that need the account, and may be called from the event loop.
 *
 * <p>Times come from one monotonic ticker: a record's {@code timestamp} is the wall-clock time
 * at the store's creation plus the ticker's progress since, so that the timestamps of accepted
 * sends are exactly the instants the rate window judged, and never go backwards.
 */
final class MessageStore {
    /** What one SMS segment costs: 4,000,000 nanodollars, as Flowroute's records show. */
    static final BigDecimal SMS_SEGMENT_PRICE = new BigDecimal("0.004");
    /** What one MMS costs in the sandbox, whatever its size: 20,000,000 nanodollars. */
    static final BigDecimal MMS_PRICE = new BigDecimal("0.02");
    /** The level-1 receipt of every accepted send, as Flowroute documents it. */
    static final int BUFFERED_CODE = 1003;
    static final String BUFFERED_DESCRIPTION = "Message accepted by Carrier";
    /** The level-2 receipt of a delivered message (the sandbox's choice of code). */
    static final int DELIVERED_CODE = 1000;
    static final String DELIVERED_DESCRIPTION = "Message delivered to handset";

    private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();
    /** GSM 03.38's basic character set: an SMS in these takes 7 bits a character. */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Its extension table: two septets each. */
    private static final String GSM_EXTENDED = "\f^{}\\[~]|€";

    /** A message of the account and, for a sent one, where its receipts go when the message says. */
    private record Entry(MessageRecord record, Optional<URI> deliveryCallback) {}

    /**
     * A message recorded, with where its webhooks go: for a sent one its receipts (the message's
     * own {@code dlr_callback}, else the account's SMS or MMS DLR callback), for a received one
     * the account's SMS or MMS callback.
     */
    record Accepted(MessageRecord record, Optional<URI> callback) {}

    private final SandboxState state;
    private final int rateLimit;
    private final LongSupplier ticker;
    private final Instant epoch;
    private final long epochTick;
    private final Map<String, Entry> messages = new LinkedHashMap<>();
    private final Map<CallbackType, URI> callbacks = new EnumMap<>(CallbackType.class);
    /** The ticks of the sends accepted within the last second, oldest first. */
    private final ArrayDeque<Long> window = new ArrayDeque<>();

    /**
     * @param rateLimit sends accepted per sliding second, 0 for no limit
     * @param ticker nanoseconds, as {@link System#nanoTime()} counts them
     */
    MessageStore(SandboxState state, int rateLimit, LongSupplier ticker) {
        this.state = state;
        this.rateLimit = rateLimit;
        this.ticker = ticker;
        this.epochTick = ticker.getAsLong();
        this.epoch = Instant.now();
    }

    int rateLimit() {
        return rateLimit;
    }

    /**
     * Records {@code message} as sent now, status {@code message buffered} with its level-1
     * receipt.
     *
     * @return the record and where its receipts go, or empty when the window is full
     * @throws Refusal 403 when {@code from} is not on the account
     */
    Optional<Accepted> send(OutboundMessage message) {
        synchronized (state) {
            if (!state.onAccount(message.from())) {
                throw Refusal.forbidden("from " + message.from() + " is not a number on your account with messaging"
                        + " enabled: send from one of the account's numbers");
            }
            long tick = ticker.getAsLong();
            if (rateLimit > 0) {
                dropExpired(tick);
                if (window.size() >= rateLimit) {
                    return Optional.empty();
                }
                window.addLast(tick);
            }
            Instant now = instant(tick);
            MessageRecord record = MessageRecord.builder()
                    .id(newId())
                    .from(message.from())
                    .to(message.to())
                    .body(message.body())
                    .direction(MessageDirection.OUTBOUND)
                    .status(MessageStatus.MESSAGE_BUFFERED)
                    .mms(message.isMms())
                    .mediaUrls(message.mediaUrls())
                    .timestamp(now)
                    .amount(price(message.isMms(), message.body()))
                    .addDeliveryReceipts(receipt(MessageStatus.MESSAGE_BUFFERED, BUFFERED_CODE, BUFFERED_DESCRIPTION, 1, now))
                    .messageType(messageType(message.from()))
                    .build();
            messages.put(record.id(), new Entry(record, message.deliveryCallback()));
            return Optional.of(new Accepted(record, receiptCallback(record, message.deliveryCallback())));
        }
    }

    /** How long until the window takes another send: until its oldest send is a second old. */
    Duration retryAfter() {
        synchronized (state) {
            long tick = ticker.getAsLong();
            dropExpired(tick);
            return window.isEmpty() ? Duration.ZERO : Duration.ofNanos(window.peekFirst() + WINDOW_NANOS - tick);
        }
    }

    /**
     * Marks message {@code id} delivered now, appending its level-2 receipt.
     *
     * @return the updated record and where its receipts go, or empty when the message is gone
     *     (a reset) or no longer waiting
     */
    Optional<Accepted> deliver(String id) {
        synchronized (state) {
            Entry entry = messages.get(id);
            if (entry == null || !entry.record().status().equals(MessageStatus.MESSAGE_BUFFERED)) {
                return Optional.empty();
            }
            MessageRecord before = entry.record();
            Instant now = instant(ticker.getAsLong());
            List<DeliveryReceipt> receipts = new ArrayList<>(before.deliveryReceipts());
            receipts.add(receipt(MessageStatus.DELIVERED, DELIVERED_CODE, DELIVERED_DESCRIPTION, 2, now));
            MessageRecord after = MessageRecord.builder()
                    .id(before.id())
                    .from(before.from())
                    .to(before.to())
                    .body(before.body())
                    .direction(before.direction())
                    .status(MessageStatus.DELIVERED)
                    .mms(before.isMms())
                    .mediaUrls(before.mediaUrls())
                    .timestamp(before.timestamp())
                    .amount(before.amount())
                    .deliveryReceipts(receipts)
                    .messageType(before.messageType())
                    .build();
            messages.put(id, new Entry(after, entry.deliveryCallback()));
            return Optional.of(new Accepted(after, receiptCallback(after, entry.deliveryCallback())));
        }
    }

    /**
     * Records a message received now by the account's number {@code to}, status
     * {@code delivered}, and returns it with the account's SMS or MMS callback.
     *
     * @throws IllegalArgumentException naming {@code to} when it is not on the account
     */
    Accepted receive(PhoneNumber from, PhoneNumber to, String body, List<URI> media, boolean mms) {
        synchronized (state) {
            if (!state.onAccount(to)) {
                throw Validation.invalid("to", to, "must be a number on the sandbox's account to receive messages: buy it first");
            }
            Instant now = instant(ticker.getAsLong());
            MessageRecord record = MessageRecord.builder()
                    .id(newId())
                    .from(from)
                    .to(to)
                    .body(body)
                    .direction(MessageDirection.INBOUND)
                    .status(MessageStatus.DELIVERED)
                    .mms(mms)
                    .mediaUrls(media)
                    .timestamp(now)
                    .amount(price(mms, body))
                    .messageType(messageType(to))
                    .build();
            messages.put(record.id(), new Entry(record, Optional.empty()));
            return new Accepted(record, Optional.ofNullable(callbacks.get(mms ? CallbackType.MMS : CallbackType.SMS)));
        }
    }

    /** Message {@code id}, either direction. */
    Optional<MessageRecord> get(String id) {
        synchronized (state) {
            return Optional.ofNullable(messages.get(id)).map(Entry::record);
        }
    }

    /** The messages handled from {@code period.start()} (inclusive) to its end (exclusive), oldest first. */
    SandboxState.Slice<MessageRecord> list(MessageQuery period, int offset, int limit) {
        synchronized (state) {
            List<MessageRecord> matching = new ArrayList<>();
            for (Entry entry : messages.values()) {
                Instant time = entry.record().timestamp();
                if (!time.isBefore(period.start()) && period.end().map(time::isBefore).orElse(true)) {
                    matching.add(entry.record());
                }
            }
            int from = Math.min(offset, matching.size());
            int to = (int) Math.min((long) from + limit, matching.size());
            return new SandboxState.Slice<>(List.copyOf(matching.subList(from, to)), to < matching.size());
        }
    }

    /** The sent messages, in the order they were accepted. */
    List<MessageRecord> sent() {
        synchronized (state) {
            return messages.values().stream().map(Entry::record)
                    .filter(record -> record.direction().equals(MessageDirection.OUTBOUND)).toList();
        }
    }

    void setCallback(CallbackType type, URI url) {
        synchronized (state) {
            callbacks.put(type, url);
        }
    }

    Optional<URI> callback(CallbackType type) {
        synchronized (state) {
            return Optional.ofNullable(callbacks.get(type));
        }
    }

    /** Forgets every message and callback, and empties the rate window. */
    void reset() {
        synchronized (state) {
            messages.clear();
            callbacks.clear();
            window.clear();
        }
    }

    private void dropExpired(long tick) {
        while (!window.isEmpty() && tick - window.peekFirst() >= WINDOW_NANOS) {
            window.pollFirst();
        }
    }

    private Instant instant(long tick) {
        return epoch.plusNanos(tick - epochTick);
    }

    private Optional<URI> receiptCallback(MessageRecord record, Optional<URI> own) {
        return own.or(() -> Optional.ofNullable(callbacks.get(record.isMms() ? CallbackType.MMS_DLR : CallbackType.SMS_DLR)));
    }

    /** {@code mdr2-} and 32 hex digits, as Flowroute's ids look. */
    private static String newId() {
        return "mdr2-" + UUID.randomUUID().toString().replace("-", "");
    }

    private static DeliveryReceipt receipt(MessageStatus status, int code, String description, int level, Instant time) {
        return DeliveryReceipt.builder().status(status).statusCode(code).statusCodeDescription(description).timestamp(time)
                .level(level).build();
    }

    private static String messageType(PhoneNumber number) {
        return SandboxState.numberType(number.toString()).equals("tollfree") ? "toll-free" : "longcode";
    }

    /** An MMS costs {@link #MMS_PRICE}; an SMS {@link #SMS_SEGMENT_PRICE} per segment. */
    static BigDecimal price(boolean mms, String body) {
        return mms ? MMS_PRICE : SMS_SEGMENT_PRICE.multiply(BigDecimal.valueOf(segments(body)));
    }

    /**
     * The SMS segments a text takes: in GSM 7-bit (160 septets, 153 a segment when split, the
     * extension characters two each), otherwise in UCS-2 (70 UTF-16 units, 67 when split).
     */
    static int segments(String body) {
        int septets = 0;
        for (int i = 0; i < body.length() && septets >= 0; i++) {
            char c = body.charAt(i);
            septets = GSM_BASIC.indexOf(c) >= 0 ? septets + 1 : GSM_EXTENDED.indexOf(c) >= 0 ? septets + 2 : -1;
        }
        if (septets >= 0) {
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = body.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
