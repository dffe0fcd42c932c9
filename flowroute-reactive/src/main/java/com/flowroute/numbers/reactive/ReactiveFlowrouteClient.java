package com.flowroute.numbers.reactive;

/**
 * The reactive client of the Flowroute v1 numbers API, on Reactor Netty.
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
 * subscription, and each subscription sends anew. Calls are signed, retried and timed out as the
 * builder says. The client is thread-safe and meant to be shared; {@link #close()} releases the
 * connection pool it owns (none when {@link FlowrouteClientBuilder#httpClient} was given).
 */
public final class ReactiveFlowrouteClient implements AutoCloseable {
    private final FlowrouteHttp http;
    private final ReactiveAvailableNumbersClient availableNumbers;
    private final ReactiveNumbersClient numbers;
    private final ReactiveRoutesClient routes;

    ReactiveFlowrouteClient(ClientSettings settings) {
        this.http = new FlowrouteHttp(settings);
        this.availableNumbers = new ReactiveAvailableNumbersClient(http);
        this.numbers = new ReactiveNumbersClient(http);
        this.routes = new ReactiveRoutesClient(http);
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

    /** The account's inbound routes: list and create. */
    public ReactiveRoutesClient routes() {
        return routes;
    }

    /**
     * Releases the connection pool this client owns; calls in flight fail, and later calls fail
     * with an {@link IllegalStateException}. Closing twice does nothing more.
     */
    @Override
    public void close() {
        http.close();
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
