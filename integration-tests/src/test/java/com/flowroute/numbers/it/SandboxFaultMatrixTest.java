package com.flowroute.numbers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteException;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.sandbox.Faults;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import com.flowroute.numbers.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Each operation kind against each fault the sandbox injects, once, with a stateful server on the
 * other end: the call recovers (and the state shows its effect exactly once) or ends in the
 * contract's exception; the journal shows how many requests it took. The WireMock twin of this
 * table, with the transport faults a real server cannot produce on demand, is
 * {@code FaultMatrixTest} in flowroute-reactive.
 */
@ExtendWith(FlowrouteSandboxExtension.class)
class SandboxFaultMatrixTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);

    private final FlowrouteSandbox sandbox;
    private ReactiveFlowrouteClient rx;
    private PhoneNumber owned;
    private PhoneNumber forSale;
    private int mark;

    SandboxFaultMatrixTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    enum Operation { LISTING, DETAILS, PATCH, ROUTE_PUT, PURCHASE }

    enum Fault { RATE_LIMIT, HTTP_500, HTTP_502, HTTP_503, HTTP_504, DELAY_BEYOND_TIMEOUT, DROP_CONNECTION, PROCESS_THEN_DROP }

    @BeforeEach
    void setUp() {
        rx = ReactiveFlowrouteClient.builder()
                .baseUrl(sandbox.baseUrl())
                .credentials(sandbox.credentials())
                .retryPolicy(RetryPolicy.builder().minBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).build())
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
        List<PhoneNumber> two = rx.availableNumbers().search().take(2).map(n -> n.number()).collectList().block(WAIT);
        owned = two.get(0);
        forSale = two.get(1);
        rx.numbers().purchase(owned).then(rx.routes().create(NewRoute.host("pbx", "24.239.23.40:5060"))).block(WAIT);
        mark = sandbox.journal().size();
    }

    @AfterEach
    void close() {
        rx.close();
    }

    private String method(Operation operation) {
        switch (operation) {
            case LISTING:
            case DETAILS:
                return "GET";
            case PATCH:
                return "PATCH";
            default:
                return "PUT";
        }
    }

    private String path(Operation operation) {
        switch (operation) {
            case LISTING:
                return "/v1/routes/";
            case DETAILS:
            case PATCH:
                return "/v1/tns/" + owned;
            case ROUTE_PUT:
                return "/v1/routes/office";
            default:
                return "/v1/tns/" + forSale;
        }
    }

    /** Where the client looks up whether a non-idempotent request took effect; null for the others. */
    private String lookUpPath(Operation operation) {
        switch (operation) {
            case ROUTE_PUT:
                return "/v1/routes/";
            case PURCHASE:
                return "/v1/tns/" + forSale;
            default:
                return null;
        }
    }

    private Mono<?> call(Operation operation) {
        switch (operation) {
            case LISTING:
                return rx.routes().list().collectList();
            case DETAILS:
                return rx.numbers().details(owned);
            case PATCH:
                return rx.numbers().updateRoutes(owned, "pbx", "sip-reg");
            case ROUTE_PUT:
                return rx.routes().create(NewRoute.host("office", "pbx.example.com:5060"));
            default:
                return rx.numbers().purchase(forSale);
        }
    }

    private void arm(Operation operation, Fault fault) {
        Faults.Rule once = sandbox.faults().next(1).matching(method(operation), path(operation));
        switch (fault) {
            case RATE_LIMIT:
                once.respond(429, Duration.ZERO);
                break;
            case DELAY_BEYOND_TIMEOUT:
                once.delay(RESPONSE_TIMEOUT.multipliedBy(4));
                break;
            case DROP_CONNECTION:
                once.dropConnection();
                break;
            case PROCESS_THEN_DROP:
                once.processThenDrop();
                break;
            default:
                once.respond(Integer.parseInt(fault.name().substring("HTTP_".length())));
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
            case PATCH:
                assertEquals("pbx", rx.numbers().details(owned).block(WAIT).primaryRoute().name());
                break;
            case ROUTE_PUT:
                List<String> names = sandbox.routes().stream().map(Route::name).collect(Collectors.toList());
                assertEquals(List.of("sip-reg", "pbx", "office"), names);
                break;
            case PURCHASE:
                assertEquals(List.of(owned, forSale).stream().sorted().collect(Collectors.toList()), sandbox.accountNumbers());
                break;
            default:
                assertEquals(List.of(owned), sandbox.accountNumbers(), "a read changes nothing");
        }
    }

    @ParameterizedTest(name = "{0} after {1}: {2}, {3} sent, {4} look-ups")
    @CsvSource(delimiter = '|', textBlock = """
        # operation | fault                | outcome                                  | sent | lookUps
        LISTING     | RATE_LIMIT           | ok                                       | 2    | 0
        DETAILS     | RATE_LIMIT           | ok                                       | 2    | 0
        PATCH       | RATE_LIMIT           | ok                                       | 2    | 0
        ROUTE_PUT   | RATE_LIMIT           | ok                                       | 2    | 0
        PURCHASE    | RATE_LIMIT           | ok                                       | 2    | 0
        LISTING     | HTTP_500             | ServerException: failed with HTTP 500    | 1    | 0
        DETAILS     | HTTP_500             | ServerException: failed with HTTP 500    | 1    | 0
        PATCH       | HTTP_500             | ServerException: failed with HTTP 500    | 1    | 0
        ROUTE_PUT   | HTTP_500             | ok                                       | 2    | 1
        PURCHASE    | HTTP_500             | ok                                       | 2    | 1
        LISTING     | HTTP_502             | ok                                       | 2    | 0
        DETAILS     | HTTP_502             | ok                                       | 2    | 0
        PATCH       | HTTP_502             | ok                                       | 2    | 0
        ROUTE_PUT   | HTTP_502             | ok                                       | 2    | 1
        PURCHASE    | HTTP_502             | ok                                       | 2    | 1
        LISTING     | HTTP_503             | ok                                       | 2    | 0
        DETAILS     | HTTP_503             | ok                                       | 2    | 0
        PATCH       | HTTP_503             | ok                                       | 2    | 0
        ROUTE_PUT   | HTTP_503             | ok                                       | 2    | 1
        PURCHASE    | HTTP_503             | ok                                       | 2    | 1
        LISTING     | HTTP_504             | ok                                       | 2    | 0
        DETAILS     | HTTP_504             | ok                                       | 2    | 0
        PATCH       | HTTP_504             | ok                                       | 2    | 0
        ROUTE_PUT   | HTTP_504             | ok                                       | 2    | 1
        PURCHASE    | HTTP_504             | ok                                       | 2    | 1
        LISTING     | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 0
        DETAILS     | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 0
        PATCH       | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 0
        ROUTE_PUT   | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 1
        PURCHASE    | DELAY_BEYOND_TIMEOUT | ok                                       | 2    | 1
        LISTING     | DROP_CONNECTION      | ok                                       | 2    | 0
        DETAILS     | DROP_CONNECTION      | ok                                       | 2    | 0
        PATCH       | DROP_CONNECTION      | ok                                       | 2    | 0
        ROUTE_PUT   | DROP_CONNECTION      | ok                                       | 2    | 1
        PURCHASE    | DROP_CONNECTION      | ok                                       | 2    | 1
        LISTING     | PROCESS_THEN_DROP    | ok                                       | 2    | 0
        DETAILS     | PROCESS_THEN_DROP    | ok                                       | 2    | 0
        PATCH       | PROCESS_THEN_DROP    | ok                                       | 2    | 0
        # A route creation, like a purchase, is never blindly repeated: after an ambiguous failure
        # the client lists the routes and sends it again only when the route is not there.
        ROUTE_PUT   | PROCESS_THEN_DROP    | ok                                       | 1    | 1
        PURCHASE    | PROCESS_THEN_DROP    | ok                                       | 1    | 1
        """)
    void faultOnce(Operation operation, Fault fault, String outcome, long sent, long lookUps) {
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
                        assertTrue(error.getMessage().startsWith(method(operation) + " " + path(operation)), error.getMessage());
                        assertTrue(error.getMessage().contains(fragment), error.getMessage());
                    })
                    .verify(WAIT);
        }

        assertEquals(sent, count(method(operation), path(operation)), () -> "journal: " + sandbox.journal());
        long looked = lookUpPath(operation) == null ? 0 : count("GET", lookUpPath(operation));
        assertEquals(lookUps, looked, () -> "journal: " + sandbox.journal());
        assertEquals(0, sandbox.faults().pending(), "the fault was used");
    }
}
