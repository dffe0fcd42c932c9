package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.immutables.value.Value;

/**
 * A Flowroute API access key and secret key (Preferences &gt; API Control in the Flowroute
 * portal). The secret key signs requests and never leaves the process: {@link #toString()} and
 * every message of this SDK leave it out.
 */
@Value.Immutable
public abstract class FlowrouteCredentials {
    /** Environment variable holding the access key. */
    public static final String ACCESS_KEY_VARIABLE = "FLOWROUTE_ACCESS_KEY";
    /** Environment variable holding the secret key. */
    public static final String SECRET_KEY_VARIABLE = "FLOWROUTE_SECRET_KEY";

    /** The access key, sent in the {@code Authorization} header. */
    public abstract String accessKey();

    /** The secret key, used to sign and never sent. */
    @Value.Redacted
    public abstract String secretKey();

    /**
     * Credentials from the two keys.
     *
     * @throws IllegalArgumentException if either is null, blank or holds a control character
     */
    public static FlowrouteCredentials of(String accessKey, String secretKey) {
        return ImmutableFlowrouteCredentials.builder().accessKey(nonNull(accessKey, "accessKey"))
                .secretKey(nonNull(secretKey, "secretKey")).build();
    }

    /**
     * Credentials from the environment variables {@code FLOWROUTE_ACCESS_KEY} and
     * {@code FLOWROUTE_SECRET_KEY}.
     *
     * @throws IllegalStateException naming the variable that is not set
     */
    public static FlowrouteCredentials fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    /**
     * Credentials from variables looked up with {@code environment}, for tests and for
     * configuration systems that mimic the environment.
     *
     * @throws IllegalStateException naming the variable that is not set
     */
    public static FlowrouteCredentials fromEnvironment(UnaryOperator<String> environment) {
        Objects.requireNonNull(environment, "environment");
        return of(variable(environment, ACCESS_KEY_VARIABLE), variable(environment, SECRET_KEY_VARIABLE));
    }

    private static String variable(UnaryOperator<String> environment, String name) {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set: set it to your Flowroute "
                    + (name.equals(ACCESS_KEY_VARIABLE) ? "access" : "secret")
                    + " key (Flowroute portal, Preferences > API Control), or pass FlowrouteCredentials.of(accessKey, secretKey)");
        }
        return value;
    }

    private static String nonNull(String value, String field) {
        Validation.require(value != null, field, null, "is required");
        return value;
    }

    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        Validation.text(accessKey(), "accessKey");
        // Never echo the secret: the message names the field and the rule only.
        String secret = secretKey();
        if (secret.isBlank() || secret.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("secretKey is invalid: must not be blank or contain control characters"
                    + " (value not shown)");
        }
    }

    @Override
    public String toString() {
        return "FlowrouteCredentials{accessKey=" + accessKey() + ", secretKey=<redacted>}";
    }
}
