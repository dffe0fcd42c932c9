package com.flowroute.numbers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteException;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberUpdate;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteRole;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.sandbox.Faults;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import com.flowroute.numbers.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Each operation kind against each fault the sandbox injects, once, with a stateful server on the
 * other end, over each API version: one table, run by a V1 and by a V2 client. The call recovers
 * (and the state shows its effect exactly once) or ends in the contract's exception; the journal
 * shows how many requests it took. The v2-only operations go over v2 with either client. The
 * WireMock twin of this table, with the transport faults a real server cannot produce on demand,
 * is {@code FaultMatrixTest} in flowroute-reactive.
 */
@ParameterizedClass(name = "over {0}")
@EnumSource(FlowrouteApiVersion.class)
@ExtendWith(FlowrouteSandboxExtension.class)
class SandboxFaultMatrixTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(500);

    @Parameter
    FlowrouteApiVersion version;

    private final FlowrouteSandbox sandbox;
    private ReactiveFlowrouteClient rx;
    private PhoneNumber owned;
    private PhoneNumber forSale;
    private String pbxId;
    private int mark;

    SandboxFaultMatrixTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** The nine operations' kinds over the client's version, then the v2-only writes. */
    enum Operation { LISTING, DETAILS, PATCH, ROUTE_CREATE, PURCHASE, RELEASE, CLEAR_ROUTE, NUMBER_UPDATE, ROUTE_UPDATE, ROUTE_DELETE }

    enum Fault { RATE_LIMIT, HTTP_500, HTTP_502, HTTP_503, HTTP_504, DELAY_BEYOND_TIMEOUT, DROP_CONNECTION, PROCESS_THEN_DROP }

    /** The request of an operation that the fault hits, and where a non-idempotent one is looked up (null: never). */
    private record Request(String method, String path, String lookUpPath) {}

    @BeforeEach
    void setUp() {
        rx = ReactiveFlowrouteClient.builder()
                .baseUrl(sandbox.baseUrl())
                .credentials(sandbox.credentials())
                .apiVersion(version)
                .retryPolicy(RetryPolicy.builder().minBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).build())
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
        List<PhoneNumber> two = rx.availableNumbers().search().take(2).map(n -> n.number()).collectList().block(WAIT);
        owned = two.get(0);
        forSale = two.get(1);
        rx.numbers().purchase(owned).then(rx.routes().create(NewRoute.host("pbx", "24.239.23.40:5060"))).block(WAIT);
        pbxId = sandbox.routes().get(1).id().orElseThrow();
        mark = sandbox.journal().size();
    }

    @AfterEach
    void close() {
        rx.close();
    }

    private Request request(Operation operation) {
        boolean v1 = version == FlowrouteApiVersion.V1;
        String numbers = v1 ? "/v1/tns/" : "/v2/numbers/";
        String routes = v1 ? "/v1/routes/" : "/v2/routes";
        return switch (operation) {
            case LISTING -> new Request("GET", routes, null);
            case DETAILS -> new Request("GET", numbers + owned, null);
            case PATCH -> v1 ? new Request("PATCH", numbers + owned, null)
                    : new Request("PATCH", numbers + owned + "/relationships/primary_route", null);
            case ROUTE_CREATE -> v1 ? new Request("PUT", routes + "office", routes) : new Request("POST", routes, routes);
            case PURCHASE -> new Request(v1 ? "PUT" : "POST", numbers + forSale, numbers + forSale);
            case RELEASE -> new Request("DELETE", "/v2/numbers/" + owned, null);
            case CLEAR_ROUTE -> new Request("DELETE", "/v2/numbers/" + owned + "/relationships/failover_route", null);
            case NUMBER_UPDATE -> new Request("PATCH", "/v2/numbers/" + owned, null);
            case ROUTE_UPDATE -> new Request("PATCH", "/v2/routes/" + pbxId, null);
            case ROUTE_DELETE -> new Request("DELETE", "/v2/routes/" + pbxId, null);
        };
    }

    private Mono<?> call(Operation operation) {
        return switch (operation) {
            case LISTING -> rx.routes().list().collectList();
            case DETAILS -> rx.numbers().details(owned);
            case PATCH -> rx.numbers().updateRoutes(owned, "pbx", "sip-reg");
            case ROUTE_CREATE -> rx.routes().create(NewRoute.host("office", "pbx.example.com:5060"));
            case PURCHASE -> rx.numbers().purchase(forSale);
            case RELEASE -> rx.numbers().release(owned);
            case CLEAR_ROUTE -> rx.numbers().clearRoute(owned, RouteRole.FAILOVER);
            case NUMBER_UPDATE -> rx.numbers().update(owned, NumberUpdate.builder().alias("front desk").build());
            case ROUTE_UPDATE -> rx.routes().update(pbxId, NewRoute.host("pbx", "10.0.0.9:5060"));
            case ROUTE_DELETE -> rx.routes().delete(pbxId);
        };
    }

    private void arm(Operation operation, Fault fault) {
        Request request = request(operation);
        Faults.FaultDefinition once = sandbox.faults().next(1).matching(request.method(), request.path());
        switch (fault) {
            case RATE_LIMIT -> once.respond(429, Duration.ZERO);
            case DELAY_BEYOND_TIMEOUT -> once.delay(RESPONSE_TIMEOUT.multipliedBy(4));
            case DROP_CONNECTION -> once.dropConnection();
            case PROCESS_THEN_DROP -> once.processThenDrop();
            default -> once.respond(Integer.parseInt(fault.name().substring("HTTP_".length())));
        }
    }

    /** The requests of this test's call that match {@code method} and {@code path} exactly. */
    private long count(String method, String path) {
        List<RecordedRequest> journal = sandbox.journal();
        return journal.subList(mark, journal.size()).stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .count();
    }

    /** What the call must leave behind when it succeeded: its effect, exactly once. */
    private void checkState(Operation operation) {
        switch (operation) {
            case PATCH -> assertEquals("pbx", rx.numbers().details(owned).block(WAIT).primaryRoute().name());
            case ROUTE_CREATE -> assertEquals(List.of("sip-reg", "pbx", "office"),
                    sandbox.routes().stream().map(Route::name).collect(Collectors.toList()));
            case PURCHASE -> assertEquals(List.of(owned, forSale).stream().sorted().collect(Collectors.toList()),
                    sandbox.accountNumbers());
            case RELEASE -> assertEquals(List.of(), sandbox.accountNumbers());
            case CLEAR_ROUTE -> assertEquals(List.of("sip-reg"),
                    rx.numbers().details(owned).block(WAIT).routes().stream().map(Route::name).collect(Collectors.toList()));
            case NUMBER_UPDATE -> {
                // Only v2's details tell an alias.
                try (ReactiveFlowrouteClient v2 = ReactiveFlowrouteClient.builder().baseUrl(sandbox.baseUrl())
                        .credentials(sandbox.credentials()).apiVersion(FlowrouteApiVersion.V2).build()) {
                    assertEquals(Optional.of("front desk"), v2.numbers().details(owned).block(WAIT).alias());
                }
            }
            case ROUTE_UPDATE -> assertEquals(Optional.of("10.0.0.9:5060"), sandbox.routes().get(1).value());
            case ROUTE_DELETE -> assertEquals(List.of("sip-reg"), sandbox.routes().stream().map(Route::name).collect(Collectors.toList()));
            default -> assertEquals(List.of(owned), sandbox.accountNumbers(), "a read changes nothing");
        }
    }

    @ParameterizedTest(name = "{0} after {1}: {2}, {3} sent, {4} look-ups")
    @CsvSource(delimiter = '|', textBlock = """
        # operation   | fault                | outcome                                  | sent | lookUps
        LISTING       | RATE_LIMIT           | ok                                       | 2    | 0
        DETAILS       | RATE_LIMIT           | ok                                       | 2    | 0
        PATCH         | RATE_LIMIT           | ok                                       | 2    | 0
        ROUTE_CREATE  | RATE_LIMIT           | ok                                       | 2    | 0
        PURCHASE      | RATE_LIMIT           | ok                                       | 2    | 0
        RELEASE       | RATE_LIMIT           | ok                                       | 2    | 0
        CLEAR_ROUTE   | RATE_LIMIT           | ok                                       | 2    | 0
        NUMBER_UPDATE | RATE_LIMIT           | ok                                       | 2    | 0
        ROUTE_UPDATE  | RATE_LIMIT           | ok                                       | 2    | 0
        ROUTE_DELETE  | RATE_LIMIT           | ok                                       | 2    | 0
        # A 500 is not retried for an idempotent call; a non-idempotent one is looked up, then sent again.
        LISTING       | HTTP_500             | ServerException: failed with HTTP 500    | 1    | 0
        DETAILS       | HTTP_500             | ServerException: failed with HTTP 500    | 1    | 0
        PATCH         | HTTP_500             | ServerException: failed with HTTP 500    | 1    | 0
        ROUTE_CREATE  | HTTP_500             | ok                                       | 2    | 1
        PURCHASE      | HTTP_500             | ok                                       | 2    | 1
        RELEASE       | HTTP_500             | ServerException: failed with HTTP 500    | 1    | 0
        CLEAR_ROUTE   | HTTP_500             | ServerException: failed with HTTP 500    | 1    | 0
        NUMBER_UPDATE | HTTP_500             | ServerException: failed with HTTP 500    | 1    | 0
        ROUTE_UPDATE  | HTTP_500             | ServerException: failed with HTTP 500    | 1    | 0
        ROUTE_DELETE  | HTTP_500             | ServerException: failed with HTTP 500    | 1    | 0
        LISTING       | HTTP_502             | ok                                       | 2    | 0
        DETAILS       | HTTP_502             | ok                                       | 2    | 0
        PATCH         | HTTP_502             | ok                                       | 2    | 0
        ROUTE_CREATE  | HTTP_502             | ok                                       | 2    | 1
        PURCHASE      | HTTP_502             | ok                                       | 2    | 1
        RELEASE       | HTTP_502             | ok                                       | 2    | 0
        CLEAR_ROUTE   | HTTP_502             | ok                                       | 2    | 0
        NUMBER_UPDATE | HTTP_502             | ok                                       | 2    | 0
        ROUTE_UPDATE  | HTTP_502             | ok                                       | 2    | 0
        ROUTE_DELETE  | HTTP_502             | ok                                       | 2    | 0
        LISTING       | HTTP_503             | ok                                       | 2    | 0
        DETAILS       | HTTP_503             | ok                                       | 2    | 0
        PATCH         | HTTP_503             | ok                                       | 2    | 0
        ROUTE_CREATE  | HTTP_503             | ok                                       | 2    | 1
        PURCHASE      | HTTP_503             | ok                                       | 2    | 1
        RELEASE       | HTTP_503             | ok                                       | 2    | 0
        CLEAR_ROUTE   | HTTP_503             | ok                                       | 2    | 0
        NUMBER_UPDATE | HTTP_503             | ok                                       | 2    | 0
        ROUTE_UPDATE  | HTTP_503             | ok                                       | 2    | 0
        ROUTE_DELETE  | HTTP_503             | ok                                       | 2    | 0
        LISTING       | HTTP_504             | ok                                       | 2    | 0
        DETAILS       | HTTP_504             | ok                                       | 2    | 0
        PATCH         | HTTP_504             | ok                                       | 2    | 0
        ROUTE_CREATE  | HTTP_504             | ok                                       | 2    | 1
        PURCHASE      | HTTP_504             | ok                                       | 2    | 1
        RELEASE       | HTTP_504             | ok                                       | 2    | 0
        CLEAR_ROUTE   | HTTP_504             | ok                                       | 2    | 0
        NUMBER_UPDATE | HTTP_504             | ok                                       | 2    | 0
        ROUTE_UPDATE  | HTTP_504             | ok                                       | 2    | 0
        ROUTE_DELETE  | HTTP_504             | ok                                       | 2    | 0
        LISTING       | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 0
        DETAILS       | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 0
        PATCH         | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 0
        ROUTE_CREATE  | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 1
        PURCHASE      | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 1
        RELEASE       | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 0
        CLEAR_ROUTE   | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 0
        NUMBER_UPDATE | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 0
        ROUTE_UPDATE  | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 0
        ROUTE_DELETE  | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 0
        LISTING       | DROP_CONNECTION      | ok                                       | 2    | 0
        DETAILS       | DROP_CONNECTION      | ok                                       | 2    | 0
        PATCH         | DROP_CONNECTION      | ok                                       | 2    | 0
        ROUTE_CREATE  | DROP_CONNECTION      | ok                                       | 2    | 1
        PURCHASE      | DROP_CONNECTION      | ok                                       | 2    | 1
        RELEASE       | DROP_CONNECTION      | ok                                       | 2    | 0
        CLEAR_ROUTE   | DROP_CONNECTION      | ok                                       | 2    | 0
        NUMBER_UPDATE | DROP_CONNECTION      | ok                                       | 2    | 0
        ROUTE_UPDATE  | DROP_CONNECTION      | ok                                       | 2    | 0
        ROUTE_DELETE  | DROP_CONNECTION      | ok                                       | 2    | 0
        LISTING       | PROCESS_THEN_DROP    | ok                                       | 2    | 0
        DETAILS       | PROCESS_THEN_DROP    | ok                                       | 2    | 0
        PATCH         | PROCESS_THEN_DROP    | ok                                       | 2    | 0
        # A route creation, like a purchase, is never blindly repeated: after an ambiguous failure
        # the client looks it up and sends it again only when it did not take effect.
        ROUTE_CREATE  | PROCESS_THEN_DROP    | ok                                       | 1    | 1
        PURCHASE      | PROCESS_THEN_DROP    | ok                                       | 1    | 1
        # A delete repeated after it took effect meets a 404, which means done.
        RELEASE       | PROCESS_THEN_DROP    | ok                                       | 2    | 0
        CLEAR_ROUTE   | PROCESS_THEN_DROP    | ok                                       | 2    | 0
        NUMBER_UPDATE | PROCESS_THEN_DROP    | ok                                       | 2    | 0
        ROUTE_UPDATE  | PROCESS_THEN_DROP    | ok                                       | 2    | 0
        ROUTE_DELETE  | PROCESS_THEN_DROP    | ok                                       | 2    | 0
        """)
    void faultOnce(Operation operation, Fault fault, String outcome, long sent, long lookUps) {
        Request request = request(operation);
        arm(operation, fault);

        if (outcome.equals("ok")) {
            StepVerifier.create(call(operation).then()).expectComplete().verify(WAIT);
            checkState(operation);
        } else {
            String type = outcome.substring(0, outcome.indexOf(':'));
            String fragment = outcome.substring(outcome.indexOf(':') + 1).trim();
            StepVerifier.create(call(operation))
                    .expectErrorSatisfies(error -> {
                        assertInstanceOf(FlowrouteException.class, error);
                        assertEquals(type, error.getClass().getSimpleName());
                        assertTrue(error.getMessage().startsWith(request.method() + " " + request.path()), error.getMessage());
                        assertTrue(error.getMessage().contains(fragment), error.getMessage());
                    })
                    .verify(WAIT);
        }

        if (fault == Fault.DELAY_BEYOND_TIMEOUT) {
            // The sandbox journals the request it held when it sees the client hang up, and that
            // can come after the retry on a new connection was answered: wait for that entry.
            Flux.interval(Duration.ofMillis(2)).filter(tick -> count(request.method(), request.path()) >= sent)
                    .blockFirst(WAIT);
        }
        assertEquals(sent, count(request.method(), request.path()), () -> "journal: " + sandbox.journal());
        long looked = request.lookUpPath() == null ? 0 : count("GET", request.lookUpPath());
        assertEquals(lookUps, looked, () -> "journal: " + sandbox.journal());
        assertEquals(0, sandbox.faults().pending(), "the fault was used");
    }
}
