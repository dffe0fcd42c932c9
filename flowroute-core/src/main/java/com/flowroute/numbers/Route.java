package com.flowroute.numbers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An inbound route: where calls to a number go. Numbers have a primary and a failover route;
 * the account's routes are listed by name.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRoute.class)
@JsonDeserialize(as = ImmutableRoute.class)
public interface Route {
    /** The route's name, such as {@code HOSTroute1} or {@code sip-reg}. */
    String name();

    /** The route's type. */
    RouteType type();

    /** The route's value, such as {@code 24.239.23.40:5060}; empty for SIP-REG routes. */
    Optional<String> value();

    /** A route. */
    static Route of(String name, RouteType type, String value) {
        return builder().name(name).type(type).value(Optional.ofNullable(value)).build();
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Route}. */
    final class Builder extends ImmutableRoute.Builder {}
}
