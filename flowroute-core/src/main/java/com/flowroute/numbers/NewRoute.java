package com.flowroute.numbers;

import com.flowroute.numbers.internal.PhoneNumbers;
import com.flowroute.numbers.internal.Validation;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * An inbound route to create: a name, a type and a value that suits the type.
 *
 * <p>{@code NewRoute.host("office", "24.239.23.40:5060")}, {@code NewRoute.pstn("cell",
 * "12065551212")}, {@code NewRoute.uri("alice", "sip:alice@example.com:5060")}. The name may hold
 * any character but control characters; it is percent-encoded in the request path.
 */
@Value.Immutable
public abstract class NewRoute {
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final String HOST_RULE = "a HOST route needs a host name or IP address with an optional port 1-65535,"
            + " such as 24.239.23.40:5060 or pbx.example.com";
    private static final String URI_RULE = "a URI route needs a sip: or sips: URI without spaces,"
            + " such as sip:alice@example.com:5060";

    /** The route's name. */
    public abstract String name();

    /** The route's type: {@link RouteType#HOST}, {@link RouteType#PSTN} or {@link RouteType#URI}. */
    public abstract RouteType type();

    /** The route's value, checked against the type. */
    public abstract String value();

    /** v2 only: the id of the {@link EdgeStrategy} (point of presence) calls go through. */
    public abstract OptionalInt edgeStrategy();

    /** This route sent through the edge strategy {@code edgeStrategyId} (v2). */
    public NewRoute withEdgeStrategy(int edgeStrategyId) {
        return builder().from(this).edgeStrategy(edgeStrategyId).build();
    }

    /** A HOST route to a host name or IP address with an optional port, such as {@code 24.239.23.40:5060}. */
    public static NewRoute host(String name, String hostAndPort) {
        return builder().name(name).type(RouteType.HOST).value(hostAndPort).build();
    }

    /**
     * A PSTN route to a NANP number; any format {@link PhoneNumber#parse(String)} reads is
     * accepted and sent in the 11-digit form.
     */
    public static NewRoute pstn(String name, String number) {
        return builder().name(name).type(RouteType.PSTN).value(PhoneNumbers.parse("value", number).toString()).build();
    }

    /** A PSTN route to a NANP number. */
    public static NewRoute pstn(String name, PhoneNumber number) {
        return builder().name(name).type(RouteType.PSTN).value(number.toString()).build();
    }

    /** A URI route to a {@code sip:} or {@code sips:} URI, such as {@code sip:alice@example.com:5060}. */
    public static NewRoute uri(String name, String sipUri) {
        return builder().name(name).type(RouteType.URI).value(sipUri).build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        Validation.text(name(), "name");
        Validation.require(type().equals(RouteType.HOST) || type().equals(RouteType.PSTN) || type().equals(RouteType.URI),
                "type", type().value(), "must be HOST, PSTN or URI");
        edgeStrategy().ifPresent(id -> Validation.require(id >= 0, "edgeStrategy", id, "must be an edge strategy id, 0 or more"));
        String value = value();
        if (type().equals(RouteType.HOST)) {
            Validation.require(isHostAndPort(value), "value", value, HOST_RULE);
        } else if (type().equals(RouteType.PSTN)) {
            Validation.require(PhoneNumber.isWireForm(value), "value", value,
                    "a PSTN route needs an 11-digit NANP number such as 12065551212");
        } else {
            String lower = value.toLowerCase(Locale.ROOT);
            boolean scheme = lower.startsWith("sip:") || lower.startsWith("sips:");
            String rest = value.substring(value.indexOf(':') + 1);
            boolean clean = !rest.isEmpty() && rest.chars().noneMatch(c -> c <= ' ' || c == 0x7f);
            Validation.require(scheme && clean, "value", value, URI_RULE);
        }
    }

    private static boolean isHostAndPort(String value) {
        String host = value;
        int colon = value.lastIndexOf(':');
        if (colon >= 0 && !value.endsWith("]")) {
            host = value.substring(0, colon);
            String port = value.substring(colon + 1);
            if (!PORT.matcher(port).matches()) {
                return false;
            }
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                return false;
            }
        }
        return IPV4.matcher(host).matches() || IPV6.matcher(host).matches()
                || (HOST_NAME.matcher(host).matches() && !host.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
    }

    /** Builds a {@link NewRoute}; {@code build()} validates it. */
    public static final class Builder extends ImmutableNewRoute.Builder {}
}
