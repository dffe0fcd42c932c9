package com.flowroute.numbers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.ExchangeQuery;
import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import com.flowroute.numbers.sandbox.RecordedRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

/**
 * The rules where the versions differ, against the sandbox: over v2 route aliases are resolved to
 * ids (none or several is refused and nothing changes); a route listed over v1 has no id for
 * what v2 needs one for; a field only v2 has is refused by a v1 client. Each refusal comes before
 * anything is sent, which the sandbox's journal shows.
 */
@ExtendWith(FlowrouteSandboxExtension.class)
class ApiVersionRulesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final FlowrouteSandbox sandbox;
    private ReactiveFlowrouteClient v1;
    private ReactiveFlowrouteClient v2;
    private PhoneNumber number;

    ApiVersionRulesTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @BeforeEach
    void clients() {
        v1 = client(FlowrouteApiVersion.V1);
        v2 = client(FlowrouteApiVersion.V2);
        number = v2.availableNumbers().search().blockFirst(WAIT).number();
        v2.numbers().purchase(number).block(WAIT);
    }

    @AfterEach
    void close() {
        v1.close();
        v2.close();
    }

    private ReactiveFlowrouteClient client(FlowrouteApiVersion version) {
        return ReactiveFlowrouteClient.builder().baseUrl(sandbox.baseUrl()).credentials(sandbox.credentials())
                .apiVersion(version).build();
    }

    /** The requests received from now on, as {@code METHOD path}. */
    private Function<Void, List<String>> journalFromNow() {
        int mark = sandbox.journal().size();
        return ignored -> {
            List<RecordedRequest> journal = sandbox.journal();
            return journal.subList(mark, journal.size()).stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toList());
        };
    }

    private static Throwable error(Mono<?> call) {
        try {
            call.block(WAIT);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected an error");
    }

    @Test
    void overV2AnAliasNamingNoRouteIsNotFoundAndNothingIsChanged() {
        v2.routes().create(NewRoute.host("pbx", "24.239.23.40:5060")).block(WAIT);
        NumberDetails before = v2.numbers().details(number).block(WAIT);
        Function<Void, List<String>> sent = journalFromNow();

        NotFoundException missing = assertInstanceOf(NotFoundException.class,
                error(v2.numbers().updateRoutes(number, "pbx", "no-such-alias")));

        assertTrue(missing.getMessage().contains("no-such-alias"), missing.getMessage());
        assertEquals(List.of("GET /v2/routes"), sent.apply(null), "the routes were listed, nothing was patched");
        assertEquals(before, v2.numbers().details(number).block(WAIT));
    }

    @Test
    void overV2AnAliasNamingSeveralRoutesIsRefusedNamingTheirIdsAndNothingIsChanged() {
        String one = v2.routes().create(NewRoute.host("office", "10.0.0.1:5060")).block(WAIT).id().orElseThrow();
        String two = v2.routes().create(NewRoute.host("office", "10.0.0.2:5060")).block(WAIT).id().orElseThrow();
        Function<Void, List<String>> sent = journalFromNow();

        IllegalArgumentException ambiguous = assertInstanceOf(IllegalArgumentException.class,
                error(v2.numbers().updateRoutes(number, "sip-reg", "office")));

        assertTrue(ambiguous.getMessage().contains("office") && ambiguous.getMessage().contains(one)
                && ambiguous.getMessage().contains(two), ambiguous.getMessage());
        assertEquals(List.of("GET /v2/routes"), sent.apply(null), "nothing was patched");
        assertEquals(List.of("sip-reg", "sip-reg"),
                v2.numbers().details(number).block(WAIT).routes().stream().map(Route::name).collect(Collectors.toList()));
    }

    @Test
    void overV2ARouteWithAnIdIsSetByItsIdWhateverItsAlias() {
        Route one = v2.routes().create(NewRoute.host("office", "10.0.0.1:5060")).block(WAIT);
        v2.routes().create(NewRoute.host("office", "10.0.0.2:5060")).block(WAIT);
        Function<Void, List<String>> sent = journalFromNow();

        v2.numbers().updateRoutes(number, one, one).block(WAIT);

        assertEquals(List.of("PATCH /v2/numbers/" + number + "/relationships/primary_route",
                "PATCH /v2/numbers/" + number + "/relationships/failover_route"), sent.apply(null), "no listing needed");
        assertEquals(List.of("10.0.0.1:5060", "10.0.0.1:5060"), v2.numbers().details(number).block(WAIT).routes().stream()
                .map(route -> route.value().orElseThrow()).collect(Collectors.toList()));
    }

    @Test
    void aRouteListedOverV1IsRefusedWhereV2NeedsAnIdBeforeAnythingIsSent() {
        v1.routes().create(NewRoute.host("pbx", "24.239.23.40:5060")).block(WAIT);
        Route listedOverV1 = v1.routes().list().filter(route -> route.name().equals("pbx")).blockFirst(WAIT);
        assertTrue(listedOverV1.id().isEmpty(), listedOverV1.toString());
        Route sipReg = v1.routes().list().blockFirst(WAIT);
        Function<Void, List<String>> sent = journalFromNow();

        for (Mono<?> call : List.<Mono<?>>of(
                v2.numbers().updateRoutes(number, listedOverV1, sipReg),
                v2.routes().update(listedOverV1, NewRoute.host("pbx", "10.0.0.1")),
                v2.routes().delete(listedOverV1),
                v1.routes().delete(listedOverV1))) {
            IllegalArgumentException refused = assertInstanceOf(IllegalArgumentException.class, error(call));
            assertTrue(refused.getMessage().contains("has no id: it was listed over API v1"), refused.getMessage());
        }
        FlowrouteClient blocking = FlowrouteClient.of(v2);
        assertThrows(IllegalArgumentException.class, () -> blocking.routes().delete(listedOverV1));

        assertEquals(List.of(), sent.apply(null), "nothing was sent");
        assertEquals(2, sandbox.routes().size());
    }

    @Test
    void overV1ARouteIsSetByItsNameEvenWhenListedOverV2() {
        Route listedOverV2 = v2.routes().create(NewRoute.uri("alice", "sip:alice@example.com")).block(WAIT);
        Function<Void, List<String>> sent = journalFromNow();

        v1.numbers().updateRoutes(number, listedOverV2, listedOverV2).block(WAIT);

        assertEquals(List.of("PATCH /v1/tns/" + number), sent.apply(null));
        assertEquals(RouteType.URI, v1.numbers().details(number).block(WAIT).primaryRoute().type());
    }

    static Stream<Arguments> v2OnlyFields() {
        return Stream.of(
                Arguments.of("contains", (Function<ReactiveFlowrouteClient, Mono<?>>) rx ->
                        rx.availableNumbers().search(NumberSearch.builder().contains("555").build()).collectList()),
                Arguments.of("endsWith", (Function<ReactiveFlowrouteClient, Mono<?>>) rx ->
                        rx.availableNumbers().search(NumberSearch.builder().endsWith("1212").build()).collectList()),
                Arguments.of("numberType", (Function<ReactiveFlowrouteClient, Mono<?>>) rx ->
                        rx.availableNumbers().search(NumberSearch.builder().numberType("tollfree").build()).collectList()),
                Arguments.of("maxSetupCost", (Function<ReactiveFlowrouteClient, Mono<?>>) rx ->
                        rx.availableNumbers().areaCodes(AreaCodeQuery.builder().maxSetupCost(BigDecimal.ONE).build()).collectList()),
                Arguments.of("maxSetupCost", (Function<ReactiveFlowrouteClient, Mono<?>>) rx ->
                        rx.availableNumbers().exchanges(ExchangeQuery.builder().maxSetupCost(BigDecimal.ONE).build()).collectList()),
                Arguments.of("alias", (Function<ReactiveFlowrouteClient, Mono<?>>) rx ->
                        rx.numbers().list(AccountNumberQuery.builder().alias("NYC main").build()).collectList()),
                Arguments.of("startsWith", (Function<ReactiveFlowrouteClient, Mono<?>>) rx ->
                        rx.numbers().list(AccountNumberQuery.builder().startsWith("1206").build()).collectList()),
                Arguments.of("routeType", (Function<ReactiveFlowrouteClient, Mono<?>>) rx ->
                        rx.routes().list(RouteQuery.builder().routeType(RouteType.HOST).build()).collectList()),
                Arguments.of("edgeStrategy", (Function<ReactiveFlowrouteClient, Mono<?>>) rx ->
                        rx.routes().create(NewRoute.host("edge", "10.0.0.1").withEdgeStrategy(4))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v2OnlyFields")
    void aV2OnlyFieldWithAV1ClientIsRefusedNamingItAndV2BeforeAnythingIsSent(String field,
            Function<ReactiveFlowrouteClient, Mono<?>> call) {
        Function<Void, List<String>> sent = journalFromNow();

        IllegalArgumentException refused = assertInstanceOf(IllegalArgumentException.class, error(call.apply(v1)));

        assertTrue(refused.getMessage().startsWith(field + " "), refused.getMessage());
        assertTrue(refused.getMessage().contains("v2"), refused.getMessage());
        assertEquals(List.of(), sent.apply(null), "nothing was sent");
        call.apply(v2).block(WAIT);
        List<String> overV2 = sent.apply(null);
        assertTrue(!overV2.isEmpty() && overV2.stream().allMatch(request -> request.contains(" /v2/")),
                "the same call with a V2 client is sent over v2: " + overV2);
    }
}
