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
import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.RateLimitException;
import com.flowroute.numbers.Route;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

/** The reactive client against the sandbox: the wire protocol as two independent ends see it. */
@ExtendWith(FlowrouteSandboxExtension.class)
class ReactiveClientAgainstSandboxTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
            .minBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).build();

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
                .retryPolicy(retryPolicy)
                .build();
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
                .assertNext(created -> assertEquals(Route.of("Office PBX/2", RouteType.URI, "sip:alice@example.com:5060"), created))
                .expectComplete().verify(WAIT);
        Set<String> names = rx.routes().list().map(Route::name).collect(Collectors.toSet()).block(WAIT);
        assertTrue(names.containsAll(Set.of("sip-reg", "it-host", "it-pstn", "Office PBX/2")), names.toString());

        StepVerifier.create(rx.numbers().updateRoutes(number, "it-host", "Office PBX/2")).expectComplete().verify(WAIT);
        NumberDetails after = rx.numbers().details(number.toString()).block(WAIT);
        assertEquals("it-host", after.primaryRoute().name());
        assertEquals("24.239.23.40:5060", after.primaryRoute().value().orElseThrow());
        assertEquals("Office PBX/2", after.failoverRoute().name());

        assertTrue(sandbox.journal().stream().allMatch(RecordedRequest::signatureValid), "every request was signed right");
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
        assertEquals("page=3", sandbox.journal().get(0).query().replaceAll(".*(page=3).*", "$1"));
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
        try (ReactiveFlowrouteClient wrong = ReactiveFlowrouteClient.builder().baseUrl(sandbox.baseUrl())
                .credentials(FlowrouteCredentials.of(sandbox.credentials().accessKey(), wrongSecret)).build()) {
            Throwable error = catchError(wrong.numbers().list().collectList());
            AuthenticationException auth = assertInstanceOf(AuthenticationException.class, error);
            assertEquals(401, auth.statusCode());
            assertFalse(auth.getMessage().contains(wrongSecret));
            assertFalse(auth.getMessage().contains(sandbox.credentials().secretKey()));
        }
    }

    @Test
    void aClockSixMinutesOffIsRefused() {
        Clock skewed = Clock.fixed(Instant.now().minus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        try (ReactiveFlowrouteClient late = ReactiveFlowrouteClient.builder().baseUrl(sandbox.baseUrl())
                .credentials(sandbox.credentials()).clock(skewed).build()) {
            assertInstanceOf(AuthenticationException.class, catchError(late.routes().list().collectList()));
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
        sandbox.faults().next(1).matching("GET", "/v1/routes/").respond(429, Duration.ofSeconds(1))
                .next(1).matching("GET", "/v1/routes/").dropConnection()
                .next(1).matching("GET", "/v1/routes/").respond(502);
        List<Route> routes = rx.routes().list().collectList().block(WAIT);
        assertEquals("sip-reg", routes.get(0).name());
        assertEquals(4, sandbox.journal().size());
    }

    @Test
    void aRateLimitBeyondTheRetriesIsARateLimitException() {
        sandbox.faults().always().matching("GET", "/v1/routes/").respond(429, Duration.ofSeconds(120));
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
