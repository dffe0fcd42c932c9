package com.flowroute.numbers.spring;

import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import java.lang.reflect.Modifier;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Up when Flowroute answers a read of one route within the timeout; down otherwise, with the
 * exception's class and, for an API error, its status (never a message, a key or a body).
 */
final class FlowrouteHealthIndicator implements ReactiveHealthIndicator {
    private static final RouteQuery ONE_ROUTE = RouteQuery.builder().pageSize(1).build();

    private final ReactiveFlowrouteClient client;
    private final Duration timeout;

    FlowrouteHealthIndicator(ReactiveFlowrouteClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return client.routes().list(ONE_ROUTE).next()
                .timeout(timeout)
                .then(Mono.fromSupplier(() -> Health.up().withDetail("apiVersion", client.apiVersion().pathSegment()).build()))
                .onErrorResume(error -> Mono.just(down(error)));
    }

    private Health down(Throwable error) {
        Health.Builder health = Health.down()
                .withDetail("apiVersion", client.apiVersion().pathSegment())
                .withDetail("error", publicClass(error).getName());
        if (error instanceof FlowrouteApiException api) {
            health.withDetail("status", api.statusCode());
        }
        return health.build();
    }

    // The exception's nearest public class: the SDK's internal subclasses are not part of its API.
    private static Class<?> publicClass(Throwable error) {
        Class<?> type = error.getClass();
        while (!Modifier.isPublic(type.getModifiers()) && type.getSuperclass() != null) {
            type = type.getSuperclass();
        }
        return type;
    }
}
