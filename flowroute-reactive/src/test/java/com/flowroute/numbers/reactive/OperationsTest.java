package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.RouteType;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The nine operations against WireMock answering with the seed README's examples: the exact
 * request (method, raw URL with its sorted query, body bytes, headers, signature recomputed from
 * what arrived) and the parsed result.
 */
class OperationsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String APP = "my-app/1";

    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create()
            .client(builder -> builder.userAgent(APP));

    private static void answer(String json) {
        flowroute.server().stubFor(any(anyUrl()).willReturn(okJson(json)));
    }

    private static void answerEmpty(int status) {
        flowroute.server().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)));
    }

    /** The one request the server got: method, raw URL, body bytes, headers and signature. */
    private static LoggedRequest assertOneRequest(String method, String url, String body) {
        LoggedRequest request = flowroute.onlyRequest();
        assertEquals(method, request.getMethod().getName());
        assertEquals(url, request.getUrl());
        if (body == null) {
            assertEquals(0, request.getBody().length);
        } else {
            assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), request.getBody(),
                    () -> "body sent: " + request.getBodyAsString());
        }
        MockFlowrouteExtension.assertStandardHeaders(request, body != null, APP);
        MockFlowrouteExtension.assertSigned(request);
        return request;
    }

    @Test
    void areaCodesSendsLimitAndParsesTheSeedExampleInServerOrder() {
        answer(SeedExamples.AREA_CODES);

        StepVerifier.create(flowroute.client().availableNumbers().areaCodes(AreaCodeQuery.builder().pageSize(3).build()).take(3))
                .expectNext(AreaCode.of("201"), AreaCode.of("203"), AreaCode.of("202"))
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("GET", "/v1/available-tns/npas/?limit=3", null);
    }

    @Test
    void areaCodesPageCarriesTheSeedNextLink() {
        answer(SeedExamples.AREA_CODES);

        StepVerifier.create(flowroute.client().availableNumbers().areaCodes(AreaCodeQuery.builder().pageSize(3).build()).byPage().take(1))
                .assertNext(page -> {
                    assertEquals(3, page.items().size());
                    assertEquals("/v1/available-tns/npas/?limit=3&page=2", page.nextLink().orElseThrow());
                    assertTrue(page.prevLink().isEmpty());
                })
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("GET", "/v1/available-tns/npas/?limit=3", null);
    }

    @Test
    void exchangesSendsSortedQueryAndParsesNpaAndNxx() {
        answer(SeedExamples.EXCHANGES);

        StepVerifier.create(flowroute.client().availableNumbers()
                        .exchanges(ExchangeQuery.builder().pageSize(2).npa("203").page(3).build()).take(2))
                .expectNext(Exchange.of("203", "654"), Exchange.of("203", "648"))
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("GET", "/v1/available-tns/npanxxs/?limit=2&npa=203&page=3", null);
    }

    @Test
    void searchSendsEveryParameterSortedByName() {
        answer(SeedExamples.AVAILABLE_NUMBERS);
        NumberSearch search = NumberSearch.builder().state("WA").page(2).nxx("641").rateCenter("SEATTLE").pageSize(3)
                .npa("206").build();

        StepVerifier.create(flowroute.client().availableNumbers().search(search).take(3))
                .expectNext(available("12066417744"), available("12066417667"), available("12066417669"))
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("GET", "/v1/available-tns/tns/?limit=3&npa=206&nxx=641&page=2&ratecenter=SEATTLE&state=WA", null);
    }

    @Test
    void queryValuesAreFormEncodedAsSignedAndFollowedLinksReencoded() {
        String next = "/v1/available-tns/tns/?state=CA&ratecenter=ST.+JOHN%27S+%26+CO&page=2";
        flowroute.server().stubFor(any(urlEqualTo("/v1/available-tns/tns/?ratecenter=ST.+JOHN%27S+%26+CO&state=CA"))
                .willReturn(okJson("{\"tns\": {}, \"links\": {\"next\": \"" + next + "\"}}")));
        flowroute.server().stubFor(any(urlEqualTo("/v1/available-tns/tns/?page=2&ratecenter=ST.+JOHN%27S+%26+CO&state=CA"))
                .willReturn(okJson("{}")));

        StepVerifier.create(flowroute.client().availableNumbers().search(NumberSearch.builder().rateCenter("ST. JOHN'S & CO").state("CA")
                        .build()))
                .expectComplete()
                .verify(WAIT);

        List<LoggedRequest> requests = flowroute.requests();
        assertEquals(2, requests.size(), () -> requests.toString());
        requests.forEach(MockFlowrouteExtension::assertSigned);
    }

    @Test
    void nonAsciiQueryValueIsSentUtf8PercentEncoded() {
        answer("{}");

        StepVerifier.create(flowroute.client().availableNumbers().search(NumberSearch.builder().state("QC").rateCenter("MONTRÉAL").build()))
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("GET", "/v1/available-tns/tns/?ratecenter=MONTR%C3%89AL&state=QC", null);
    }

    @Test
    void searchWithoutQuerySendsNoQueryString() {
        answer("{}");

        StepVerifier.create(flowroute.client().availableNumbers().search()).expectComplete().verify(WAIT);

        assertOneRequest("GET", "/v1/available-tns/tns/", null);
    }

    private static AvailableNumber available(String number) {
        return AvailableNumber.builder()
                .number(PhoneNumber.parse(number))
                .initialCost(new BigDecimal("1.00"))
                .monthlyCost(new BigDecimal("1.25"))
                .billingMethods(List.of(BillingMethod.METERED))
                .rateCenter("SEATTLE")
                .state("WA")
                .build();
    }

    @Test
    void purchaseByStringPutsMeteredBillingMethod() {
        answerEmpty(201);

        StepVerifier.create(flowroute.client().numbers().purchase("12066417744")).expectComplete().verify(WAIT);

        assertOneRequest("PUT", "/v1/tns/12066417744", "{\"billing_method\":\"METERED\"}");
    }

    @Test
    void purchaseByPhoneNumberSendsTheWireForm() {
        answerEmpty(204);

        StepVerifier.create(flowroute.client().numbers().purchase(PhoneNumber.parse("+1 206-641-7744"))).expectComplete().verify(WAIT);

        assertOneRequest("PUT", "/v1/tns/12066417744", "{\"billing_method\":\"METERED\"}");
    }

    @Test
    void purchaseWithBillingMethodSendsThatMethod() {
        answerEmpty(200);

        StepVerifier.create(flowroute.client().numbers().purchase("(206) 641-7744", BillingMethod.of("FLAT_RATE")))
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("PUT", "/v1/tns/12066417744", "{\"billing_method\":\"FLAT_RATE\"}");
    }

    @Test
    void purchaseOfPhoneNumberWithBillingMethod() {
        answerEmpty(200);

        StepVerifier.create(flowroute.client().numbers().purchase(PhoneNumber.parse("12066417744"), BillingMethod.METERED))
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("PUT", "/v1/tns/12066417744", "{\"billing_method\":\"METERED\"}");
    }

    @Test
    void accountListSendsPatternAndParsesRoutes() {
        answer(SeedExamples.ACCOUNT_NUMBERS);

        StepVerifier.create(flowroute.client().numbers().list(AccountNumberQuery.builder().pageSize(1).pattern("206").build()).take(1))
                .expectNext(AccountNumber.builder()
                        .number(PhoneNumber.parse("12066417848"))
                        .billingMethod(BillingMethod.METERED)
                        .addRoutes(Route.of("HOSTroute1", RouteType.HOST, "24.239.23.40:5060"),
                                Route.of("URIroute1", RouteType.URI, "sip:16476998778@215.122.69.152:5060"))
                        .build())
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("GET", "/v1/tns/?limit=1&pattern=206", null);
    }

    @Test
    void detailsParsesBillingAndPrimaryAndFailoverRoutes() {
        answer(SeedExamples.NUMBER_DETAILS);
        Route sipReg = Route.of("sip-reg", RouteType.SIP_REG, null);

        StepVerifier.create(flowroute.client().numbers().details("12066417744"))
                .assertNext(details -> {
                    assertEquals(NumberDetails.builder().billingMethod(BillingMethod.METERED).addRoutes(sipReg, sipReg).build(),
                            details);
                    assertEquals(sipReg, details.primaryRoute());
                    assertEquals(sipReg, details.failoverRoute());
                    assertTrue(details.primaryRoute().value().isEmpty());
                })
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("GET", "/v1/tns/12066417744", null);
    }

    @Test
    void detailsOfPhoneNumber() {
        answer(SeedExamples.NUMBER_DETAILS);

        StepVerifier.create(flowroute.client().numbers().details(PhoneNumber.parse("206.641.7744")).map(NumberDetails::billingMethod))
                .expectNext(Optional.of(BillingMethod.METERED))
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("GET", "/v1/tns/12066417744", null);
    }

    @Test
    void updateRoutesPatchesPrimaryThenFailover() {
        answerEmpty(204);

        StepVerifier.create(flowroute.client().numbers().updateRoutes("12066417744", "HOSTroute1", "URIroute1"))
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("PATCH", "/v1/tns/12066417744", "{\"routes\":[{\"name\":\"HOSTroute1\"},{\"name\":\"URIroute1\"}]}");
    }

    @Test
    void updateRoutesOfPhoneNumber() {
        answerEmpty(200);

        StepVerifier.create(flowroute.client().numbers().updateRoutes(PhoneNumber.parse("12066417744"), "primary", "failover"))
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("PATCH", "/v1/tns/12066417744", "{\"routes\":[{\"name\":\"primary\"},{\"name\":\"failover\"}]}");
    }

    @Test
    void routesListParsesEveryTypeInServerOrder() {
        answer(SeedExamples.ROUTES);

        StepVerifier.create(flowroute.client().routes().list(RouteQuery.builder().pageSize(10).page(1).build()))
                .expectNext(Route.of("HOSTroute1", RouteType.HOST, "24.239.23.40:5060"),
                        Route.of("PSTNroute1", RouteType.PSTN, "178"),
                        Route.of("URIroute1", RouteType.URI, "sip:16476998778@215.122.69.152:5060"),
                        Route.of("sip-reg", RouteType.SIP_REG, null))
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("GET", "/v1/routes/?limit=10&page=1", null);
    }

    @Test
    void createHostRoutePutsTypeAndValue() {
        answerEmpty(201);

        StepVerifier.create(flowroute.client().routes().create(NewRoute.host("MyHost", "24.239.23.40:5060")))
                .expectNext(Route.of("MyHost", RouteType.HOST, "24.239.23.40:5060"))
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("PUT", "/v1/routes/MyHost", "{\"type\":\"HOST\",\"value\":\"24.239.23.40:5060\"}");
    }

    @Test
    void createPstnAndUriRoutes() {
        answerEmpty(201);

        StepVerifier.create(flowroute.client().routes().create(NewRoute.pstn("MyPSTN", "+1 (206) 555-1212")))
                .expectNext(Route.of("MyPSTN", RouteType.PSTN, "12065551212"))
                .expectComplete()
                .verify(WAIT);
        assertOneRequest("PUT", "/v1/routes/MyPSTN", "{\"type\":\"PSTN\",\"value\":\"12065551212\"}");

        flowroute.reset();
        answerEmpty(201);
        StepVerifier.create(flowroute.client().routes().create(NewRoute.uri("MyURI", "sip:12065551212@215.122.69.152:5060")))
                .expectNext(Route.of("MyURI", RouteType.URI, "sip:12065551212@215.122.69.152:5060"))
                .expectComplete()
                .verify(WAIT);
        assertOneRequest("PUT", "/v1/routes/MyURI", "{\"type\":\"URI\",\"value\":\"sip:12065551212@215.122.69.152:5060\"}");
    }

    @Test
    void unknownBillingMethodsAndRouteTypesAreKeptRaw() {
        answer("{\"tns\":{\"12066417848\":{\"billing_method\":\"FLAT\",\"routes\":[{\"type\":\"WEBRTC\",\"name\":\"w\","
                + "\"value\":\"x\"}],\"surprise\":true}},\"extra\":1}");

        StepVerifier.create(flowroute.client().numbers().list())
                .assertNext(number -> {
                    assertEquals("FLAT", number.billingMethod().orElseThrow().value());
                    assertEquals("WEBRTC", number.primaryRoute().type().value());
                })
                .expectComplete()
                .verify(WAIT);

        assertOneRequest("GET", "/v1/tns/", null);
    }

    @Test
    void nothingIsSentBeforeSubscription() {
        answerEmpty(201);

        Mono<Void> purchase = flowroute.client().numbers().purchase("12066417744");
        Mono<Route> route = flowroute.client().routes().create(NewRoute.host("h", "pbx.example.com"));
        Mono<Void> update = flowroute.client().numbers().updateRoutes("12066417744", "a", "b");
        Mono<NumberDetails> details = flowroute.client().numbers().details("12066417744");
        PagedFlux<AreaCode> areaCodes = flowroute.client().availableNumbers().areaCodes();

        assertEquals(0, flowroute.requests().size(), "five calls built, none subscribed");
        StepVerifier.create(route).expectNextCount(1).expectComplete().verify(WAIT);
        StepVerifier.create(purchase).expectComplete().verify(WAIT);
        StepVerifier.create(purchase).expectComplete().verify(WAIT);
        assertEquals(3, flowroute.requests().size(), "each subscription sends anew");
        assertEquals(List.of("PUT", "PUT", "PUT"),
                flowroute.requests().stream().map(r -> r.getMethod().getName()).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void badNumberIsAnErrorSignalAndNothingIsSent() {
        answerEmpty(201);

        StepVerifier.create(flowroute.client().numbers().purchase("2066417"))
                .expectErrorSatisfies(error -> {
                    assertInstanceOf(IllegalArgumentException.class, error);
                    assertTrue(error.getMessage().contains("number"), error.getMessage());
                    assertTrue(error.getMessage().contains("2066417"), error.getMessage());
                })
                .verify(WAIT);
        StepVerifier.create(flowroute.client().numbers().updateRoutes("12066417744", "ok", "bad\nname"))
                .expectError(IllegalArgumentException.class)
                .verify(WAIT);
        StepVerifier.create(flowroute.client().numbers().details("10000000000")).expectError(IllegalArgumentException.class).verify(WAIT);

        assertEquals(0, flowroute.requests().size());
    }
}
