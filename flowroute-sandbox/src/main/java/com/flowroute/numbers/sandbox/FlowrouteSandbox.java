package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.E911Record;
import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An embedded, stateful Flowroute API on a local port, for tests, examples and offline work: it
 * serves the v1 endpoints and the v2 number and route endpoints over one seeded inventory and one
 * account (a number bought over v1 is listed over v2), keeps the numbers bought and the routes
 * created, and checks every request as Flowroute does: the HMAC signature over v1, HTTP Basic
 * over v2.
 *
 * <pre>{@code
 * try (FlowrouteSandbox sandbox = FlowrouteSandbox.start()) {
 *     FlowrouteClient client = FlowrouteClient.builder()
 *         .baseUrl(sandbox.baseUrl())
 *         .credentials(sandbox.credentials())
 *         .build();
 *     ...
 * }
 * }</pre>
 *
 * <p>It also serves messaging over v2.1 ({@code /v2.1/messages}): sends from the account's
 * numbers, paced by a rate limit of 5 a second as Flowroute's,
 * delivered after {@link Builder#messageDeliveryDelay(Duration) a short delay}, with delivery
 * receipts and inbound messages ({@link #inbound()}) posted to the callbacks set, on this machine
 * only.
 *
 * <p>Besides the API, it offers what a test needs: a {@link #journal()} of the requests
 * received, {@link #faults()} to inject errors, delays and dropped connections,
 * {@link #sentMessages()} and {@link #callbackDeliveries()}, and {@link #reset()} to go back to
 * the seeded state. Requests are answered on Reactor Netty's event
 * loop; every method here is thread-safe.
 */
public final class FlowrouteSandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlowrouteSandbox.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** Flowroute's limit: 5 messages per second per account. */
    static final int DEFAULT_MESSAGE_RATE_LIMIT = 5;
    static final Duration DEFAULT_MESSAGE_DELIVERY_DELAY = Duration.ofMillis(50);
    /** How far apart Flowroute retries a webhook. */
    static final Duration DEFAULT_CALLBACK_RETRY_INTERVAL = Duration.ofSeconds(30);

    private final DisposableServer server;
    private final String host;
    private final FlowrouteCredentials credentials;
    private final SandboxState state;
    private final ComplianceRecords compliance;
    private final Faults faults = new Faults();
    private final Journal journal = new Journal();
    private final ChannelGroup connections = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean controlInterface;
    private final Messaging messaging;
    private final InboundMessages inbound;

    private FlowrouteSandbox(Builder builder, int defaultMessageRateLimit) {
        this.host = builder.host;
        this.credentials = builder.credentials != null ? builder.credentials : randomCredentials();
        this.state = new SandboxState(NumberPlan.generate(builder.seed, builder.inventorySize));
        this.compliance = new ComplianceRecords(state, builder.clock, builder.cnamApprovalDelay);
        this.controlInterface = builder.controlInterface;
        this.messaging = new Messaging(state,
                builder.messageRateLimit != null ? builder.messageRateLimit : defaultMessageRateLimit,
                builder.messageDeliveryDelay, builder.callbackRetryInterval, builder.ticker);
        this.inbound = new InboundMessages(messaging);
        ControlEndpoints control = controlInterface ? new ControlEndpoints(this::reset, journal, faults, inbound) : null;
        EndpointTable endpoints = new V1Endpoints(state).table().addAll(new V2Endpoints(state).table())
                .addAll(new ComplianceEndpoints(compliance).table())
                .addAll(new MessagingEndpoints(messaging).table());
        RequestHandler handler = new RequestHandler(new RequestVerifier(credentials, builder.clock),
                new BasicVerifier(credentials), endpoints, faults, journal, control);
        try {
            this.server = HttpServer.create()
                    .host(builder.host)
                    .port(builder.port)
                    // Tracked, so that close() also ends kept-alive connections rather than only
                    // the listening socket.
                    .channelGroup(connections)
                    .handle(handler::handle)
                    .bindNow();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the sandbox cannot listen on " + builder.host + ":" + builder.port + ": "
                    + e.getMessage(), e);
        }
        LOG.debug("Flowroute sandbox listening on {}", baseUrl());
    }

    /**
     * Starts a sandbox with the defaults: on 127.0.0.1, on a free port, with random credentials,
     * seed 42 and 10,000 numbers for sale.
     *
     * @return the running sandbox; close it when done
     * @throws IllegalStateException if it cannot listen
     */
    public static FlowrouteSandbox start() {
        return builder().start();
    }

    /** The settings of the JUnit extension: the defaults, except no message rate limit unless {@code builder} sets one. */
    static FlowrouteSandbox startForTests(Builder builder) {
        return new FlowrouteSandbox(builder, 0);
    }

    /** A builder for a sandbox with other settings. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URL to give a client of either API version, such as {@code http://127.0.0.1:40123}:
     * the API root, under which the sandbox serves {@code /v1}, {@code /v2} and {@code /v2.1}.
     */
    public String baseUrl() {
        String printable = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + printable + ":" + port();
    }

    /** The only credentials the sandbox accepts. */
    public FlowrouteCredentials credentials() {
        return credentials;
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    /** The control interface's root, such as {@code http://127.0.0.1:40123/_sandbox/}, or null when it is off. */
    String controlUrl() {
        return controlInterface ? baseUrl() + ControlEndpoints.PREFIX
                : null;
    }

    /** The requests received since the start or the last {@link #reset()}, oldest first (at most the last 10,000). */
    public List<RecordedRequest> journal() {
        return journal.entries();
    }

    /** The faults to inject into the next answers; see {@link Faults}. */
    public Faults faults() {
        return faults;
    }

    /**
     * Goes back to the state it started in: the seeded inventory for sale, no number on the
     * account, only the {@code sip-reg} route, no E911 or CNAM record, no message and no
     * messaging callback; forgets the journal, the pending faults, the callback deliveries and
     * the message rate window, and cancels deliveries and webhooks still pending.
     */
    public void reset() {
        faults.clear();
        messaging.reset();
        state.reset();
        compliance.reset();
        journal.clear();
    }

    /**
     * The messages sent over {@code POST /v2.1/messages} since the start or the last
     * {@link #reset()}, in the order they were accepted, each as it stands now (its status and
     * delivery receipts); {@link MessageRecord#timestamp()} is when it was accepted.
     */
    public List<MessageRecord> sentMessages() {
        return messaging.sent();
    }

    /** Simulates texts to the account's numbers: recorded as inbound messages and posted to the SMS or MMS callback. */
    public InboundMessages inbound() {
        return inbound;
    }

    /** The account's callback URL of {@code type}, as last set over {@code PUT /v2.1/messages/...}; empty when unset. */
    public Optional<URI> callback(CallbackType type) {
        return messaging.callback(Objects.requireNonNull(type, "type"));
    }

    /**
     * The webhooks posted (or being posted, or skipped) to messaging callbacks since the start or
     * the last {@link #reset()}, in the order they were started; each a snapshot.
     */
    public List<CallbackDelivery> callbackDeliveries() {
        return messaging.deliveries();
    }

    /** The message rate limit in force: sends per sliding second, 0 for none. */
    int messageRateLimit() {
        return messaging.rateLimit();
    }

    /** The numbers on the account, in order. */
    public List<PhoneNumber> accountNumbers() {
        return state.accountNumbers().stream().map(PhoneNumber::parse).collect(Collectors.toUnmodifiableList());
    }

    /** The account's inbound routes, {@code sip-reg} first, then in the order they were created. */
    public List<Route> routes() {
        return state.routes();
    }

    /** How many numbers are still for sale. */
    public int availableCount() {
        return state.availableCount();
    }

    /** The account's E911 address records, oldest first. */
    public List<E911Record> e911Records() {
        return compliance.e911Records();
    }

    /** The account's CNAM records, oldest first, each approved or not as of now. */
    public List<CnamRecord> cnamRecords() {
        return compliance.cnamRecords();
    }

    /**
     * Approves CNAM record {@code id} now, as Flowroute does within 48 hours of its creation, so
     * that it can be assigned to numbers; a record approved already stays as it is. See also
     * {@link Builder#cnamApprovalDelay(Duration)}.
     *
     * @throws IllegalArgumentException if the account has no CNAM record {@code id}
     */
    public void approveCnam(String id) {
        Objects.requireNonNull(id, "id");
        compliance.approveCnam(id);
    }

    /** Stops listening and closes open connections. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            messaging.close();
            try {
                server.disposeNow(CLOSE_TIMEOUT);
            } catch (IllegalStateException timeout) {
                LOG.warn("the sandbox on {} did not close within {}", baseUrl(), CLOSE_TIMEOUT);
            }
            connections.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
        }
    }

    @Override
    public String toString() {
        return "FlowrouteSandbox{" + baseUrl() + ", " + credentials + "}";
    }

    private static FlowrouteCredentials randomCredentials() {
        SecureRandom random = new SecureRandom();
        return FlowrouteCredentials.of("sandbox-" + randomText(random, 8), randomText(random, 32));
    }

    private static String randomText(SecureRandom random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Settings for a sandbox; {@link #start()} starts one. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private FlowrouteCredentials credentials;
        private long seed = 42;
        private int inventorySize = 10_000;
        private Clock clock = Clock.systemUTC();
        private boolean controlInterface;
        private Duration cnamApprovalDelay;
        private Integer messageRateLimit;
        private Duration messageDeliveryDelay = DEFAULT_MESSAGE_DELIVERY_DELAY;
        private Duration callbackRetryInterval = DEFAULT_CALLBACK_RETRY_INTERVAL;
        private LongSupplier ticker = System::nanoTime;

        private Builder() {}

        /** The address to listen on; default {@code 127.0.0.1}, so nothing outside the machine can reach it. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port to listen on; default 0, a free port chosen by the system.
         *
         * @throws IllegalArgumentException if not 0 to 65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is invalid: must be 0 (any free port) to 65535");
            }
            this.port = port;
            return this;
        }

        /** The only credentials to accept; default random ones, see {@link FlowrouteSandbox#credentials()}. */
        public Builder credentials(FlowrouteCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * The only credentials to accept.
         *
         * @throws IllegalArgumentException if either key is null, blank or holds a control character
         */
        public Builder credentials(String accessKey, String secretKey) {
            return credentials(FlowrouteCredentials.of(accessKey, secretKey));
        }

        /** The seed of the inventory; default 42. The same seed and size give the same inventory. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * How many numbers are for sale at the start; default 10,000.
         *
         * @throws IllegalArgumentException if negative or more than the plan's exchanges can hold
         */
        public Builder inventorySize(int inventorySize) {
            if (inventorySize < 0 || inventorySize > NumberPlan.capacity()) {
                throw new IllegalArgumentException("inventorySize " + inventorySize + " is invalid: must be 0 to "
                        + NumberPlan.capacity());
            }
            this.inventorySize = inventorySize;
            return this;
        }

        /**
         * The clock that {@code X-Timestamp} headers are checked against, and that dates CNAM
         * records and their approval; default the system's UTC clock.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether to serve the control interface for clients in other languages; default false.
         * When on, unsigned requests under {@code /_sandbox/} reset the sandbox
         * ({@code POST /_sandbox/reset}), read the journal as JSON ({@code GET /_sandbox/journal})
         * and add or clear faults ({@code POST} and {@code DELETE /_sandbox/faults}), from a
         * loopback address only (others get a 403); see the module's README. When off, those
         * paths are unknown like any other.
         */
        public Builder controlInterface(boolean controlInterface) {
            this.controlInterface = controlInterface;
            return this;
        }

        /**
         * How long after its creation a CNAM record is approved on its own (by the
         * {@link #clock(Clock)}), as Flowroute approves one within 48 hours; {@link Duration#ZERO}
         * approves each at once. By default a record is never approved automatically: only
         * {@link FlowrouteSandbox#approveCnam(String)} approves it.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder cnamApprovalDelay(Duration cnamApprovalDelay) {
            Objects.requireNonNull(cnamApprovalDelay, "cnamApprovalDelay");
            if (cnamApprovalDelay.isNegative()) {
                throw new IllegalArgumentException("cnamApprovalDelay " + cnamApprovalDelay
                        + " is invalid: must be zero or more (leave it unset to approve only by approveCnam)");
            }
            this.cnamApprovalDelay = cnamApprovalDelay;
            return this;
        }

        /**
         * How many messages the account may send per second, enforced over a sliding one-second
         * window: a send past it is a 429 with {@code Retry-After} (whole seconds) and sends
         * nothing. Default 5, Flowroute's limit;
         * 0 turns the limit off, which {@link FlowrouteSandboxExtension} does unless its builder
         * sets a limit.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder messageRateLimit(int perSecond) {
            if (perSecond < 0) {
                throw new IllegalArgumentException("messageRateLimit " + perSecond
                        + " is invalid: must be 0 (no limit) or more messages per second");
            }
            this.messageRateLimit = perSecond;
            return this;
        }

        /**
         * How long a sent message stays {@code message buffered} before it is {@code delivered};
         * default 50 ms. {@link Duration#ZERO} delivers it before the send is answered.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder messageDeliveryDelay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("messageDeliveryDelay " + delay + " is invalid: must not be negative");
            }
            this.messageDeliveryDelay = delay;
            return this;
        }

        /**
         * How long to wait before posting a webhook again when the receiver did not answer 200;
         * default 30 s, as Flowroute (which retries 4 times). Make it small in tests.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder callbackRetryInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("callbackRetryInterval " + interval + " is invalid: must not be negative");
            }
            this.callbackRetryInterval = interval;
            return this;
        }

        /** The nanosecond ticker of the message rate window and message times, for tests; default {@link System#nanoTime()}. */
        Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * Starts a sandbox with these settings.
         *
         * @return the running sandbox; close it when done
         * @throws IllegalStateException if it cannot listen
         */
        public FlowrouteSandbox start() {
            return new FlowrouteSandbox(this, DEFAULT_MESSAGE_RATE_LIMIT);
        }
    }
}
