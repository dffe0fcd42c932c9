package com.flowroute.numbers.spring;

import com.flowroute.numbers.FlowrouteCredentials;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the auto-configured clients connect and with which keys. By default from the
 * {@code flowroute.*} properties and the SDK's environment variables; with
 * {@code flowroute.sandbox.enabled=true}, the embedded sandbox's; a bean of your own (say, keys
 * from a vault) replaces both.
 */
public interface FlowrouteConnectionDetails extends ConnectionDetails {
    /** The API's root URL, or null for the SDK's default ({@code https://api.flowroute.com}). */
    String baseUrl();

    /**
     * The API keys.
     *
     * @throws IllegalStateException naming the property and the variable to set when a key is missing
     */
    FlowrouteCredentials credentials();
}
