package com.flowroute.numbers.blocking;

import static com.flowroute.numbers.blocking.TestServer.requestCount;
import static com.flowroute.numbers.blocking.TestServer.seed;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.EdgeStrategy;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.NumberUpdate;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.RouteRole;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.internal.v2.V2Wire;
import com.flowroute.numbers.testing.MockFlowrouteExtension;
import com.flowroute.numbers.reactive.PagedFlux;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

/**
 * What the blocking facade can break by delegating: every public method of
 * {@link AvailableNumbersClient}, {@link NumbersClient} and {@link RoutesClient} reaches the
 * reactive call of the same name with its arguments (the server gets exactly the requests the
 * reactive call sends), returns what that call emits, and throws what it signals. The wire itself
 * (paths, bodies, parsing) is the reactive module's tests' business, not this one's.
 */
class FlowrouteClientOperationsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String NUMBER = "12066417744";
    private static final PhoneNumber PHONE_NUMBER = PhoneNumber.parse("+1 206-641-7745");
    private static final Route PRIMARY = Route.of("83834", "office", RouteType.HOST, "24.239.23.40:5060");
    private static final Route FAILOVER = Route.of("0", "sip-reg", RouteType.SIP_REG, null);
    private static final NewRoute NEW_ROUTE = NewRoute.host("office", "24.239.23.40:5060");
    private static final NewRoute REPLACEMENT = NewRoute.uri("backup", "sip:12065551212@215.122.69.152:5060");
    private static final NumberUpdate UPDATE = NumberUpdate.builder().alias("NYC main").cnamLookupsEnabled(true).build();
    private static final BillingMethod FLAT = BillingMethod.of("FLAT");
    private static final String REFUSAL = "{\"errors\": [{\"detail\": \"refused by the test server\"}]}";

    @RegisterExtension
    static final MockFlowrouteExtension flowroute = TestServer.extension();

    /** A blocking client over this test's reactive client. */
    private static FlowrouteClient client() {
        return TestServer.client(flowroute);
    }

    /**
     * One public method of the facade ({@code signature} as {@link #signature(Method)} writes it)
     * and the reactive call it must make, with the same arguments.
     */
    record Delegation(String signature, boolean returnsValue, Function<ReactiveFlowrouteClient, Mono<?>> reactive,
            Function<FlowrouteClient, Object> blocking) {
        @Override
        public String toString() {
            return signature;
        }
    }

    private static Delegation value(String signature, Function<ReactiveFlowrouteClient, Mono<?>> reactive,
            Function<FlowrouteClient, Object> blocking) {
        return new Delegation(signature, true, reactive, blocking);
    }

    private static Delegation action(String signature, Function<ReactiveFlowrouteClient, Mono<Void>> reactive,
            Consumer<FlowrouteClient> blocking) {
        return new Delegation(signature, false, reactive::apply, client -> {
            blocking.accept(client);
            return null;
        });
    }

    private static Delegation listing(String signature, Function<ReactiveFlowrouteClient, PagedFlux<?>> reactive,
            Function<FlowrouteClient, PagedIterable<?>> blocking) {
        return new Delegation(signature, true, client -> reactive.apply(client).collectList(),
                client -> blocking.apply(client).stream().toList());
    }

    static Stream<Delegation> delegations() {
        AreaCodeQuery areaCodes = AreaCodeQuery.builder().pageSize(3).build();
        ExchangeQuery exchanges = ExchangeQuery.builder().npa("203").pageSize(2).build();
        NumberSearch search = NumberSearch.builder().npa("206").nxx("641").state("WA").rateCenter("SEATTLE").build();
        AccountNumberQuery account = AccountNumberQuery.builder().pattern("206").pageSize(1).build();
        RouteQuery routes = RouteQuery.builder().pageSize(10).page(1).build();
        return Stream.of(
                listing("availableNumbers().areaCodes()", rx -> rx.availableNumbers().areaCodes(),
                        c -> c.availableNumbers().areaCodes()),
                listing("availableNumbers().areaCodes(AreaCodeQuery)", rx -> rx.availableNumbers().areaCodes(areaCodes),
                        c -> c.availableNumbers().areaCodes(areaCodes)),
                listing("availableNumbers().exchanges()", rx -> rx.availableNumbers().exchanges(),
                        c -> c.availableNumbers().exchanges()),
                listing("availableNumbers().exchanges(ExchangeQuery)", rx -> rx.availableNumbers().exchanges(exchanges),
                        c -> c.availableNumbers().exchanges(exchanges)),
                listing("availableNumbers().search()", rx -> rx.availableNumbers().search(), c -> c.availableNumbers().search()),
                listing("availableNumbers().search(NumberSearch)", rx -> rx.availableNumbers().search(search),
                        c -> c.availableNumbers().search(search)),

                action("numbers().purchase(String)", rx -> rx.numbers().purchase(NUMBER), c -> c.numbers().purchase(NUMBER)),
                action("numbers().purchase(String, BillingMethod)", rx -> rx.numbers().purchase(NUMBER, FLAT),
                        c -> c.numbers().purchase(NUMBER, FLAT)),
                action("numbers().purchase(PhoneNumber)", rx -> rx.numbers().purchase(PHONE_NUMBER),
                        c -> c.numbers().purchase(PHONE_NUMBER)),
                action("numbers().purchase(PhoneNumber, BillingMethod)", rx -> rx.numbers().purchase(PHONE_NUMBER, FLAT),
                        c -> c.numbers().purchase(PHONE_NUMBER, FLAT)),
                value("numbers().purchaseWithResult(String)", rx -> rx.numbers().purchaseWithResult(NUMBER),
                        c -> c.numbers().purchaseWithResult(NUMBER)),
                value("numbers().purchaseWithResult(String, BillingMethod)", rx -> rx.numbers().purchaseWithResult(NUMBER, FLAT),
                        c -> c.numbers().purchaseWithResult(NUMBER, FLAT)),
                value("numbers().purchaseWithResult(PhoneNumber)", rx -> rx.numbers().purchaseWithResult(PHONE_NUMBER),
                        c -> c.numbers().purchaseWithResult(PHONE_NUMBER)),
                value("numbers().purchaseWithResult(PhoneNumber, BillingMethod)",
                        rx -> rx.numbers().purchaseWithResult(PHONE_NUMBER, FLAT), c -> c.numbers().purchaseWithResult(PHONE_NUMBER, FLAT)),
                listing("numbers().list()", rx -> rx.numbers().list(), c -> c.numbers().list()),
                listing("numbers().list(AccountNumberQuery)", rx -> rx.numbers().list(account), c -> c.numbers().list(account)),
                value("numbers().details(String)", rx -> rx.numbers().details(NUMBER), c -> c.numbers().details(NUMBER)),
                value("numbers().details(PhoneNumber)", rx -> rx.numbers().details(PHONE_NUMBER),
                        c -> c.numbers().details(PHONE_NUMBER)),
                action("numbers().updateRoutes(String, String, String)", rx -> rx.numbers().updateRoutes(NUMBER, "office", "sip-reg"),
                        c -> c.numbers().updateRoutes(NUMBER, "office", "sip-reg")),
                action("numbers().updateRoutes(PhoneNumber, String, String)",
                        rx -> rx.numbers().updateRoutes(PHONE_NUMBER, "office", "sip-reg"),
                        c -> c.numbers().updateRoutes(PHONE_NUMBER, "office", "sip-reg")),
                action("numbers().updateRoutes(String, Route, Route)", rx -> rx.numbers().updateRoutes(NUMBER, PRIMARY, FAILOVER),
                        c -> c.numbers().updateRoutes(NUMBER, PRIMARY, FAILOVER)),
                action("numbers().updateRoutes(PhoneNumber, Route, Route)",
                        rx -> rx.numbers().updateRoutes(PHONE_NUMBER, PRIMARY, FAILOVER),
                        c -> c.numbers().updateRoutes(PHONE_NUMBER, PRIMARY, FAILOVER)),
                action("numbers().release(String)", rx -> rx.numbers().release(NUMBER), c -> c.numbers().release(NUMBER)),
                action("numbers().release(PhoneNumber)", rx -> rx.numbers().release(PHONE_NUMBER),
                        c -> c.numbers().release(PHONE_NUMBER)),
                value("numbers().update(String, NumberUpdate)", rx -> rx.numbers().update(NUMBER, UPDATE),
                        c -> c.numbers().update(NUMBER, UPDATE)),
                value("numbers().update(PhoneNumber, NumberUpdate)", rx -> rx.numbers().update(PHONE_NUMBER, UPDATE),
                        c -> c.numbers().update(PHONE_NUMBER, UPDATE)),
                action("numbers().clearRoute(String, RouteRole)", rx -> rx.numbers().clearRoute(NUMBER, RouteRole.FAILOVER),
                        c -> c.numbers().clearRoute(NUMBER, RouteRole.FAILOVER)),
                action("numbers().clearRoute(PhoneNumber, RouteRole)",
                        rx -> rx.numbers().clearRoute(PHONE_NUMBER, RouteRole.PRIMARY),
                        c -> c.numbers().clearRoute(PHONE_NUMBER, RouteRole.PRIMARY)),

                listing("routes().list()", rx -> rx.routes().list(), c -> c.routes().list()),
                listing("routes().list(RouteQuery)", rx -> rx.routes().list(routes), c -> c.routes().list(routes)),
                value("routes().create(NewRoute)", rx -> rx.routes().create(NEW_ROUTE), c -> c.routes().create(NEW_ROUTE)),
                action("routes().update(Route, NewRoute)", rx -> rx.routes().update(PRIMARY, REPLACEMENT),
                        c -> c.routes().update(PRIMARY, REPLACEMENT)),
                action("routes().update(String, NewRoute)", rx -> rx.routes().update("83835", REPLACEMENT),
                        c -> c.routes().update("83835", REPLACEMENT)),
                action("routes().delete(Route)", rx -> rx.routes().delete(PRIMARY), c -> c.routes().delete(PRIMARY)),
                action("routes().delete(String)", rx -> rx.routes().delete("83835"), c -> c.routes().delete("83835")),
                listing("routes().edgeStrategies()", rx -> rx.routes().edgeStrategies(), c -> c.routes().edgeStrategies()));
    }

    /** A healthy answer to every call above: the seed's examples (one page each), v2 documents for v2's calls. */
    @BeforeEach
    void answerEveryCall() {
        WireMockServer server = flowroute.server();
        server.stubFor(get(urlPathEqualTo("/v1/available-tns/npas/")).willReturn(okJson(onePage(seed("npas.json")))));
        server.stubFor(get(urlPathEqualTo("/v1/available-tns/npanxxs/")).willReturn(okJson(onePage(seed("npanxxs.json")))));
        server.stubFor(get(urlPathEqualTo("/v1/available-tns/tns/")).willReturn(okJson(onePage(seed("available-tns.json")))));
        server.stubFor(get(urlPathEqualTo("/v1/tns/")).willReturn(okJson(onePage(seed("account-tns.json")))));
        server.stubFor(get(urlPathMatching("/v1/tns/\\d{11}")).willReturn(okJson(seed("tn-details.json"))));
        server.stubFor(put(urlPathMatching("/v1/tns/\\d{11}")).willReturn(aResponse().withStatus(201)));
        server.stubFor(patch(urlPathMatching("/v1/tns/\\d{11}")).willReturn(noContent()));
        server.stubFor(get(urlPathEqualTo("/v1/routes/")).willReturn(okJson(seed("routes.json"))));
        server.stubFor(put(urlPathMatching("/v1/routes/.+")).willReturn(aResponse().withStatus(201)));
        PhoneNumber number = PhoneNumber.parse(NUMBER);
        NumberDetails details = NumberDetails.builder().alias("NYC main").cnamLookupsEnabled(true).rateCenter("SEATTLE")
                .state("WA").build();
        server.stubFor(patch(urlPathMatching("/v2/numbers/\\d{11}"))
                .willReturn(okJson(new String(V2Wire.encodeDetails(server.baseUrl(), number, details, List.of(PRIMARY, FAILOVER))))));
        server.stubFor(delete(urlPathMatching("/v2/numbers/.+")).willReturn(noContent()));
        server.stubFor(any(urlPathMatching("/v2/routes/\\d+")).willReturn(noContent()));
        server.stubFor(get(urlPathEqualTo("/v2/routes/edge_strategies")).willReturn(okJson(new String(V2Wire.EDGE_STRATEGIES.encode(
                List.of(EdgeStrategy.builder().id(4).name("US-East-VA").naptr("us-east-va.sip.flowroute.com").build()),
                server.baseUrl() + "/v2/routes/edge_strategies", Optional.empty())))));
    }

    /** {@code body} without its links, so that a listing is that one page. */
    private static String onePage(String body) {
        return body.replaceAll("\"links\"\\s*:\\s*\\{[^}]*\\}", "\"links\": {}");
    }

    /** What the server received, oldest first: method, URL, the headers the SDK sets, and the body. */
    private static List<String> received() {
        return flowroute.requests().stream().map(FlowrouteClientOperationsTest::describe).toList();
    }

    private static String describe(LoggedRequest request) {
        return request.getMethod() + " " + request.getUrl() + "\nAuthorization: " + request.getHeader("Authorization")
                + "\nX-Timestamp: " + request.getHeader("X-Timestamp") + "\nContent-Type: " + request.getHeader("Content-Type")
                + "\n\n" + request.getBodyAsString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("delegations")
    void sendsWhatTheReactiveCallSendsAndReturnsWhatItEmits(Delegation call) {
        Object emitted = call.reactive().apply(flowroute.client()).block(WAIT);
        List<String> sentByReactive = received();
        flowroute.server().resetRequests();

        Object returned = call.blocking().apply(client());

        assertFalse(sentByReactive.isEmpty(), "the reactive call sent something");
        assertEquals(sentByReactive, received(), "the blocking call sent the reactive call's requests, as they were");
        assertEquals(emitted, returned);
        if (call.returnsValue()) {
            assertNotNull(emitted, "a call that returns a value emitted one");
            assertFalse(emitted instanceof List<?> list && list.isEmpty(), "a listing with items, so that their order counts");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("delegations")
    void throwsWhatTheReactiveCallSignals(Delegation call) {
        flowroute.server().stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(422).withBody(REFUSAL)));
        RuntimeException signalled = assertThrows(RuntimeException.class, () -> call.reactive().apply(flowroute.client()).block(WAIT));
        int sentByReactive = requestCount(flowroute);
        flowroute.server().resetRequests();

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> call.blocking().apply(client()));

        assertEquals(signalled.getClass(), thrown.getClass(), () -> "thrown: " + thrown);
        assertEquals(signalled.getMessage(), thrown.getMessage());
        FlowrouteApiException refused = assertInstanceOf(FlowrouteApiException.class, thrown);
        assertEquals(422, refused.statusCode());
        assertEquals(List.of("refused by the test server"), refused.errorMessages());
        assertEquals(sentByReactive, requestCount(flowroute));
    }

    /** {@code numbers().purchase(String, BillingMethod)}: the client the method is reached through, its name and parameter types. */
    private static String signature(Method method) {
        String client = switch (method.getDeclaringClass().getSimpleName()) {
            case "AvailableNumbersClient" -> "availableNumbers()";
            case "NumbersClient" -> "numbers()";
            case "RoutesClient" -> "routes()";
            default -> throw new AssertionError(method);
        };
        return client + "." + method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    @Test
    void everyPublicMethodOfTheFacadeIsCheckedOnce() {
        Set<String> methods = Stream.of(AvailableNumbersClient.class, NumbersClient.class, RoutesClient.class)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .map(FlowrouteClientOperationsTest::signature)
                .collect(Collectors.toSet());
        List<String> checked = delegations().map(Delegation::signature).toList();

        assertEquals(methods, Set.copyOf(checked));
        assertEquals(checked.size(), Set.copyOf(checked).size(), "each method once: " + checked);
    }

    @Test
    void listingsSendNothingUntilIterated() {
        PagedIterable<Route> routes = client().routes().list();
        routes.iterator();
        routes.stream();
        routes.iterableByPage().iterator();
        routes.streamByPage();

        assertEquals(0, requestCount(flowroute));
        assertTrue(routes.stream().findFirst().isPresent());
        assertEquals(1, requestCount(flowroute));
    }
}
