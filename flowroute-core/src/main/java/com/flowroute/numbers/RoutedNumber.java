package com.flowroute.numbers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What every number on the account has: a billing method and its routes, the primary first and
 * the failover second.
 */
public interface RoutedNumber {
    /** How the number is billed. */
    BillingMethod billingMethod();

    /** The number's routes in the server's order: primary first, failover second. */
    List<Route> routes();

    /**
     * The primary route, the first of {@link #routes()}.
     *
     * @throws NoSuchElementException if the server listed no route
     */
    @JsonIgnore
    default Route primaryRoute() {
        return route(0, "primary");
    }

    /**
     * The failover route, the second of {@link #routes()}.
     *
     * @throws NoSuchElementException if the server listed fewer than two routes
     */
    @JsonIgnore
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
