package com.flowroute.numbers.examples.spring;

import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import java.time.Duration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * A Spring WebFlux provisioning service on the Flowroute starter: no client code of its own, only
 * the {@code flowroute.*} properties ({@code application.properties}). It buys and routes numbers
 * ({@code POST /numbers?areaCode=206&primary=pbx&failover=backup}) and streams the account as
 * NDJSON ({@code GET /numbers}); the client's metrics are at
 * {@code /actuator/metrics/flowroute.client.call} and its health at {@code /actuator/health/flowroute}.
 *
 * <p>With the {@code dev} profile ({@code flowroute.sandbox.enabled=true}) it runs against an
 * embedded sandbox, with two demo routes, {@code pbx} and {@code backup}, to assign:
 * {@code mvn -B -pl examples-spring -am compile exec:java -Dspring.profiles.active=dev}.
 * Without it, it calls Flowroute with the keys in {@code FLOWROUTE_ACCESS_KEY} and
 * {@code FLOWROUTE_SECRET_KEY}.
 */
@SpringBootApplication
public class ProvisioningApplication {
    /** For Spring. */
    ProvisioningApplication() {}

    /** Starts the service. */
    public static void main(String[] args) {
        SpringApplication.run(ProvisioningApplication.class, args);
    }

    /** The sandbox starts with only the {@code sip-reg} route: adds two to assign. */
    @Bean
    @ConditionalOnBooleanProperty("flowroute.sandbox.enabled")
    ApplicationRunner demoRoutes(ReactiveFlowrouteClient flowroute) {
        return arguments -> flowroute.routes().create(NewRoute.host("pbx", "24.239.23.40:5060"))
                .then(flowroute.routes().create(NewRoute.uri("backup", "sip:backup@example.com")))
                .block(Duration.ofSeconds(30));
    }
}
