package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.internal.Authenticator;
import com.flowroute.numbers.internal.Listing;
import com.flowroute.numbers.internal.NumbersProtocol;
import com.flowroute.numbers.internal.v1.V1Protocol;
import com.flowroute.numbers.internal.v2.ComplianceProtocol;
import com.flowroute.numbers.internal.v2.MessagingProtocol;
import com.flowroute.numbers.internal.v2.V2Protocol;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * What every operation client of one {@link ReactiveFlowrouteClient} shares: the transport, the
 * protocol chosen for the nine number and route operations, and v2 for what only v2 has.
 */
final class ClientContext implements AutoCloseable {
    final ApiTransport transport;
    final FlowrouteApiVersion version;
    final NumbersProtocol numbers;
    final V2Protocol v2;
    final ComplianceProtocol compliance;
    final MessagingProtocol messaging;

    ClientContext(ClientSettings settings) {
        this.transport = new ApiTransport(settings);
        this.version = settings.apiVersion;
        this.v2 = new V2Protocol(settings.credentials, settings.origin, settings.rootPath);
        this.compliance = new ComplianceProtocol(settings.rootPath);
        this.messaging = new MessagingProtocol(settings.rootPath);
        this.numbers = version == FlowrouteApiVersion.V2 ? v2
                : new V1Protocol(settings.credentials, settings.clock, settings.origin, settings.rootPath);
    }

    /** A listing of the numbers protocol; a query it refuses errors the flux, before anything is sent. */
    <T> PagedFlux<T> list(Supplier<Listing<T>> listing) {
        return list(numbers.authenticator(), listing);
    }

    /** A listing authenticated by {@code authenticator}; a query the protocol refuses errors the flux. */
    <T> PagedFlux<T> list(Authenticator authenticator, Supplier<Listing<T>> listing) {
        Listing<T> described;
        try {
            described = listing.get();
        } catch (IllegalArgumentException refused) {
            return PagedFlux.create(() -> Mono.error(refused), link -> Mono.error(refused));
        }
        return transport.list(authenticator, described);
    }

    @Override
    public void close() {
        transport.close();
    }
}
