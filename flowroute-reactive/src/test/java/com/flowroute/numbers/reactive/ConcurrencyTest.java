package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.flowroute.numbers.BillingMethod;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** One client shared by many concurrent calls. */
class ConcurrencyTest {
    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create();

    @Test
    void twoHundredConcurrentCallsThroughOneClientAllSucceed() {
        ReactiveFlowrouteClient client = flowroute.client();
        flowroute.server().stubFor(get(anyUrl()).willReturn(okJson(SeedExamples.NUMBER_DETAILS).withFixedDelay(50)));

        StepVerifier.create(Flux.range(0, 200)
                        .flatMap(i -> client.numbers().details(String.format("1206641%04d", i))
                                .map(details -> details.billingMethod().orElseThrow()), 200)
                        .collect(Collectors.toSet()))
                .expectNext(Set.of(BillingMethod.METERED))
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        flowroute.server().verify(200, getRequestedFor(urlMatching("/v1/tns/1206641\\d{4}")));
        for (int i = 0; i < 200; i += 37) {
            flowroute.server().verify(1, getRequestedFor(urlEqualTo(String.format("/v1/tns/1206641%04d", i))));
        }
        assertEquals(200, flowroute.requests().size());
        flowroute.requests().forEach(MockFlowrouteExtension::assertSigned);
    }
}
