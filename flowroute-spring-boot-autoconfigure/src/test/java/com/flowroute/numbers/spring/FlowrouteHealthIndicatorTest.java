package com.flowroute.numbers.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.ServerException;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code flowroute} health indicator: off unless enabled, up when Flowroute answers, down with the reason when not. */
@ExtendWith(FlowrouteSandboxExtension.class)
class FlowrouteHealthIndicatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FlowrouteSandbox sandbox;
    private final ApplicationContextRunner enabled = FlowrouteAutoConfigurationTest.runner()
            .withPropertyValues("management.health.flowroute.enabled=true", "flowroute.retry.max-retries=0");

    FlowrouteHealthIndicatorTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    private static Health health(org.springframework.context.ApplicationContext context) {
        return context.getBean("flowrouteHealthIndicator", ReactiveHealthIndicator.class).health().block(WAIT);
    }

    @Test
    void theIndicatorIsOffUnlessEnabled() {
        FlowrouteAutoConfigurationTest.runner().withPropertyValues(FlowrouteAutoConfigurationTest.connectedTo(sandbox))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("flowrouteHealthIndicator")
                        .doesNotHaveBean(ReactiveHealthIndicator.class));
    }

    @Test
    void upWhenTheSandboxAnswersTheReadOfOneRoute() {
        enabled.withPropertyValues("flowroute.sandbox.enabled=true").run(context -> {
            Health health = health(context);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("apiVersion", "v1");
            assertThat(context.getBean(FlowrouteSandbox.class).journal()).singleElement()
                    .satisfies(request -> assertThat(request.query()).contains("limit=1"));
        });
    }

    @Test
    void downWithTheExceptionClassWhenNothingListensAtTheBaseUrl() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        enabled.withPropertyValues("flowroute.base-url=http://127.0.0.1:" + closed, "flowroute.access-key=a",
                "flowroute.secret-key=never-shown-3xQ", "flowroute.health.timeout=1s").run(context -> {
            Health health = health(context);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", FlowrouteTransportException.class.getName())
                    .doesNotContainKey("status");
            assertThat(health.toString()).doesNotContain("never-shown-3xQ");
        });
    }

    @Test
    void downWithTheStatusWhenFlowrouteAnswersAnError() {
        sandbox.faults().always().matching("GET", "/v1/routes").respond(503);

        enabled.withPropertyValues(FlowrouteAutoConfigurationTest.connectedTo(sandbox)).run(context -> {
            Health health = health(context);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", ServerException.class.getName()).containsEntry("status", 503);
            assertThat(health.toString()).doesNotContain(sandbox.credentials().secretKey());
        });
    }

    @Test
    void downWhenTheAnswerTakesLongerThanTheHealthTimeout() {
        sandbox.faults().next(1).matching("GET", "/v1/routes").delay(Duration.ofSeconds(5));

        enabled.withPropertyValues(FlowrouteAutoConfigurationTest.connectedTo(sandbox, "flowroute.health.timeout=200ms"))
                .run(context -> {
                    Health health = health(context);

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("error", TimeoutException.class.getName());
                });
    }
}
