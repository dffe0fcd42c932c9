package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteType;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

/** Route names are one percent-encoded path segment under {@code /routes/}, whatever they hold. */
class RouteNamesTest {
    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create();

    @BeforeEach
    void everyRequestIsCreated() {
        flowroute.server().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)));
    }

    private static LoggedRequest create(NewRoute route) {
        StepVerifier.create(flowroute.client().routes().create(route).map(Route::name)).expectNext(route.name()).expectComplete()
                .verify(Duration.ofSeconds(10));
        LoggedRequest request = flowroute.onlyRequest();
        MockFlowrouteExtension.assertSigned(request);
        return request;
    }

    @Test
    void spaceAndSlashArePercentEncoded() {
        LoggedRequest request = create(NewRoute.uri("Office PBX/2", "sip:pbx@example.com"));

        assertEquals("PUT", request.getMethod().getName());
        assertEquals("/v1/routes/Office%20PBX%2F2", request.getUrl());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
        "../tns ..%2Ftns",
        "a/b a%2Fb",
        "%2F %252F",
        ".. %2E%2E",
        ". %2E",
        "a?b=c a%3Fb%3Dc",
        "x#y x%23y",
        "Büro B%C3%BCro",
    })
    void nameStaysOneSegmentUnderRoutes(String name, String encoded) {
        LoggedRequest request = create(NewRoute.host(name, "24.239.23.40:5060"));

        assertEquals("/v1/routes/" + encoded, request.getUrl());
        assertTrue(request.getUrl().substring("/v1/routes/".length()).indexOf('/') < 0);
    }

    @Test
    void nameWithCrOrLfIsRefusedBeforeAnythingIsSent() {
        IllegalArgumentException crlf = assertThrows(IllegalArgumentException.class,
                () -> NewRoute.host("evil\r\nX-Injected: 1", "24.239.23.40:5060"));
        assertTrue(crlf.getMessage().contains("name"), crlf.getMessage());
        assertTrue(crlf.getMessage().contains("control"), crlf.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NewRoute.uri("line\nfeed", "sip:a@example.com"));
        assertThrows(IllegalArgumentException.class,
                () -> NewRoute.builder().name("cr\r").type(RouteType.PSTN).value("12065551212").build());

        assertEquals(0, flowroute.requests().size());
    }

    @Test
    void blankNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NewRoute.host(" ", "24.239.23.40:5060"));
        assertEquals(0, flowroute.requests().size());
    }
}
