package com.flowroute.numbers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.NumberUpdate;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.PurchaseResult;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.RouteRole;
import com.flowroute.numbers.RouteType;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The blocking facade against the sandbox over each API version: the nine operations and the
 * v2-only ones with plain values, and the contract's exceptions thrown as they are.
 */
@ParameterizedClass(name = "over {0}")
@EnumSource(FlowrouteApiVersion.class)
@ExtendWith(FlowrouteSandboxExtension.class)
class BlockingClientAgainstSandboxTest {
    @Parameter
    FlowrouteApiVersion version;

    private final FlowrouteSandbox sandbox;
    private FlowrouteClient client;

    BlockingClientAgainstSandboxTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @BeforeEach
    void client() {
        client = FlowrouteClient.builder()
                .baseUrl(sandbox.baseUrl())
                .credentials(sandbox.credentials())
                .apiVersion(version)
                .retryPolicy(RetryPolicy.builder().minBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).build())
                .build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void theNineOperations() {
        List<AreaCode> areaCodes = client.availableNumbers().areaCodes(AreaCodeQuery.builder().pageSize(3).build())
                .stream().limit(7).collect(Collectors.toList());
        assertEquals(7, areaCodes.size());
        List<Exchange> exchanges = client.availableNumbers().exchanges(ExchangeQuery.builder().npa("206").build())
                .stream().collect(Collectors.toList());
        assertFalse(exchanges.isEmpty());
        assertTrue(exchanges.stream().allMatch(e -> e.npa().equals("206")), exchanges.toString());
        AvailableNumber available = client.availableNumbers()
                .search(NumberSearch.builder().npa("206").rateCenter("SEATTLE").state("WA").pageSize(5).build())
                .iterator().next();
        assertEquals("SEATTLE", available.rateCenter());
        PhoneNumber number = available.number();

        client.numbers().purchase(number.toString());
        assertEquals(List.of(number), client.numbers().list().stream().map(AccountNumber::number).collect(Collectors.toList()));
        NumberDetails details = client.numbers().details(number);
        assertEquals(List.of("sip-reg", "sip-reg"), details.routes().stream().map(Route::name).collect(Collectors.toList()));

        Route host = client.routes().create(NewRoute.host("it-host", "24.239.23.40:5060"));
        Route pstn = client.routes().create(NewRoute.pstn("it-pstn", "12065551212"));
        assertEquals(version == FlowrouteApiVersion.V2, host.id().isPresent(), host.toString());
        assertEquals(RouteType.PSTN, pstn.type());
        List<Route> listed = client.routes().list(RouteQuery.builder().pageSize(2).build()).stream().collect(Collectors.toList());
        assertEquals(List.of("sip-reg", "it-host", "it-pstn"), listed.stream().map(Route::name).collect(Collectors.toList()));

        client.numbers().updateRoutes(number, "it-host", "it-pstn");
        NumberDetails after = client.numbers().details(number.toString());
        assertEquals("it-host", after.primaryRoute().name());
        assertEquals(Optional.of("12065551212"), after.failoverRoute().value());

        String root = "/" + version.pathSegment() + "/";
        assertTrue(sandbox.journal().stream().allMatch(r -> r.path().startsWith(root) && r.signatureValid()),
                () -> "every request over " + version + ", authenticated: " + sandbox.journal());
    }

    @Test
    void theV2OnlyOperations() {
        List<PhoneNumber> two = client.availableNumbers().search().stream().limit(2).map(AvailableNumber::number)
                .collect(Collectors.toList());
        PurchaseResult bought = client.numbers().purchaseWithResult(two.get(0));
        assertEquals(PurchaseResult.of(two.get(0), List.of()), bought);
        client.numbers().purchase(two.get(1));

        NumberDetails updated = client.numbers().update(two.get(0).toString(), NumberUpdate.builder().alias("front desk").build());
        assertEquals(Optional.of("front desk"), updated.alias());
        client.numbers().clearRoute(two.get(0).toString(), RouteRole.FAILOVER);
        assertEquals(1, client.numbers().details(two.get(0)).routes().size());
        client.numbers().release(two.get(1).toString());
        assertEquals(List.of(two.get(0)), sandbox.accountNumbers());

        List<EdgeStrategy> edges = client.routes().edgeStrategies().stream().collect(Collectors.toList());
        assertEquals(4, edges.size());
        client.routes().create(NewRoute.host("pbx", "24.239.23.40:5060"));
        Route pbx = sandbox.routes().get(1);
        client.routes().update(pbx, NewRoute.host("pbx", "10.0.0.9:5060"));
        assertEquals(Optional.of("10.0.0.9:5060"), sandbox.routes().get(1).value());
        client.routes().delete(pbx.id().orElseThrow());
        assertEquals(1, sandbox.routes().size());

        List<Page<EdgeStrategy>> pages = client.routes().edgeStrategies().streamByPage().collect(Collectors.toList());
        assertEquals(1, pages.size());
        assertTrue(sandbox.journal().stream().filter(r -> r.method().equals("DELETE") || r.path().contains("edge"))
                .allMatch(r -> r.path().startsWith("/v2/")), sandbox.journal().toString());
    }

    @Test
    void errorsAreTheContractsExceptionsThrownAsTheyAre() {
        PhoneNumber number = client.availableNumbers().search().iterator().next().number();
        client.numbers().purchase(number);

        assertEquals(422, assertThrows(BadRequestException.class, () -> client.numbers().purchase(number)).statusCode());
        assertThrows(NotFoundException.class, () -> client.numbers().details("12125550000"));
        assertThrows(NotFoundException.class, () -> client.numbers().updateRoutes(number, "no-such-route", "sip-reg"));
        assertThrows(NotFoundException.class, () -> client.numbers().release("12125550000"));
        client.routes().create(NewRoute.host("pbx", "24.239.23.40:5060"));
        client.numbers().updateRoutes(number, "pbx", "pbx");
        AuthenticationException inUse = assertThrows(AuthenticationException.class,
                () -> client.routes().delete(sandbox.routes().get(1).id().orElseThrow()));
        assertEquals(403, inUse.statusCode());
        assertTrue(inUse.getMessage().startsWith("DELETE /v2/routes/"), inUse.getMessage());
        assertEquals(List.of(number), sandbox.accountNumbers());
        assertEquals(2, sandbox.routes().size(), "the route in use is still there");
    }
}
