package com.flowroute.numbers;

import java.util.List;
import java.util.Optional;
import java.util.NoSuchElementException;

/**
 * What every number on the account has: a billing method and its routes, the primary first and
 * the failover second.
 */
public interface RoutedNumber {
    /** How the number is billed; v1 always says, v2 has no billing method (empty). */
    Optional<BillingMethod> billingMethod();

    /**
     * The number's routes in the server's order: primary first, failover second. Over v2 the
     * account listing carries no routes (empty here: {@code details()} has them), and a number's
     * details list the routes that are set, so a cleared failover is simply absent.
     */
    List<Route> routes();

    /** The number's alias (v2), such as {@code NYC main}. */
    Optional<String> alias();

    /** The number's rate center (v2, as the server spells it, such as {@code seattle}). */
    Optional<String> rateCenter();

    /** The number's state or province (v2, as the server spells it, such as {@code wa}). */
    Optional<String> state();

    /** The number's type (v2, raw, such as {@code standard} or {@code tollfree}). */
    Optional<String> numberType();

    /** Whether CNAM lookups are enabled on incoming calls (v2). */
    Optional<Boolean> cnamLookupsEnabled();

    /**
     * The primary route, the first of {@link #routes()}.
     *
     * @throws NoSuchElementException if the server listed no route
     */
    default Route primaryRoute() {
        return route(0, "primary");
    }

    /**
     * The failover route, the second of {@link #routes()}.
     *
     * @throws NoSuchElementException if the server listed fewer than two routes
     */
    default Route failoverRoute() {
        return route(1, "failover");
    }

    private Route route(int index, String role) {
        if (routes().size() <= index) {
            throw new NoSuchElementException("the server listed " + routes().size()
                    + " route(s), so there is no " + role + " route");
        }
        return routes().get(index);
    }
}
