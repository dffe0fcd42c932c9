package com.flowroute.numbers.blocking;

import com.flowroute.numbers.reactive.FlowrouteClientBuilder;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import java.util.Objects;

/**
 * The blocking client of the Flowroute v1 numbers API: a thin facade over
 * {@link ReactiveFlowrouteClient}, which does the sending, signing, retrying and timing out.
 *
 * <pre>{@code
 * try (FlowrouteClient client = FlowrouteClient.builder()
 *         .credentials(FlowrouteCredentials.of(accessKey, secretKey))
 *         .build()) {
 *     client.availableNumbers().search(NumberSearch.builder().npa("206").build())
 *         .stream().limit(5)
 *         .forEach(n -> System.out.println(n.number()));
 * }
 * }</pre>
 *
 * <p>Each call waits on the calling thread until the reactive call ends and returns its value,
 * or throws its exception itself (a {@link com.flowroute.numbers.FlowrouteException} subtype, or
 * {@link IllegalArgumentException} for bad input, before anything is sent), never wrapped; a
 * suppressed exception records the caller's stack. No timeout is added here: the reactive
 * client's connect and per-attempt response timeouts and its retry policy already bound every
 * call. Interrupting a waiting thread cancels the call and throws a
 * {@link com.flowroute.numbers.FlowrouteTransportException}, leaving the interrupt flag set.
 * Calling on a non-blocking Reactor thread (such as {@code Schedulers.parallel()} or a Netty
 * event loop) throws {@link IllegalStateException} at once: use {@link #reactive()} there.
 *
 * <p>The client holds no mutable state: it is thread-safe and meant to be shared.
 */
public final class FlowrouteClient implements AutoCloseable {
    private final ReactiveFlowrouteClient reactive;
    private final boolean ownsReactive;
    private final AvailableNumbersClient availableNumbers;
    private final NumbersClient numbers;
    private final RoutesClient routes;
    private final E911Client e911;
    private final CnamClient cnam;
    private final MessagesClient messages;

    private FlowrouteClient(ReactiveFlowrouteClient reactive, boolean ownsReactive) {
        this.reactive = reactive;
        this.ownsReactive = ownsReactive;
        this.availableNumbers = new AvailableNumbersClient(reactive.availableNumbers());
        this.numbers = new NumbersClient(reactive.numbers());
        this.routes = new RoutesClient(reactive.routes());
        this.e911 = new E911Client(reactive.e911());
        this.cnam = new CnamClient(reactive.cnam());
        this.messages = new MessagesClient(reactive.messages());
    }

    /** A builder taking the same options as {@link ReactiveFlowrouteClient#builder()}; see {@link FlowrouteClientBuilder}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A blocking client over an existing reactive one, sharing its connection pool and settings.
     * The caller keeps owning {@code reactive}: {@link #close()} of the returned client does not
     * close it.
     */
    public static FlowrouteClient of(ReactiveFlowrouteClient reactive) {
        return new FlowrouteClient(Objects.requireNonNull(reactive, "reactive"), false);
    }

    /** The reactive client this one delegates to, for code that runs on non-blocking threads. */
    public ReactiveFlowrouteClient reactive() {
        return reactive;
    }

    /** Flowroute's purchasable inventory: area codes, exchanges, number search. */
    public AvailableNumbersClient availableNumbers() {
        return availableNumbers;
    }

    /** The account's numbers: purchase, list, details, route assignment, and over v2 release and updates. */
    public NumbersClient numbers() {
        return numbers;
    }

    /** The account's inbound routes: list, create, and over v2 update, delete, edge strategies. */
    public RoutesClient routes() {
        return routes;
    }

    /** Texting: SMS and MMS over v2.1, paced and sent exactly once. */
    public MessagesClient messages() {
        return messages;
    }

    /** The account's E911 (emergency address) records, always over v2. */
    public E911Client e911() {
        return e911;
    }

    /** The account's CNAM (caller name) records, always over v2. */
    public CnamClient cnam() {
        return cnam;
    }

    /**
     * Closes the reactive client when this client built it ({@link Builder#build()}), releasing
     * its connection pool; calls in flight then fail. Does nothing for a client made with
     * {@link #of(ReactiveFlowrouteClient)}, whose reactive client belongs to the caller.
     */
    @Override
    public void close() {
        if (ownsReactive) {
            reactive.close();
        }
    }

    /** Builds a {@link FlowrouteClient}; the options are those of {@link FlowrouteClientBuilder}. */
    public static final class Builder extends FlowrouteClientBuilder<Builder> {
        Builder() {}

        /**
         * The client, owning the reactive client it builds with these options.
         *
         * @throws IllegalArgumentException if the base URL is not usable
         * @throws IllegalStateException if no credentials were given and the environment has none
         */
        public FlowrouteClient build() {
            return new FlowrouteClient(buildReactiveClient(), true);
        }
    }
}
