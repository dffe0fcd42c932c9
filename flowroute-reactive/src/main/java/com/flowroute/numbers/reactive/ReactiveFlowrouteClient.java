package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteApiVersion;

/**
 * The reactive client of the Flowroute API (v1 or v2 for numbers and routes, as the builder's
 * {@code apiVersion} says), on Reactor Netty.
 *
 * <pre>{@code
 * ReactiveFlowrouteClient rx = ReactiveFlowrouteClient.builder()
 *     .credentials(FlowrouteCredentials.of(accessKey, secretKey))
 *     .build();
 * rx.availableNumbers().search(NumberSearch.builder().npa("206").build())
 *     .take(5)
 *     .subscribe(n -> System.out.println(n.number()));
 * }</pre>
 *
 * <p>Every method returns a cold {@code Mono} or {@link PagedFlux}: nothing is sent before
 * subscription, and each subscription sends anew. Calls are authenticated, retried and timed out
 * as the builder says. The client is thread-safe and meant to be shared; {@link #close()} releases the
 * connection pool it owns (none when {@link FlowrouteClientBuilder#httpClient} was given).
 */
public final class ReactiveFlowrouteClient implements AutoCloseable {
    private final ClientContext context;
    private final ReactiveAvailableNumbersClient availableNumbers;
    private final ReactiveNumbersClient numbers;
    private final ReactiveRoutesClient routes;
    private final ReactiveE911Client e911;
    private final ReactiveCnamClient cnam;
    private final ReactiveMessagesClient messages;

    ReactiveFlowrouteClient(ClientSettings settings) {
        this.context = new ClientContext(settings);
        this.availableNumbers = new ReactiveAvailableNumbersClient(context);
        this.routes = new ReactiveRoutesClient(context);
        this.numbers = new ReactiveNumbersClient(context, routes);
        this.e911 = new ReactiveE911Client(context);
        this.cnam = new ReactiveCnamClient(context);
        this.messages = new ReactiveMessagesClient(context, settings.messageRate, settings.clock);
    }

    /** A builder; see {@link FlowrouteClientBuilder} for the options and their defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Flowroute's purchasable inventory: area codes, exchanges, number search. */
    public ReactiveAvailableNumbersClient availableNumbers() {
        return availableNumbers;
    }

    /** The account's numbers: purchase, list, details, route assignment. */
    public ReactiveNumbersClient numbers() {
        return numbers;
    }

    /** The API version of the nine number and route operations. */
    public FlowrouteApiVersion apiVersion() {
        return context.version;
    }

    /** The account's inbound routes: list, create, and over v2 update, delete and edge strategies. */
    public ReactiveRoutesClient routes() {
        return routes;
    }

    /** Texting: SMS and MMS over v2.1, paced and sent exactly once, whatever {@link #apiVersion()} says. */
    public ReactiveMessagesClient messages() {
        return messages;
    }

    /** The account's E911 (emergency address) records, always over v2. */
    public ReactiveE911Client e911() {
        return e911;
    }

    /** The account's CNAM (caller name) records, always over v2. */
    public ReactiveCnamClient cnam() {
        return cnam;
    }

    /**
     * Releases the connection pool this client owns; calls in flight fail, and later calls fail
     * with an {@link IllegalStateException}. Closing twice does nothing more.
     */
    @Override
    public void close() {
        context.close();
    }

    /** Builds a {@link ReactiveFlowrouteClient}. */
    public static final class Builder extends FlowrouteClientBuilder<Builder> {
        Builder() {}

        /**
         * The client.
         *
         * @throws IllegalArgumentException if the base URL is not usable
         * @throws IllegalStateException if no credentials were given and the environment has none
         */
        public ReactiveFlowrouteClient build() {
            return buildReactiveClient();
        }
    }
}
