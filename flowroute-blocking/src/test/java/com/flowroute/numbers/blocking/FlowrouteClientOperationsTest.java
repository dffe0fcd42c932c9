package com.flowroute.numbers.blocking;

import static com.flowroute.numbers.blocking.TestServer.requestCount;
import static com.flowroute.numbers.blocking.TestServer.seed;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.reactive.MockFlowrouteExtension;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each operation: the request the server received and the values parsed from the seed's examples. */
class FlowrouteClientOperationsTest {
    @RegisterExtension
    static final MockFlowrouteExtension flowroute = TestServer.extension();

    /** A blocking client over this test's reactive client. */
    private static FlowrouteClient client() {
        return TestServer.client(flowroute);
    }


    @Test
    void areaCodesSendsLimitAndFollowsNextLink() {
        flowroute.server().stubFor(get(urlEqualTo("/v1/available-tns/npas/?limit=3")).willReturn(okJson(seed("npas.json"))));
        flowroute.server().stubFor(get(urlEqualTo("/v1/available-tns/npas/?limit=3&page=2")).willReturn(okJson("{}")));

        List<AreaCode> codes = client().availableNumbers().areaCodes(AreaCodeQuery.builder().pageSize(3).build())
                .stream().toList();

        assertEquals(List.of(AreaCode.of("201"), AreaCode.of("203"), AreaCode.of("202")), codes);
        flowroute.server().verify(getRequestedFor(urlEqualTo("/v1/available-tns/npas/?limit=3"))
                .withHeader("Authorization", matching("Basic .+"))
                .withHeader("X-Timestamp", matching("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")));
        flowroute.server().verify(getRequestedFor(urlEqualTo("/v1/available-tns/npas/?limit=3&page=2")));
        assertEquals(2, requestCount(flowroute));
    }

    @Test
    void areaCodesWithoutQuerySendsNoParameters() {
        flowroute.server().stubFor(get(urlEqualTo("/v1/available-tns/npas/")).willReturn(okJson("{}")));

        List<AreaCode> codes = client().availableNumbers().areaCodes().stream().toList();

        assertEquals(List.of(), codes);
        flowroute.server().verify(getRequestedFor(urlEqualTo("/v1/available-tns/npas/")));
        assertEquals(1, requestCount(flowroute));
    }

    @Test
    void exchangesSendsSortedQueryAndFollowsNextLink() {
        flowroute.server().stubFor(get(urlEqualTo("/v1/available-tns/npanxxs/?limit=2&npa=203&page=3"))
                .willReturn(okJson(seed("npanxxs.json"))));
        // The seed's links.next is "?npa=203&limit=2&page=4": re-sent with its parameters sorted.
        flowroute.server().stubFor(get(urlEqualTo("/v1/available-tns/npanxxs/?limit=2&npa=203&page=4")).willReturn(okJson("{}")));

        List<Exchange> exchanges = client().availableNumbers()
                .exchanges(ExchangeQuery.builder().pageSize(2).npa("203").page(3).build())
                .stream().toList();

        assertEquals(List.of(Exchange.of("203", "654"), Exchange.of("203", "648")), exchanges);
        flowroute.server().verify(getRequestedFor(urlEqualTo("/v1/available-tns/npanxxs/?limit=2&npa=203&page=3")));
        flowroute.server().verify(getRequestedFor(urlEqualTo("/v1/available-tns/npanxxs/?limit=2&npa=203&page=4")));
        assertEquals(2, requestCount(flowroute));
    }

    @Test
    void exchangesWithoutQuery() {
        flowroute.server().stubFor(get(urlEqualTo("/v1/available-tns/npanxxs/")).willReturn(okJson("{}")));

        assertEquals(List.of(), client().availableNumbers().exchanges().stream().toList());
        flowroute.server().verify(getRequestedFor(urlEqualTo("/v1/available-tns/npanxxs/")));
    }

    @Test
    void searchSendsEveryCriterionAndParsesNumbersAndLinks() {
        flowroute.server().stubFor(get(urlEqualTo("/v1/available-tns/tns/?limit=3&npa=206&nxx=641&page=2&ratecenter=SEATTLE&state=WA"))
                .willReturn(okJson(seed("available-tns.json"))));
        NumberSearch search = NumberSearch.builder().pageSize(3).npa("206").nxx("641").page(2)
                .rateCenter("SEATTLE").state("WA").build();

        Page<AvailableNumber> page = client().availableNumbers().search(search).iterableByPage().iterator().next();

        AvailableNumber first = AvailableNumber.builder()
                .number(PhoneNumber.parse("12066417744"))
                .initialCost(new BigDecimal("1.00"))
                .monthlyCost(new BigDecimal("1.25"))
                .addBillingMethods(BillingMethod.METERED)
                .rateCenter("SEATTLE")
                .state("WA")
                .build();
        assertEquals(first, page.items().get(0));
        assertEquals(List.of("12066417744", "12066417667", "12066417669"),
                page.items().stream().map(n -> n.number().toString()).toList());
        assertEquals(Optional.of("/v1/available-tns/tns/?npa=206&nxx=641&state=WA&ratecenter=SEATTLE&limit=3&page=3"),
                page.nextLink());
        assertEquals(Optional.of("/v1/available-tns/tns/?npa=206&nxx=641&state=WA&ratecenter=SEATTLE&limit=3&page=1"),
                page.prevLink());
        assertEquals(1, requestCount(flowroute), "only the page asked for is fetched");
    }

    @Test
    void searchWithoutCriteria() {
        flowroute.server().stubFor(get(urlEqualTo("/v1/available-tns/tns/")).willReturn(okJson("{}")));

        assertEquals(List.of(), client().availableNumbers().search().stream().toList());
        flowroute.server().verify(getRequestedFor(urlEqualTo("/v1/available-tns/tns/")));
    }

    @Test
    void purchaseOverloadsSendTheBillingMethod() {
        flowroute.server().stubFor(put(urlEqualTo("/v1/tns/12066417744")).willReturn(noContent()));

        client().numbers().purchase("12066417744");
        client().numbers().purchase("+1 206-641-7744", BillingMethod.METERED);
        client().numbers().purchase(PhoneNumber.parse("(206) 641-7744"));
        client().numbers().purchase(PhoneNumber.parse("12066417744"), BillingMethod.of("FLAT"));

        flowroute.server().verify(3, putRequestedFor(urlEqualTo("/v1/tns/12066417744"))
                .withRequestBody(equalToJson("{\"billing_method\": \"METERED\"}")));
        flowroute.server().verify(1, putRequestedFor(urlEqualTo("/v1/tns/12066417744"))
                .withRequestBody(equalToJson("{\"billing_method\": \"FLAT\"}")));
        assertEquals(4, requestCount(flowroute));
    }

    @Test
    void listAccountNumbersSendsPatternAndParsesRoutes() {
        flowroute.server().stubFor(get(urlEqualTo("/v1/tns/?limit=1&pattern=206")).willReturn(okJson(seed("account-tns.json"))));
        flowroute.server().stubFor(get(urlEqualTo("/v1/tns/?limit=1&page=2&pattern=206")).willReturn(okJson("{}")));

        List<AccountNumber> numbers = client().numbers()
                .list(AccountNumberQuery.builder().pageSize(1).pattern("206").build())
                .stream().toList();

        assertEquals(1, numbers.size());
        AccountNumber number = numbers.get(0);
        assertEquals(PhoneNumber.parse("12066417848"), number.number());
        assertEquals(Optional.of(BillingMethod.METERED), number.billingMethod());
        assertEquals(Route.of("HOSTroute1", RouteType.HOST, "24.239.23.40:5060"), number.primaryRoute());
        assertEquals(Route.of("URIroute1", RouteType.URI, "sip:16476998778@215.122.69.152:5060"), number.failoverRoute());
        flowroute.server().verify(getRequestedFor(urlEqualTo("/v1/tns/?limit=1&pattern=206")));
        flowroute.server().verify(getRequestedFor(urlEqualTo("/v1/tns/?limit=1&page=2&pattern=206")));
        assertEquals(2, requestCount(flowroute));
    }

    @Test
    void listAccountNumbersWithoutQuery() {
        flowroute.server().stubFor(get(urlEqualTo("/v1/tns/")).willReturn(okJson("{}")));

        assertEquals(List.of(), client().numbers().list().stream().toList());
        flowroute.server().verify(getRequestedFor(urlEqualTo("/v1/tns/")));
    }

    @Test
    void detailsOfStringAndPhoneNumber() {
        flowroute.server().stubFor(get(urlEqualTo("/v1/tns/12066417744")).willReturn(okJson(seed("tn-details.json"))));

        NumberDetails fromString = client().numbers().details("12066417744");
        NumberDetails fromNumber = client().numbers().details(PhoneNumber.parse("+1 206-641-7744"));

        Route sipReg = Route.of("sip-reg", RouteType.SIP_REG, null);
        NumberDetails expected = NumberDetails.builder().billingMethod(BillingMethod.METERED)
                .addRoutes(sipReg, sipReg).build();
        assertEquals(expected, fromString);
        assertEquals(expected, fromNumber);
        assertEquals(sipReg, fromString.primaryRoute());
        assertEquals(Optional.empty(), fromString.failoverRoute().value());
        flowroute.server().verify(2, getRequestedFor(urlEqualTo("/v1/tns/12066417744")));
        assertEquals(2, requestCount(flowroute));
    }

    @Test
    void updateRoutesSendsPrimaryThenFailover() {
        flowroute.server().stubFor(patch(urlEqualTo("/v1/tns/12066417744")).willReturn(ok()));

        client().numbers().updateRoutes("12066417744", "HOSTroute1", "URIroute1");
        client().numbers().updateRoutes(PhoneNumber.parse("206.641.7744"), "HOSTroute1", "URIroute1");

        flowroute.server().verify(2, patchRequestedFor(urlEqualTo("/v1/tns/12066417744"))
                .withRequestBody(equalToJson("{\"routes\": [{\"name\": \"HOSTroute1\"}, {\"name\": \"URIroute1\"}]}")));
        assertEquals(2, requestCount(flowroute));
    }

    @Test
    void listRoutesKeepsServerOrder() {
        flowroute.server().stubFor(get(urlEqualTo("/v1/routes/?limit=10&page=1")).willReturn(okJson(seed("routes.json"))));

        List<Route> routes = client().routes().list(RouteQuery.builder().pageSize(10).page(1).build()).stream().toList();

        assertEquals(List.of(
                Route.of("HOSTroute1", RouteType.HOST, "24.239.23.40:5060"),
                Route.of("PSTNroute1", RouteType.PSTN, "178"),
                Route.of("URIroute1", RouteType.URI, "sip:16476998778@215.122.69.152:5060"),
                Route.of("sip-reg", RouteType.SIP_REG, null)), routes);
        flowroute.server().verify(getRequestedFor(urlEqualTo("/v1/routes/?limit=10&page=1")));
        assertEquals(1, requestCount(flowroute));
    }

    @Test
    void listRoutesWithoutQuery() {
        flowroute.server().stubFor(get(urlEqualTo("/v1/routes/")).willReturn(okJson(seed("routes.json"))));

        assertEquals(4, client().routes().list().stream().count());
        flowroute.server().verify(getRequestedFor(urlEqualTo("/v1/routes/")));
    }

    @Test
    void createRouteOfEachType() {
        flowroute.server().stubFor(put(urlEqualTo("/v1/routes/MyPSTN")).willReturn(noContent()));
        flowroute.server().stubFor(put(urlEqualTo("/v1/routes/MyHost")).willReturn(noContent()));
        flowroute.server().stubFor(put(urlEqualTo("/v1/routes/My%20URI")).willReturn(noContent()));

        assertEquals(Route.of("MyPSTN", RouteType.PSTN, "12065551212"),
                client().routes().create(NewRoute.pstn("MyPSTN", "12065551212")));
        assertEquals(Route.of("MyHost", RouteType.HOST, "24.239.23.40:5060"),
                client().routes().create(NewRoute.host("MyHost", "24.239.23.40:5060")));
        assertEquals(Route.of("My URI", RouteType.URI, "sip:12065551212@215.122.69.152:5060"),
                client().routes().create(NewRoute.uri("My URI", "sip:12065551212@215.122.69.152:5060")));

        flowroute.server().verify(putRequestedFor(urlEqualTo("/v1/routes/MyPSTN"))
                .withRequestBody(equalToJson("{\"type\": \"PSTN\", \"value\": \"12065551212\"}")));
        flowroute.server().verify(putRequestedFor(urlEqualTo("/v1/routes/MyHost"))
                .withRequestBody(equalToJson("{\"type\": \"HOST\", \"value\": \"24.239.23.40:5060\"}")));
        flowroute.server().verify(putRequestedFor(urlEqualTo("/v1/routes/My%20URI"))
                .withRequestBody(equalToJson("{\"type\": \"URI\", \"value\": \"sip:12065551212@215.122.69.152:5060\"}")));
        assertEquals(3, requestCount(flowroute));
    }

    @Test
    void listingsSendNothingUntilIterated() {
        PagedIterable<Route> routes = client().routes().list();
        routes.iterator();
        routes.stream();
        routes.iterableByPage().iterator();
        routes.streamByPage();

        assertEquals(0, requestCount(flowroute));
    }
}
