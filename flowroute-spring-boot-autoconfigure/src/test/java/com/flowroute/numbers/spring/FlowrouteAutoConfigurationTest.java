package com.flowroute.numbers.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.RateLimitException;
import com.flowroute.numbers.ServerException;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import com.flowroute.numbers.sandbox.RecordedRequest;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The clients auto-configured from properties, environment variables, customizers and the application's own beans. */
@ExtendWith(FlowrouteSandboxExtension.class)
class FlowrouteAutoConfigurationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FlowrouteSandbox sandbox;

    FlowrouteAutoConfigurationTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** The auto-configuration with no environment variable at all, whatever the shell running the tests has. */
    static ApplicationContextRunner runner(Map<String, Object> variables) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FlowrouteSandboxAutoConfiguration.class,
                        FlowrouteAutoConfiguration.class, FlowrouteHealthAutoConfiguration.class))
                .withInitializer(environmentVariables(variables));
    }

    static ApplicationContextRunner runner() {
        return runner(Map.of());
    }

    static ApplicationContextInitializer<ConfigurableApplicationContext> environmentVariables(Map<String, Object> variables) {
        return context -> context.getEnvironment().getPropertySources().replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    }

    /** Properties pointing the clients at the test's sandbox with its keys. */
    static String[] connectedTo(FlowrouteSandbox sandbox, String... more) {
        List<String> properties = new ArrayList<>(List.of(
                "flowroute.base-url=" + sandbox.baseUrl(),
                "flowroute.access-key=" + sandbox.credentials().accessKey(),
                "flowroute.secret-key=" + sandbox.credentials().secretKey()));
        properties.addAll(List.of(more));
        return properties.toArray(String[]::new);
    }

    private List<String> paths() {
        return sandbox.journal().stream().map(RecordedRequest::path).toList();
    }

    @Test
    void theAutoConfigurationsAreRegistered() {
        List<String> candidates = new ArrayList<>();
        ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).forEach(candidates::add);

        assertThat(candidates).contains(FlowrouteSandboxAutoConfiguration.class.getName(),
                FlowrouteAutoConfiguration.class.getName(), FlowrouteHealthAutoConfiguration.class.getName());
    }

    @Test
    void theKeysAndBaseUrlPropertiesReachTheClientAndV1IsTheDefault() {
        runner().withPropertyValues(connectedTo(sandbox)).run(context -> {
            ReactiveFlowrouteClient rx = context.getBean(ReactiveFlowrouteClient.class);

            assertThat(rx.routes().list().collectList().block(WAIT)).extracting(route -> route.name()).containsExactly("sip-reg");
            assertThat(rx.apiVersion()).isEqualTo(FlowrouteApiVersion.V1);
            assertThat(sandbox.journal()).singleElement().satisfies(request -> {
                assertThat(request.path()).startsWith("/v1/routes");
                assertThat(request.signatureValid()).isTrue();
            });
        });
    }

    @Test
    void apiVersionV2MakesV2Requests() {
        runner().withPropertyValues(connectedTo(sandbox, "flowroute.api-version=v2")).run(context -> {
            ReactiveFlowrouteClient rx = context.getBean(ReactiveFlowrouteClient.class);

            rx.routes().list().collectList().block(WAIT);

            assertThat(rx.apiVersion()).isEqualTo(FlowrouteApiVersion.V2);
            assertThat(paths()).singleElement().asString().startsWith("/v2/routes");
        });
    }

    @Test
    void aWrongSecretKeyPropertyIsWhatTheClientSigns() {
        runner().withPropertyValues(connectedTo(sandbox, "flowroute.secret-key=not-the-sandbox-secret")).run(context -> {
            assertThatThrownBy(() -> context.getBean(ReactiveFlowrouteClient.class).routes().list().next().block(WAIT))
                    .isInstanceOf(com.flowroute.numbers.AuthenticationException.class);
            assertThat(sandbox.journal()).singleElement().satisfies(request -> assertThat(request.signatureValid()).isFalse());
        });
    }

    @Test
    void theResponseTimeoutReachesTheClient() {
        sandbox.faults().next(1).matching("GET", "/v1/routes").delay(Duration.ofSeconds(3));

        runner().withPropertyValues(connectedTo(sandbox, "flowroute.response-timeout=150ms", "flowroute.retry.max-retries=0"))
                .run(context -> assertThatThrownBy(() ->
                        context.getBean(ReactiveFlowrouteClient.class).routes().list().next().block(WAIT))
                        .isInstanceOf(FlowrouteTransportException.class)
                        .hasMessageContaining("response timeout of 150 ms"));
    }

    @Test
    void maxRetriesAndBackoffReachTheRetryPolicy() {
        sandbox.faults().next(2).matching("GET", "/v1/routes").respond(503);

        runner().withPropertyValues(connectedTo(sandbox, "flowroute.retry.max-retries=1", "flowroute.retry.min-backoff=1ms",
                "flowroute.retry.max-backoff=2ms", "flowroute.retry.jitter=0")).run(context -> {
            ReactiveFlowrouteClient rx = context.getBean(ReactiveFlowrouteClient.class);

            // With the default of 3 retries the third attempt would have succeeded.
            assertThatThrownBy(() -> rx.routes().list().next().block(WAIT)).isInstanceOf(ServerException.class);
            assertThat(sandbox.journal()).hasSize(2);
        });
    }

    @Test
    void maxRetryAfterReachesTheRetryPolicy() {
        sandbox.faults().next(1).matching("GET", "/v1/routes").respond(429, Duration.ofSeconds(5));

        // The default (60 s) would wait the 5 s asked for and then succeed.
        runner().withPropertyValues(connectedTo(sandbox, "flowroute.retry.max-retry-after=1s")).run(context -> {
            assertThatThrownBy(() -> context.getBean(ReactiveFlowrouteClient.class).routes().list().next().block(WAIT))
                    .isInstanceOf(RateLimitException.class);
            assertThat(sandbox.journal()).hasSize(1);
        });
    }

    @Test
    void retryPropertiesLeftUnsetKeepTheSdkDefaults() {
        FlowrouteProperties.Retry retry = new FlowrouteProperties.Retry();
        retry.setMaxRetries(1);

        assertThat(FlowrouteAutoConfiguration.retryPolicy(new FlowrouteProperties.Retry())).isEqualTo(RetryPolicy.defaults());
        assertThat(FlowrouteAutoConfiguration.retryPolicy(retry))
                .isEqualTo(RetryPolicy.builder().maxRetries(1).build())
                .extracting(RetryPolicy::minBackoff).isEqualTo(RetryPolicy.defaults().minBackoff());
    }

    /** Each value reaches the builder, which refuses it naming the option. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "flowroute.connect-timeout=0s | connectTimeout",
            "flowroute.response-timeout=0s | responseTimeout",
            "flowroute.message-rate=-1 | messageRate",
            "flowroute.retry.max-retries=101 | maxRetries",
            "flowroute.retry.min-backoff=-1s | minBackoff",
            "flowroute.retry.max-backoff=100ms | maxBackoff",
            "flowroute.retry.jitter=1.5 | jitter",
            "flowroute.retry.max-retry-after=-1s | maxRetryAfter",
            "flowroute.base-url=ftp://flowroute.example | baseUrl"})
    void aValueTheSdkRefusesFailsStartupNamingTheOption(String property, String option) {
        runner().withPropertyValues(connectedTo(sandbox, property))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith(option));
    }

    @Test
    void theEnvironmentVariablesAreTheFallback() {
        Map<String, Object> variables = Map.of(
                "FLOWROUTE_ACCESS_KEY", sandbox.credentials().accessKey(),
                "FLOWROUTE_SECRET_KEY", sandbox.credentials().secretKey(),
                "FLOWROUTE_BASE_URL", sandbox.baseUrl(),
                "FLOWROUTE_API_VERSION", "v2");

        runner(variables).run(context -> {
            ReactiveFlowrouteClient rx = context.getBean(ReactiveFlowrouteClient.class);

            rx.routes().list().collectList().block(WAIT);

            assertThat(rx.apiVersion()).isEqualTo(FlowrouteApiVersion.V2);
            assertThat(paths()).singleElement().asString().startsWith("/v2/routes");
        });
    }

    @Test
    void propertiesWinOverTheEnvironmentVariables() {
        Map<String, Object> variables = Map.of(
                "FLOWROUTE_ACCESS_KEY", "env-access",
                "FLOWROUTE_SECRET_KEY", "env-secret",
                "FLOWROUTE_BASE_URL", "http://127.0.0.1:9",
                "FLOWROUTE_API_VERSION", "v2");

        runner(variables).withPropertyValues(connectedTo(sandbox, "flowroute.api-version=v1")).run(context -> {
            context.getBean(ReactiveFlowrouteClient.class).routes().list().collectList().block(WAIT);

            assertThat(sandbox.journal()).singleElement().satisfies(request -> {
                assertThat(request.path()).startsWith("/v1/routes");
                assertThat(request.signatureValid()).isTrue();
            });
        });
    }

    @Test
    void aMissingSecretKeyFailsStartupNamingThePropertyAndTheVariable() {
        runner().withPropertyValues("flowroute.access-key=some-access-key", "flowroute.secret-key=  ").run(context ->
                assertThat(context).getFailure().rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("flowroute.secret-key")
                        .hasMessageContaining("FLOWROUTE_SECRET_KEY"));
    }

    @Test
    void aMissingAccessKeyFailsStartupNamingThePropertyAndTheVariable() {
        runner().withPropertyValues("flowroute.secret-key=some-secret-key-9QwE").run(context -> {
            assertThat(context).getFailure().rootCause()
                    .hasMessageContaining("flowroute.access-key")
                    .hasMessageContaining("FLOWROUTE_ACCESS_KEY");
            assertThat(context).getFailure().hasStackTraceContaining("flowroute.access-key")
                    .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain("some-secret-key-9QwE"));
        });
    }

    @Test
    void oneEngineServesBothClientsAndClosesWithTheContext() {
        List<ReactiveFlowrouteClient> engine = new ArrayList<>();
        runner().withPropertyValues(connectedTo(sandbox)).run(context -> {
            ReactiveFlowrouteClient rx = context.getBean(ReactiveFlowrouteClient.class);
            FlowrouteClient blocking = context.getBean(FlowrouteClient.class);

            assertThat(blocking.reactive()).isSameAs(rx);
            assertThat(blocking.routes().list().stream().map(route -> route.name()).toList()).containsExactly("sip-reg");
            engine.add(rx);
        });

        assertThatThrownBy(() -> engine.get(0).routes().list().next().block(WAIT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anApplicationsOwnReactiveClientIsUsedAndTheBlockingOneWrapsIt() {
        runner().withUserConfiguration(OwnReactiveClient.class).withPropertyValues(
                "own.base-url=" + sandbox.baseUrl(), "own.access-key=" + sandbox.credentials().accessKey(),
                "own.secret-key=" + sandbox.credentials().secretKey()).run(context -> {
            assertThat(context).hasSingleBean(ReactiveFlowrouteClient.class).hasSingleBean(FlowrouteClient.class);
            ReactiveFlowrouteClient own = context.getBean("ownReactive", ReactiveFlowrouteClient.class);
            assertThat(context.getBean(FlowrouteClient.class).reactive()).isSameAs(own);
            assertThat(context).doesNotHaveBean("reactiveFlowrouteClient");
        });
    }

    @Test
    void anApplicationsOwnBlockingClientIsUsedAndItsEngineIsTheReactiveBean() {
        // No flowroute.* keys at all: nothing is built from properties, so nothing is missing.
        runner().withUserConfiguration(OwnBlockingClient.class).withPropertyValues(
                "own.base-url=" + sandbox.baseUrl(), "own.access-key=" + sandbox.credentials().accessKey(),
                "own.secret-key=" + sandbox.credentials().secretKey()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ReactiveFlowrouteClient.class).hasSingleBean(FlowrouteClient.class);
            FlowrouteClient own = context.getBean("ownBlocking", FlowrouteClient.class);
            assertThat(context.getBean(ReactiveFlowrouteClient.class)).isSameAs(own.reactive());
        });
    }

    @Test
    void customizersShapeTheBuilderAfterThePropertiesInTheirOrder() {
        sandbox.faults().next(1).matching("GET", "/v1/routes").respond(503);

        runner().withUserConfiguration(Customizers.class).withPropertyValues(connectedTo(sandbox, "flowroute.retry.max-retries=5"))
                .run(context -> {
                    assertThat(context.getBean(Customizers.class).applied).containsExactly("first", "second");
                    // "second" turned retries off after "first" and the properties asked for them.
                    assertThatThrownBy(() -> context.getBean(ReactiveFlowrouteClient.class).routes().list().next().block(WAIT))
                            .isInstanceOf(ServerException.class);
                    // Answered requests only: a request a previous test gave up on may be journaled late, unanswered.
                    assertThat(sandbox.journal()).filteredOn(request -> request.status() != 0).hasSize(1);
                });
    }

    @Test
    void theApplicationsObservationRegistryObservesTheCalls() {
        runner().withUserConfiguration(Observed.class).withPropertyValues(connectedTo(sandbox)).run(context -> {
            context.getBean(ReactiveFlowrouteClient.class).routes().list().next().block(WAIT);

            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .hasObservationWithNameEqualTo("flowroute.client.call").that()
                    .hasLowCardinalityKeyValue("operation", "routes.list")
                    .hasLowCardinalityKeyValue("outcome", "SUCCESS");
        });
    }

    @Test
    void withoutMicrometerObservationTheClientsStillStart() {
        runner().withClassLoader(new FilteredClassLoader("io.micrometer.observation")).withPropertyValues(connectedTo(sandbox))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("flowrouteObservationCustomizer");
                    assertThat(context.getBean(FlowrouteClient.class).routes().list().stream().count()).isEqualTo(1);
                });
    }

    @Test
    void actuatorShowsTheAccessKeyButMasksTheSecretKeyEvenWhenShowingValues() {
        runner().withPropertyValues(connectedTo(sandbox)).run(context -> {
            List<SanitizingFunction> functions = context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
            ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(functions, Show.ALWAYS);
            endpoint.setApplicationContext(context);

            Map<String, Object> flowroute = endpoint.configurationPropertiesWithPrefix("flowroute").getContexts().values().stream()
                    .flatMap(descriptor -> descriptor.getBeans().values().stream())
                    .findFirst().orElseThrow().getProperties();

            assertThat(flowroute).containsEntry("accessKey", sandbox.credentials().accessKey())
                    .containsEntry("secretKey", SanitizableData.SANITIZED_VALUE)
                    .containsEntry("baseUrl", sandbox.baseUrl());
            assertThat(flowroute.toString()).doesNotContain(sandbox.credentials().secretKey());
            Sanitizer sanitizer = new Sanitizer(functions);
            assertThat(sanitizer.sanitize(new SanitizableData(null, "FLOWROUTE_SECRET_KEY", "from-env"), true))
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(sanitizer.sanitize(new SanitizableData(null, "flowroute.secret-key", "from-file"), true))
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(sanitizer.sanitize(new SanitizableData(null, "flowroute.access-key", "shown"), true)).isEqualTo("shown");
            assertThat(context.getBean(FlowrouteConnectionDetails.class).toString())
                    .doesNotContain(sandbox.credentials().secretKey());
        });
    }

    @Test
    void theMetadataListsEveryPropertyForIdes() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.get("properties").forEach(property -> properties.put(property.get("name").asText(), property));

        Set<String> expected = new TreeSet<>(List.of("flowroute.access-key", "flowroute.secret-key", "flowroute.base-url",
                "flowroute.api-version", "flowroute.connect-timeout", "flowroute.response-timeout", "flowroute.message-rate",
                "flowroute.retry.max-retries", "flowroute.retry.min-backoff", "flowroute.retry.max-backoff",
                "flowroute.retry.jitter", "flowroute.retry.max-retry-after", "flowroute.sandbox.enabled",
                "flowroute.sandbox.port", "flowroute.health.timeout", "management.health.flowroute.enabled"));
        assertThat(properties.keySet()).containsAll(expected);
        assertThat(properties.get("flowroute.secret-key").get("description").asText()).contains("FLOWROUTE_SECRET_KEY");
        assertThat(properties.get("flowroute.connect-timeout").get("type").asText()).isEqualTo("java.time.Duration");
        assertThat(properties.get("flowroute.connect-timeout").get("defaultValue").asText()).isEqualTo("10s");
        assertThat(properties.get("flowroute.retry.max-retries").get("defaultValue").asInt())
                .isEqualTo(RetryPolicy.defaults().maxRetries());
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    private static FlowrouteCredentials own(org.springframework.core.env.Environment environment) {
        return FlowrouteCredentials.of(environment.getProperty("own.access-key"), environment.getProperty("own.secret-key"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnReactiveClient {
        @Bean
        ReactiveFlowrouteClient ownReactive(org.springframework.core.env.Environment environment) {
            return ReactiveFlowrouteClient.builder().baseUrl(environment.getProperty("own.base-url"))
                    .credentials(own(environment)).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBlockingClient {
        @Bean
        FlowrouteClient ownBlocking(org.springframework.core.env.Environment environment) {
            return FlowrouteClient.builder().baseUrl(environment.getProperty("own.base-url")).credentials(own(environment)).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        final List<String> applied = new ArrayList<>();

        @Bean
        @Order(2)
        FlowrouteClientCustomizer second() {
            return builder -> {
                applied.add("second");
                builder.retryPolicy(RetryPolicy.none());
            };
        }

        @Bean
        @Order(1)
        FlowrouteClientCustomizer first() {
            return builder -> {
                applied.add("first");
                builder.retryPolicy(RetryPolicy.builder().maxRetries(2).build()).userAgent("test-app/1.0");
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Observed {
        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }
}
