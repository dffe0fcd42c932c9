package com.flowroute.numbers.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code flowroute.sandbox.enabled=true}: an embedded sandbox the clients talk to, closed with the context. */
class FlowrouteSandboxAutoConfigurationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void theSandboxSwitchStartsASandboxAndPointsBothClientsAtItWithoutAnyKeys() {
        List<Object> afterClose = new ArrayList<>();
        FlowrouteAutoConfigurationTest.runner().withPropertyValues("flowroute.sandbox.enabled=true").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(FlowrouteSandbox.class);
            FlowrouteSandbox sandbox = context.getBean(FlowrouteSandbox.class);
            ReactiveFlowrouteClient rx = context.getBean(ReactiveFlowrouteClient.class);
            FlowrouteClient blocking = context.getBean(FlowrouteClient.class);

            AvailableNumber number = blocking.availableNumbers().search(NumberSearch.builder().npa("206").pageSize(1).build())
                    .stream().findFirst().orElseThrow();
            rx.numbers().purchase(number.number()).block(WAIT);

            assertThat(sandbox.accountNumbers()).containsExactly(number.number());
            assertThat(sandbox.journal()).allSatisfy(request -> assertThat(request.signatureValid()).isTrue());
            assertThat(context.getBean(FlowrouteConnectionDetails.class).baseUrl()).isEqualTo(sandbox.baseUrl());
            afterClose.add(sandbox.port());
            afterClose.add(rx);
        });

        assertThat(refusesConnections((Integer) afterClose.get(0))).isTrue();
        assertThatThrownBy(() -> ((ReactiveFlowrouteClient) afterClose.get(1)).routes().list().next().block(WAIT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSandboxListensOnTheConfiguredPort() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        FlowrouteAutoConfigurationTest.runner()
                .withPropertyValues("flowroute.sandbox.enabled=true", "flowroute.sandbox.port=" + port)
                .run(context -> assertThat(context.getBean(FlowrouteSandbox.class).baseUrl()).isEqualTo("http://127.0.0.1:" + port));
    }

    @Test
    void theSandboxIsOffByDefault() {
        FlowrouteAutoConfigurationTest.runner()
                .withPropertyValues("flowroute.access-key=a", "flowroute.secret-key=s", "flowroute.base-url=https://api.flowroute.com")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(FlowrouteSandbox.class)
                        .getBean(FlowrouteConnectionDetails.class).isInstanceOf(PropertiesFlowrouteConnectionDetails.class));
    }

    @Test
    void theSandboxSwitchWithoutTheSandboxOnTheClassPathFailsRatherThanCallFlowroute() {
        FlowrouteAutoConfigurationTest.runner().withClassLoader(new FilteredClassLoader(FlowrouteSandbox.class))
                .withPropertyValues("flowroute.sandbox.enabled=true", "flowroute.access-key=a", "flowroute.secret-key=s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("flowroute.sandbox.enabled")
                        .hasMessageContaining("com.flowroute:flowroute-sandbox"));
    }

    @Test
    void anApplicationsOwnSandboxIsTheOneTheClientsUse() {
        FlowrouteAutoConfigurationTest.runner().withUserConfiguration(OwnSandbox.class)
                .withPropertyValues("flowroute.sandbox.enabled=true").run(context -> {
                    FlowrouteSandbox own = context.getBean(FlowrouteSandbox.class);
                    List<PhoneNumber> forSale = context.getBean(FlowrouteClient.class).availableNumbers().search().stream()
                            .map(AvailableNumber::number).toList();

                    assertThat(forSale).hasSize(own.availableCount()).hasSize(12);
                });
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSandbox {
        @Bean(destroyMethod = "close")
        FlowrouteSandbox ownSandbox() {
            return FlowrouteSandbox.builder().seed(7).inventorySize(12).start();
        }
    }
}
