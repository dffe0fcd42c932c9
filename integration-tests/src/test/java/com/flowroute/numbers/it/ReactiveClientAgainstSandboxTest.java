package com.flowroute.numbers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AuthenticationException;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BadRequestException;
import com.flowroute.numbers.EdgeStrategy;
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.NumberUpdate;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.PurchaseResult;
import com.flowroute.numbers.RateLimitException;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteRole;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import com.flowroute.numbers.sandbox.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

/**
 * The reactive client against the sandbox: the wire protocol as two independent ends see it,
 * once over each API version (a sandbox each). The v2-only operations go over v2 whatever the
 * client's version.
 */
@ParameterizedClass(name = "over {0}")
@EnumSource(FlowrouteApiVersion.class)
@ExtendWith(FlowrouteSandboxExtension.class)
class ReactiveClientAgainstSandboxTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
            .minBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).build();

    @Parameter
    FlowrouteApiVersion version;

    private final FlowrouteSandbox sandbox;
    private ReactiveFlowrouteClient rx;

    ReactiveClientAgainstSandboxTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @BeforeEach
    void client() {
        rx = client(FAST_RETRIES);
    }

    @AfterEach
    void close() {
        rx.close();
    }

    private ReactiveFlowrouteClient client(RetryPolicy retryPolicy) {
        return ReactiveFlowrouteClient.builder()
                .baseUrl(sandbox.baseUrl())
                .credentials(sandbox.credentials())
                .apiVersion(version)
                .retryPolicy(retryPolicy)
                .build();
    }

    /** The path of the route listing over the client's version. */
    private String routesPath() {
        return version == FlowrouteApiVersion.V1 ? "/v1/routes/" : "/v2/routes";
    }

    @Test
    void everyOperationInTheSeedOrderIsSignedAcceptedAndReflectedInState() {
        List<AreaCode> areaCodes = rx.availableNumbers().areaCodes(AreaCodeQuery.builder().pageSize(3).build())
                .take(7).collectList().block(WAIT);
        assertEquals(7, areaCodes.size());
        List<Exchange> exchanges = rx.availableNumbers().exchanges(ExchangeQuery.builder().npa("206").build())
                .collectList().block(WAIT);
        assertFalse(exchanges.isEmpty());
        assertTrue(exchanges.stream().allMatch(e -> e.npa().contains("206")));

        AvailableNumber available = rx.availableNumbers()
                .search(NumberSearch.builder().npa("206").rateCenter("SEATTLE").state("WA").pageSize(5).build())
                .blockFirst(WAIT);
        assertEquals("SEATTLE", available.rateCenter());
        assertEquals("WA", available.state());
        PhoneNumber number = available.number();

        StepVerifier.create(rx.numbers().purchase(number.toString())).expectComplete().verify(WAIT);
        assertTrue(sandbox.accountNumbers().contains(number));

        List<AccountNumber> account = rx.numbers().list().collectList().block(WAIT);
        assertEquals(List.of(number), account.stream().map(AccountNumber::number).collect(Collectors.toList()));
        NumberDetails details = rx.numbers().details(number).block(WAIT);
        assertEquals(RouteType.SIP_REG, details.primaryRoute().type());

        StepVerifier.create(rx.routes().create(NewRoute.host("it-host", "24.239.23.40:5060"))
                .then(rx.routes().create(NewRoute.pstn("it-pstn", "+1 (206) 555-1212")))
                .then(rx.routes().create(NewRoute.uri("Office PBX/2", "sip:alice@example.com:5060"))))
                .assertNext(created -> {
                    assertEquals("Office PBX/2", created.name());
                    assertEquals(RouteType.URI, created.type());
                    assertEquals("sip:alice@example.com:5060", created.value().orElseThrow());
                    // Over v2 the created route carries its new id; over v1 there is none.
                    assertEquals(version == FlowrouteApiVersion.V2 ? Optional.of("83836") : Optional.empty(), created.id());
                })
                .expectComplete().verify(WAIT);
        Set<String> names = rx.routes().list().map(Route::name).collect(Collectors.toSet()).block(WAIT);
        assertTrue(names.containsAll(Set.of("sip-reg", "it-host", "it-pstn", "Office PBX/2")), names.toString());

        StepVerifier.create(rx.numbers().updateRoutes(number, "it-host", "Office PBX/2")).expectComplete().verify(WAIT);
        NumberDetails after = rx.numbers().details(number.toString()).block(WAIT);
        assertEquals("it-host", after.primaryRoute().name());
        assertEquals("24.239.23.40:5060", after.primaryRoute().value().orElseThrow());
        assertEquals("Office PBX/2", after.failoverRoute().name());

        assertTrue(sandbox.journal().stream().allMatch(RecordedRequest::signatureValid), "every request was authenticated");
        String root = "/" + version.pathSegment() + "/";
        assertTrue(sandbox.journal().stream().allMatch(r -> r.path().startsWith(root)),
                () -> "every request over " + version + ": " + sandbox.journal());
    }

    @Test
    void theV2OnlyOperationsGoOverV2WhateverTheClientsVersion() {
        List<PhoneNumber> two = rx.availableNumbers().search().take(2).map(AvailableNumber::number).collectList().block(WAIT);
        PhoneNumber kept = two.get(0);
        PhoneNumber released = two.get(1);
        PurchaseResult result = rx.numbers().purchaseWithResult(kept).block(WAIT);
        assertEquals(PurchaseResult.of(kept, List.of()), result);
        rx.numbers().purchase(released).block(WAIT);
        int mark = sandbox.journal().size();

        NumberDetails updated = rx.numbers().update(kept, NumberUpdate.builder().alias("NYC main").cnamLookupsEnabled(true).build())
                .block(WAIT);
        assertEquals(Optional.of("NYC main"), updated.alias());
        assertEquals(Optional.of(true), updated.cnamLookupsEnabled());

        StepVerifier.create(rx.numbers().release(released)).expectComplete().verify(WAIT);
        assertEquals(List.of(kept), sandbox.accountNumbers());

        StepVerifier.create(rx.numbers().clearRoute(kept, RouteRole.FAILOVER)).expectComplete().verify(WAIT);
        NumberDetails cleared = rx.numbers().details(kept).block(WAIT);
        assertEquals(List.of("sip-reg"), cleared.routes().stream().map(Route::name).collect(Collectors.toList()),
                "the failover is gone, over either version's details");

        List<EdgeStrategy> edges = rx.routes().edgeStrategies().collectList().block(WAIT);
        assertEquals(List.of(1, 2, 3, 4), edges.stream().map(EdgeStrategy::id).collect(Collectors.toList()));
        assertEquals("US-East-VA", edges.get(3).name());
        assertEquals(Optional.of("us-east-va.sip.flowroute.com"), edges.get(3).naptr());

        rx.routes().create(NewRoute.host("pbx", "24.239.23.40:5060")).block(WAIT);
        String pbxId = sandbox.routes().get(1).id().orElseThrow();
        StepVerifier.create(rx.routes().update(pbxId, NewRoute.uri("pbx-2", "sip:pbx@example.com"))).expectComplete().verify(WAIT);
        assertEquals(Route.of(pbxId, "pbx-2", RouteType.URI, "sip:pbx@example.com"), sandbox.routes().get(1));
        StepVerifier.create(rx.routes().delete(pbxId)).expectComplete().verify(WAIT);
        assertEquals(1, sandbox.routes().size());

        // Every write and the edge strategies, in order; the reads the test made are left out.
        List<String> calls = sandbox.journal().subList(mark, sandbox.journal().size()).stream()
                .filter(r -> !r.method().equals("GET") || r.path().endsWith("/edge_strategies"))
                .map(r -> r.method() + " " + r.path())
                .collect(Collectors.toList());
        String create = version == FlowrouteApiVersion.V1 ? "PUT /v1/routes/pbx" : "POST /v2/routes";
        assertEquals(List.of("PATCH /v2/numbers/" + kept, "DELETE /v2/numbers/" + released,
                "DELETE /v2/numbers/" + kept + "/relationships/failover_route", "GET /v2/routes/edge_strategies",
                create, "PATCH /v2/routes/" + pbxId, "DELETE /v2/routes/" + pbxId), calls);
        assertTrue(sandbox.journal().stream().allMatch(RecordedRequest::signatureValid), "every request was authenticated");
    }

    @Test
    void aRouteInUseIsAnAuthenticationExceptionWithFlowroutesMessage() {
        PhoneNumber number = rx.availableNumbers().search().blockFirst(WAIT).number();
        rx.numbers().purchase(number).block(WAIT);
        rx.routes().create(NewRoute.host("pbx", "24.239.23.40:5060")).block(WAIT);
        rx.numbers().updateRoutes(number, "pbx", "sip-reg").block(WAIT);
        String pbxId = sandbox.routes().get(1).id().orElseThrow();

        AuthenticationException refused = assertInstanceOf(AuthenticationException.class, catchError(rx.routes().delete(pbxId)));

        assertEquals(403, refused.statusCode());
        assertEquals(List.of("This Route has numbers still associated to it."), refused.errorMessages());
        assertEquals(2, sandbox.routes().size());
    }

    @Test
    void listingsFollowTheSandboxLinksToTheEndWithoutRepeats() {
        List<Page<AvailableNumber>> pages = rx.availableNumbers()
                .search(NumberSearch.builder().npa("206").pageSize(40).build())
                .byPage().collectList().block(WAIT);
        assertTrue(pages.size() > 1, "several pages");
        Set<PhoneNumber> seen = new HashSet<>();
        pages.forEach(page -> page.items().forEach(item -> assertTrue(seen.add(item.number()), "no repeats")));
        assertFalse(pages.get(pages.size() - 1).nextLink().isPresent());
        assertEquals(pages.size(), sandbox.journal().size(), "one request per page");
    }

    @Test
    void startPageAndTakeSendOnlyWhatIsNeeded() {
        List<AreaCode> fromThirdPage = rx.availableNumbers().areaCodes(AreaCodeQuery.builder().pageSize(5).page(3).build())
                .take(5).collectList().block(WAIT);
        List<AreaCode> all = rx.availableNumbers().areaCodes(AreaCodeQuery.builder().pageSize(5).build())
                .collectList().block(WAIT);
        assertEquals(all.subList(10, 15), fromThirdPage);
        assertEquals(1 + (all.size() + 4) / 5, sandbox.journal().size(),
                "one page for the take, then every page once for the whole listing");
        String start = version == FlowrouteApiVersion.V1 ? "page=3" : "offset=10";
        assertTrue(List.of(sandbox.journal().get(0).query().split("&")).contains(start), sandbox.journal().get(0).query());
    }

    @Test
    void emptyResultsAreAnEmptyFlux() {
        StepVerifier.create(rx.numbers().list()).expectComplete().verify(WAIT);
        StepVerifier.create(rx.availableNumbers().search(NumberSearch.builder().tn("19999999999").build()))
                .expectComplete().verify(WAIT);
    }

    @Test
    void aWrongSecretIsAnAuthenticationExceptionThatDoesNotShowTheSecret() {
        String wrongSecret = "definitely-not-the-secret";
        try (ReactiveFlowrouteClient wrong = ReactiveFlowrouteClient.builder().baseUrl(sandbox.baseUrl()).apiVersion(version)
                .credentials(FlowrouteCredentials.of(sandbox.credentials().accessKey(), wrongSecret)).build()) {
            Throwable error = catchError(wrong.numbers().list().collectList());
            AuthenticationException auth = assertInstanceOf(AuthenticationException.class, error);
            assertEquals(401, auth.statusCode());
            assertFalse(auth.getMessage().contains(wrongSecret));
            assertFalse(auth.getMessage().contains(sandbox.credentials().secretKey()));
            assertFalse(auth.responseBody().contains(wrongSecret), auth.responseBody());
            assertTrue(auth.getMessage().startsWith("GET /" + version.pathSegment() + "/"), auth.getMessage());
        }
    }

    @Test
    void aClockSixMinutesOffIsRefusedOverV1AndIrrelevantOverV2() {
        Clock skewed = Clock.fixed(Instant.now().minus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        try (ReactiveFlowrouteClient late = ReactiveFlowrouteClient.builder().baseUrl(sandbox.baseUrl())
                .credentials(sandbox.credentials()).apiVersion(version).clock(skewed).build()) {
            if (version == FlowrouteApiVersion.V1) {
                assertInstanceOf(AuthenticationException.class, catchError(late.routes().list().collectList()));
            } else {
                // v2 sends no timestamp: HTTP Basic does not depend on the time.
                assertEquals("sip-reg", late.routes().list().blockFirst(WAIT).name());
            }
        }
    }

    @Test
    void buyingTheSameNumberTwiceIsABadRequestAndUnknownDetailsAreNotFound() {
        PhoneNumber number = rx.availableNumbers().search().blockFirst(WAIT).number();
        rx.numbers().purchase(number).block(WAIT);
        assertInstanceOf(BadRequestException.class, catchError(rx.numbers().purchase(number)));
        assertInstanceOf(NotFoundException.class, catchError(rx.numbers().details("12125550000")));
        assertInstanceOf(NotFoundException.class, catchError(rx.numbers().updateRoutes(number, "no-such-route", "sip-reg")));
    }

    @Test
    void rateLimitsAndDroppedReadsAreRetried() {
        sandbox.faults().next(1).matching("GET", routesPath()).respond(429, Duration.ofSeconds(1))
                .next(1).matching("GET", routesPath()).dropConnection()
                .next(1).matching("GET", routesPath()).respond(502);
        List<Route> routes = rx.routes().list().collectList().block(WAIT);
        assertEquals("sip-reg", routes.get(0).name());
        assertEquals(4, sandbox.journal().size());
    }

    @Test
    void aRateLimitBeyondTheRetriesIsARateLimitException() {
        sandbox.faults().always().matching("GET", routesPath()).respond(429, Duration.ofSeconds(120));
        RateLimitException limited = assertInstanceOf(RateLimitException.class, catchError(rx.routes().list().collectList()));
        assertEquals(Duration.ofSeconds(120), limited.retryAfter().orElseThrow());
        assertEquals(1, sandbox.journal().size(), "a Retry-After beyond maxRetryAfter is not waited for");
    }

    @Test
    void aClosedClientRefusesNewCallsWithoutSendingThem() {
        ReactiveFlowrouteClient closed = client(RetryPolicy.none());
        closed.close();
        closed.close();
        IllegalStateException refused = assertInstanceOf(IllegalStateException.class, catchError(closed.routes().list().collectList()));
        assertTrue(refused.getMessage().contains("closed"), refused.getMessage());
        assertEquals(List.of(), sandbox.journal());
    }

    private static Throwable catchError(reactor.core.publisher.Mono<?> call) {
        try {
            call.block(WAIT);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected an error");
    }
}
