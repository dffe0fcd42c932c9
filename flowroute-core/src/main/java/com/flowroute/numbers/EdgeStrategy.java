package com.flowroute.numbers;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A point of presence calls to a route can be sent through (v2), such as {@code US-East-VA}.
 * The set changes over time: list it with {@code routes().edgeStrategies()} rather than
 * hard-coding it, and pass {@link #id()} to {@link NewRoute#withEdgeStrategy(int)}.
 */
@Value.Immutable
public interface EdgeStrategy {
    /** The id, such as {@code 4}. */
    int id();

    /** The name, such as {@code US-East-VA}. */
    String name();

    /** What it is, in Flowroute's words. */
    Optional<String> description();

    /** Where it answers, such as {@code us-east-va.sip.flowroute.com}. */
    Optional<String> naptr();

    /** The address ranges to allow in a firewall, as Flowroute lists them. */
    Optional<String> firewallRules();

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EdgeStrategy}. */
    final class Builder extends ImmutableEdgeStrategy.Builder {}
}
