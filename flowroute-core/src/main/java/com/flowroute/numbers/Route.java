package com.flowroute.numbers;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * An inbound route: where calls to a number go. Numbers have a primary and a failover route;
 * the account's routes are listed by name.
 */
@Value.Immutable
public interface Route {
    /** The route's id on v2, such as {@code 83834} ({@code 0} is {@code sip-reg}); empty for a route listed over v1. */
    Optional<String> id();

    /** The route's v1 name or v2 alias, such as {@code HOSTroute1} or {@code sip-reg}. */
    String name();

    /** The route's type. */
    RouteType type();

    /** The route's value, such as {@code 24.239.23.40:5060}; empty for SIP-REG routes. */
    Optional<String> value();

    /** A route without an id, as v1 lists it. */
    static Route of(String name, RouteType type, String value) {
        return builder().name(name).type(type).value(Optional.ofNullable(value)).build();
    }

    /** A route with its v2 id. */
    static Route of(String id, String name, RouteType type, String value) {
        return builder().id(id).name(name).type(type).value(Optional.ofNullable(value)).build();
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Route}. */
    final class Builder extends ImmutableRoute.Builder {}
}
