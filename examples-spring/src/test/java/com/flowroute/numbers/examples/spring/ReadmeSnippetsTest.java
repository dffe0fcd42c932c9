package com.flowroute.numbers.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import com.flowroute.numbers.spring.FlowrouteAutoConfiguration;
import com.flowroute.numbers.spring.FlowrouteHealthAutoConfiguration;
import com.flowroute.numbers.spring.FlowrouteSandboxAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The README shows the snippets of {@link ReadmeSnippets} and {@code readme-application.properties} verbatim, and they work. */
@ExtendWith(FlowrouteSandboxExtension.class)
class ReadmeSnippetsTest {
    private static final Path SOURCE = Path.of("src/test/java/com/flowroute/numbers/examples/spring/ReadmeSnippets.java");
    private static final Path PROPERTIES = Path.of("src/test/resources/readme-application.properties");
    private static final Path README = Path.of("../README.md");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FlowrouteSandboxAutoConfiguration.class,
                    FlowrouteAutoConfiguration.class, FlowrouteHealthAutoConfiguration.class));

    @ParameterizedTest
    @ValueSource(strings = {"metrics-and-tracing", "spring-customizer"})
    void readmeShowsTheSnippetAsCompiled(String name) throws IOException {
        String snippet = snippet(Files.readString(SOURCE), name);

        assertThat(Files.readString(README)).contains("```java\n" + snippet + "```\n");
    }

    @Test
    void readmeShowsThePropertiesAsTested() throws IOException {
        assertThat(Files.readString(README)).contains("```properties\n" + Files.readString(PROPERTIES) + "```\n");
    }

    @Test
    void theMetricsSnippetRecordsTheCallAndItsAttempt(FlowrouteSandbox sandbox) {
        MeterRegistry meters = ReadmeSnippets.observed(sandbox.credentials(), sandbox.baseUrl());

        assertThat(meters.get("flowroute.client.call").tag("operation", "routes.list").tag("outcome", "SUCCESS")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get("flowroute.client.attempt").tag("http.request.resend_count", "0").timer().count()).isEqualTo(1);
    }

    @Test
    void thePropertiesAndTheCustomizerShapeTheClient() throws IOException {
        List<String> properties = Files.readAllLines(PROPERTIES).stream().filter(line -> !line.isBlank()).toList();

        runner.withUserConfiguration(ReadmeSnippets.FlowrouteConfiguration.class)
                .withPropertyValues(properties.toArray(String[]::new))
                .withPropertyValues("flowroute.sandbox.enabled=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasBean("flowrouteUserAgent")
                            .hasBean("flowrouteHealthIndicator");
                    ReactiveFlowrouteClient rx = context.getBean(ReactiveFlowrouteClient.class);
                    assertThat(rx.apiVersion()).isEqualTo(FlowrouteApiVersion.V2);
                    assertThat(rx.routes().list().collectList().block(Duration.ofSeconds(10))).isNotEmpty();
                    assertThat(context.getBean(FlowrouteSandbox.class).journal()).singleElement()
                            .satisfies(request -> assertThat(request.path()).startsWith("/v2/routes"));
                });
    }

    /** The lines between BEGIN and END, with the common indentation removed. */
    static String snippet(String source, String name) {
        Matcher m = Pattern.compile("// BEGIN " + name + "\n(.*?)\n\\s*// END " + name, Pattern.DOTALL).matcher(source);
        assertThat(m.find()).as("snippet " + name).isTrue();
        List<String> lines = m.group(1).lines().collect(Collectors.toList());
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }
}
