package com.flowroute.numbers.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flowroute.numbers.AuthenticationException;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.ServerException;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import com.flowroute.numbers.sandbox.RecordedRequest;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client's observations ({@code flowroute.client.call} per call, {@code flowroute.client.attempt}
 * per attempt) recorded by Micrometer's {@link TestObservationRegistry}, against a sandbox with
 * faults; here because this module has the test registry, context-propagation and the sandbox
 * on one class path.
 */
@ExtendWith(FlowrouteSandboxExtension.class)
class ClientObservationTest {
    private static final String CALL = "flowroute.client.call";
    private static final String ATTEMPT = "flowroute.client.attempt";
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
            .minBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1)).build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FlowrouteSandbox sandbox;
    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final List<AutoCloseable> clients = new ArrayList<>();

    ClientObservationTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    private ReactiveFlowrouteClient client(FlowrouteApiVersion version, RetryPolicy retries) {
        ReactiveFlowrouteClient client = ReactiveFlowrouteClient.builder()
                .baseUrl(sandbox.baseUrl())
                .credentials(sandbox.credentials())
                .apiVersion(version)
                .retryPolicy(retries)
                .observationRegistry(registry)
                .build();
        clients.add(client);
        return client;
    }

    private List<Observation.Context> observed(String name) {
        List<Observation.Context> found = new ArrayList<>();
        TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(all -> all.stream()
                .filter(context -> context.getName().equals(name))
                .forEach(found::add));
        return found;
    }

    private static String low(Observation.Context context, String key) {
        KeyValue value = context.getLowCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    private static Observation.ContextView parentOf(Observation.Context context) {
        return context.getParentObservation() == null ? null : context.getParentObservation().getContextView();
    }

    @Test
    void twoRetried503sThenA200AreOneCallOfThreeAttempts() {
        ReactiveFlowrouteClient rx = client(FlowrouteApiVersion.V1, FAST_RETRIES);
        sandbox.faults().next(2).matching("GET", "/v1/routes").respond(503);

        Route first = rx.routes().list().next().block(WAIT);

        assertThat(first.name()).isEqualTo("sip-reg");
        List<Observation.Context> calls = observed(CALL);
        assertThat(calls).hasSize(1);
        Observation.Context call = calls.get(0);
        assertThat(call.getContextualName()).isEqualTo("routes.list");
        assertThat(low(call, "operation")).isEqualTo("routes.list");
        assertThat(low(call, "api.version")).isEqualTo("v1");
        assertThat(low(call, "http.request.method")).isEqualTo("GET");
        assertThat(low(call, "outcome")).isEqualTo("SUCCESS");
        assertThat(low(call, "http.response.status_code")).isEqualTo("200");
        assertThat(low(call, "reconciled")).isEqualTo("false");

        List<Observation.Context> attempts = observed(ATTEMPT);
        assertThat(attempts).hasSize(3);
        assertThat(attempts).allSatisfy(attempt -> assertThat(parentOf(attempt)).isSameAs(call));
        assertThat(attempts).extracting(attempt -> low(attempt, "http.request.resend_count")).containsExactly("0", "1", "2");
        assertThat(attempts).extracting(attempt -> low(attempt, "http.response.status_code")).containsExactly("503", "503", "200");
        assertThat(attempts).extracting(attempt -> low(attempt, "outcome"))
                .containsExactly("SERVER_ERROR", "SERVER_ERROR", "SUCCESS");
        assertThat(attempts).extracting(attempt -> low(attempt, "error"))
                .containsExactly(ServerException.class.getSimpleName(), ServerException.class.getSimpleName(), "none");
        assertThat(attempts).allSatisfy(attempt ->
                assertThat(attempt.getHighCardinalityKeyValue("url.path").getValue()).isEqualTo("/v1/routes/"));
    }

    @Test
    void aListingIsOneCallPerPage() {
        ReactiveFlowrouteClient rx = client(FlowrouteApiVersion.V2, FAST_RETRIES);
        rx.routes().create(NewRoute.host("pbx", "24.239.23.40:5060")).block(WAIT);
        rx.routes().create(NewRoute.uri("backup", "sip:backup@example.com")).block(WAIT);
        registry.clear();

        List<Route> routes = rx.routes().list(RouteQuery.builder().pageSize(1).build())
                .collectList().block(WAIT);

        assertThat(routes).hasSize(3);
        List<Observation.Context> calls = observed(CALL);
        assertThat(calls).hasSize(3);
        assertThat(calls).allSatisfy(call -> {
            assertThat(low(call, "operation")).isEqualTo("routes.list");
            assertThat(low(call, "api.version")).isEqualTo("v2");
            assertThat(low(call, "outcome")).isEqualTo("SUCCESS");
        });
    }

    @Test
    void aNotFoundIsAClientError() {
        ReactiveFlowrouteClient rx = client(FlowrouteApiVersion.V1, FAST_RETRIES);

        assertThatThrownBy(() -> rx.numbers().details("12065550100").block(WAIT)).isInstanceOf(NotFoundException.class);

        Observation.Context call = observed(CALL).get(0);
        assertThat(low(call, "operation")).isEqualTo("numbers.details");
        assertThat(low(call, "outcome")).isEqualTo("CLIENT_ERROR");
        assertThat(low(call, "http.response.status_code")).isEqualTo("404");
        assertThat(low(call, "error")).isEqualTo("NotFoundException");
        assertThat(call.getError()).isInstanceOf(NotFoundException.class);
        Observation.Context attempt = observed(ATTEMPT).get(0);
        assertThat(low(attempt, "outcome")).isEqualTo("CLIENT_ERROR");
        assertThat(low(attempt, "http.response.status_code")).isEqualTo("404");
    }

    @Test
    void a500IsAServerErrorAndIsNotRetried() {
        ReactiveFlowrouteClient rx = client(FlowrouteApiVersion.V1, FAST_RETRIES);
        sandbox.faults().next(1).matching("GET", "/v1/routes").respond(500);

        assertThatThrownBy(() -> rx.routes().list().next().block(WAIT)).isInstanceOf(ServerException.class);

        assertThat(observed(CALL)).singleElement().satisfies(call -> {
            assertThat(low(call, "outcome")).isEqualTo("SERVER_ERROR");
            assertThat(low(call, "http.response.status_code")).isEqualTo("500");
            assertThat(low(call, "error")).isEqualTo("ServerException");
        });
        assertThat(observed(ATTEMPT)).singleElement()
                .satisfies(attempt -> assertThat(low(attempt, "outcome")).isEqualTo("SERVER_ERROR"));
    }

    @Test
    void aDroppedConnectionIsATransportError() {
        ReactiveFlowrouteClient rx = client(FlowrouteApiVersion.V1, RetryPolicy.none());
        sandbox.faults().next(1).matching("GET", "/v1/routes").dropConnection();

        assertThatThrownBy(() -> rx.routes().list().next().block(WAIT)).isInstanceOf(FlowrouteTransportException.class);

        assertThat(observed(CALL)).singleElement().satisfies(call -> {
            assertThat(low(call, "outcome")).isEqualTo("TRANSPORT_ERROR");
            assertThat(low(call, "http.response.status_code")).isEqualTo("NONE");
            // The public type, not the SDK's internal subclass of it.
            assertThat(low(call, "error")).isEqualTo("FlowrouteTransportException");
        });
        assertThat(observed(ATTEMPT)).singleElement().satisfies(attempt -> {
            assertThat(low(attempt, "outcome")).isEqualTo("TRANSPORT_ERROR");
            assertThat(low(attempt, "http.response.status_code")).isEqualTo("NONE");
        });
    }

    @Test
    void aCallGivenUpByItsSubscriberIsCancelled() {
        ReactiveFlowrouteClient rx = client(FlowrouteApiVersion.V1, FAST_RETRIES);
        sandbox.faults().next(1).matching("GET", "/v1/routes").delay(Duration.ofSeconds(5));

        // The subscriber's timeout cancels the call while the sandbox holds the answer back.
        assertThatThrownBy(() -> rx.routes().list().next().timeout(Duration.ofMillis(200)).block(WAIT))
                .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);

        assertThat(observed(CALL)).singleElement().satisfies(call -> {
            assertThat(low(call, "outcome")).isEqualTo("CANCELLED");
            assertThat(call.getError()).isNull();
        });
        assertThat(observed(ATTEMPT)).singleElement()
                .satisfies(attempt -> assertThat(low(attempt, "outcome")).isEqualTo("CANCELLED"));
    }

    @Test
    void aCallThatCompletesIsASuccessEvenWhenItsSubscriberStopsAtTheFirstElement() {
        ReactiveFlowrouteClient rx = client(FlowrouteApiVersion.V1, FAST_RETRIES);

        AvailableNumber first = rx.availableNumbers().search(NumberSearch.builder().npa("206").build()).next().block(WAIT);

        assertThat(first).isNotNull();
        assertThat(observed(CALL)).singleElement().satisfies(call -> {
            assertThat(low(call, "operation")).isEqualTo("availableNumbers.search");
            assertThat(low(call, "outcome")).isEqualTo("SUCCESS");
        });
    }

    @Test
    void aPurchaseAnsweredByReconciliationIsOneReconciledCall() {
        ReactiveFlowrouteClient rx = client(FlowrouteApiVersion.V1, FAST_RETRIES);
        AvailableNumber number = rx.availableNumbers().search(NumberSearch.builder().npa("206").pageSize(1).build())
                .next().block(WAIT);
        registry.clear();
        sandbox.faults().next(1).matching("PUT", "/v1/tns/").processThenDrop();

        rx.numbers().purchase(number.number()).block(WAIT);

        assertThat(sandbox.accountNumbers()).containsExactly(number.number());
        List<Observation.Context> purchases = observed(CALL).stream()
                .filter(call -> "numbers.purchase".equals(low(call, "operation"))).toList();
        assertThat(purchases).hasSize(1);
        Observation.Context purchase = purchases.get(0);
        assertThat(low(purchase, "reconciled")).isEqualTo("true");
        assertThat(low(purchase, "outcome")).isEqualTo("SUCCESS");
        assertThat(low(purchase, "http.request.method")).isEqualTo("PUT");
        // Its one attempt broke off; the look-up that found the number is a call of its own, inside the purchase.
        List<Observation.Context> purchaseAttempts = observed(ATTEMPT).stream()
                .filter(attempt -> parentOf(attempt) == purchase).toList();
        assertThat(purchaseAttempts).singleElement()
                .satisfies(attempt -> assertThat(low(attempt, "outcome")).isEqualTo("TRANSPORT_ERROR"));
        assertThat(observed(CALL)).filteredOn(call -> "numbers.details".equals(low(call, "operation")))
                .singleElement()
                .satisfies(lookUp -> assertThat(parentOf(lookUp)).isSameAs(purchase));
    }

    @Test
    void theReactiveCallersObservationInTheReactorContextIsTheParent() {
        ReactiveFlowrouteClient rx = client(FlowrouteApiVersion.V1, FAST_RETRIES);
        Observation parent = Observation.start("caller", registry);

        rx.routes().create(NewRoute.host("pbx", "24.239.23.40:5060"))
                .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, parent))
                .block(WAIT);
        rx.routes().list().next()
                .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, parent))
                .block(WAIT);
        parent.stop();

        List<Observation.Context> calls = observed(CALL);
        assertThat(calls).extracting(call -> low(call, "operation")).containsExactly("routes.create", "routes.list");
        assertThat(calls).allSatisfy(call -> assertThat(parentOf(call)).isSameAs(parent.getContext()));
    }

    @Test
    @SuppressWarnings("try") // the scope is only opened and closed
    void theBlockingCallersObservationInScopeOnTheCallingThreadIsTheParent() {
        FlowrouteClient blocking = FlowrouteClient.of(client(FlowrouteApiVersion.V1, FAST_RETRIES));
        Observation parent = Observation.start("caller", registry);

        try (Observation.Scope scope = parent.openScope()) {
            blocking.routes().create(NewRoute.host("pbx", "24.239.23.40:5060"));
            assertThat(blocking.routes().list().stream().findFirst()).isPresent();
        } finally {
            parent.stop();
        }

        List<Observation.Context> calls = observed(CALL);
        assertThat(calls).extracting(call -> low(call, "operation")).containsExactly("routes.create", "routes.list");
        assertThat(calls).allSatisfy(call -> assertThat(parentOf(call)).isSameAs(parent.getContext()));
    }

    @Test
    @SuppressWarnings("try") // the scope is only opened and closed
    void withoutARegistryNothingIsObservedEvenUnderTheCallersObservation() {
        ReactiveFlowrouteClient unobserved = ReactiveFlowrouteClient.builder()
                .baseUrl(sandbox.baseUrl()).credentials(sandbox.credentials()).build();
        clients.add(unobserved);
        FlowrouteClient blocking = FlowrouteClient.of(unobserved);
        Observation parent = Observation.start("caller", registry);

        unobserved.routes().list().next().contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, parent))
                .block(WAIT);
        try (Observation.Scope scope = parent.openScope()) {
            blocking.routes().create(NewRoute.host("pbx", "24.239.23.40:5060"));
        } finally {
            parent.stop();
        }

        assertThat(sandbox.journal()).hasSize(2);
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsEqualTo(1)
                .hasObservationWithNameEqualTo("caller");
    }

    @Test
    void noKeyOrValueHoldsASecretAnAuthorizationValueOrABody() {
        ReactiveFlowrouteClient v1 = client(FlowrouteApiVersion.V1, FAST_RETRIES);
        ReactiveFlowrouteClient v2 = client(FlowrouteApiVersion.V2, FAST_RETRIES);
        FlowrouteCredentials wrong = FlowrouteCredentials.of(sandbox.credentials().accessKey(), "wrong-secret-7Yq2Lp9Xv4");
        ReactiveFlowrouteClient refused = ReactiveFlowrouteClient.builder().baseUrl(sandbox.baseUrl()).credentials(wrong)
                .apiVersion(FlowrouteApiVersion.V2).retryPolicy(FAST_RETRIES).observationRegistry(registry).build();
        clients.add(refused);
        AvailableNumber number = v1.availableNumbers().search(NumberSearch.builder().npa("312").pageSize(1).build())
                .next().block(WAIT);
        sandbox.faults().next(1).matching("PUT", "/v1/tns/").processThenDrop();

        v1.numbers().purchase(number.number()).block(WAIT);
        v1.routes().create(NewRoute.uri("body-route-q8Zr", "sip:body-value-w3Kt@example.com")).block(WAIT);
        v2.routes().create(NewRoute.host("body-route-v2Jm", "198.51.100.7:5060")).block(WAIT);
        v1.numbers().updateRoutes(number.number(), "body-route-q8Zr", "sip-reg").block(WAIT);
        v2.routes().list().collectList().block(WAIT);
        assertThatThrownBy(() -> refused.routes().list().next().block(WAIT)).isInstanceOf(AuthenticationException.class);

        List<String> forbidden = new ArrayList<>();
        for (FlowrouteCredentials credentials : List.of(sandbox.credentials(), wrong)) {
            forbidden.add(credentials.secretKey());
            forbidden.add(basic(credentials));
        }
        List<String> bodies = sandbox.journal().stream().map(RecordedRequest::body).filter(body -> !body.isEmpty()).toList();
        assertThat(bodies).isNotEmpty();
        forbidden.addAll(bodies);
        forbidden.addAll(List.of("body-value-w3Kt", "198.51.100.7"));

        List<String> recorded = new ArrayList<>();
        TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(all -> all.forEach(context -> {
            recorded.add(context.getName());
            recorded.add(String.valueOf(context.getContextualName()));
            context.getAllKeyValues().forEach(keyValue -> {
                recorded.add(keyValue.getKey());
                recorded.add(keyValue.getValue());
            });
        }));
        assertThat(recorded).contains("numbers.purchase", "routes.create", "numbers.updateRoutes", "AuthenticationException");
        String everything = recorded.stream().collect(Collectors.joining("\n"));
        assertThat(forbidden).allSatisfy(secret -> assertThat(everything).doesNotContain(secret));
        assertThat(everything).doesNotContainIgnoringCase("authorization").doesNotContainIgnoringCase("basic ");
    }

    private static String basic(FlowrouteCredentials credentials) {
        return Base64.getEncoder().encodeToString(
                (credentials.accessKey() + ":" + credentials.secretKey()).getBytes(StandardCharsets.UTF_8));
    }
}
