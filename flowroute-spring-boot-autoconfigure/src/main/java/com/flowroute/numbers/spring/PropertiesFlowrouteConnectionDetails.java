package com.flowroute.numbers.spring;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.reactive.FlowrouteClientBuilder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** The connection the properties describe, each unset one falling back to the SDK's environment variable. */
final class PropertiesFlowrouteConnectionDetails implements FlowrouteConnectionDetails {
    private final FlowrouteProperties properties;
    private final Environment environment;

    PropertiesFlowrouteConnectionDetails(FlowrouteProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public String baseUrl() {
        return setting(properties.getBaseUrl(), FlowrouteClientBuilder.BASE_URL_VARIABLE);
    }

    @Override
    public FlowrouteCredentials credentials() {
        String accessKey = setting(properties.getAccessKey(), FlowrouteCredentials.ACCESS_KEY_VARIABLE);
        if (accessKey == null) {
            throw missing("flowroute.access-key", FlowrouteCredentials.ACCESS_KEY_VARIABLE, "access");
        }
        String secretKey = setting(properties.getSecretKey(), FlowrouteCredentials.SECRET_KEY_VARIABLE);
        if (secretKey == null) {
            throw missing("flowroute.secret-key", FlowrouteCredentials.SECRET_KEY_VARIABLE, "secret");
        }
        return FlowrouteCredentials.of(accessKey, secretKey);
    }

    /** The property when set, else the variable (from the environment Spring sees), else null. */
    private String setting(String property, String variable) {
        if (StringUtils.hasText(property)) {
            return property;
        }
        String value = environment.getProperty(variable);
        return StringUtils.hasText(value) ? value : null;
    }

    private static IllegalStateException missing(String property, String variable, String which) {
        return new IllegalStateException("The Flowroute " + which + " key is not configured: set the property " + property
                + " or the environment variable " + variable + " to your Flowroute " + which
                + " key (Flowroute portal, Preferences > API Control), or set flowroute.sandbox.enabled=true"
                + " to use an embedded sandbox");
    }

    @Override
    public String toString() {
        return "PropertiesFlowrouteConnectionDetails{baseUrl=" + baseUrl() + "}";
    }
}
