package com.flowroute.numbers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.BadRequestException;
import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.PurchaseResult;
import com.flowroute.numbers.ServerException;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import com.flowroute.numbers.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A purchase takes effect once, and the client reports what happened, whatever the network does
 * to the request or its answer, over either API version ({@code PUT /v1/tns/{number}} or
 * {@code POST /v2/numbers/{number}}). One test per branch of the reconciliation in
 * {@code Retrier}: after an ambiguous failure (no answer, a timeout, a 5xx) the client looks the
 * number up ({@code GET} on the same path) and sends the purchase again only when the number is
 * not on the account. The sandbox is the judge: its account and its journal of the requests it
 * received.
 */
@ParameterizedClass(name = "over {0}")
@EnumSource(FlowrouteApiVersion.class)
@ExtendWith(FlowrouteSandboxExtension.class)
class ExactlyOncePurchaseTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int NO_ANSWER = RecordedRequest.NO_ANSWER;
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
            .minBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).build();

    @Parameter
    FlowrouteApiVersion version;

    private final FlowrouteSandbox sandbox;
    private ReactiveFlowrouteClient rx;
    private PhoneNumber number;

    ExactlyOncePurchaseTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @BeforeEach
    void pickANumber() {
        rx = client(FAST_RETRIES);
        number = rx.availableNumbers().search().blockFirst(WAIT).number();
        sandbox.reset();
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
                .responseTimeout(Duration.ofSeconds(1))
                .build();
    }

    /** The purchase's method: {@code PUT} over v1, {@code POST} over v2. */
    private String buy() {
        return version == FlowrouteApiVersion.V1 ? "PUT" : "POST";
    }

    /** The path prefix of the account's numbers, which purchases and look-ups start with. */
    private String numbers() {
        return version == FlowrouteApiVersion.V1 ? "/v1/tns/" : "/v2/numbers/";
    }

    /** The statuses the sandbox answered to the purchases of the number, in order (0: no answer). */
    private List<Integer> purchases() {
        return sandbox.journal().stream()
                .filter(r -> r.method().equals(buy()) && r.path().equals(numbers() + number))
                .map(RecordedRequest::status)
                .collect(Collectors.toList());
    }

    /** The statuses answered to the client's look-ups of the number. */
    private List<Integer> lookUps() {
        return sandbox.journal().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals(numbers() + number))
                .map(RecordedRequest::status)
                .collect(Collectors.toList());
    }

    private void expectSuccess(Mono<Void> purchase) {
        StepVerifier.create(purchase).expectComplete().verify(WAIT);
        assertEquals(List.of(number), sandbox.accountNumbers(), "on the account, once");
    }

    private Throwable expectError(Mono<Void> purchase) {
        java.util.concurrent.atomic.AtomicReference<Throwable> error = new java.util.concurrent.atomic.AtomicReference<>();
        StepVerifier.create(purchase).consumeErrorWith(error::set).verify(WAIT);
        return error.get();
    }

    @Test
    void processedButUnansweredIsFoundByTheLookUpAndNotSentAgain() {
        sandbox.faults().next(1).matching(buy(), numbers()).processThenDrop();

        expectSuccess(rx.numbers().purchase(number));

        assertEquals(List.of(NO_ANSWER), purchases(), "one purchase, the one the sandbox processed");
        assertEquals(List.of(200), lookUps());
    }

    @Test
    void aResultFoundByTheLookUpIsTheNumberWithoutWarnings() {
        sandbox.faults().next(1).matching(buy(), numbers()).processThenDrop();

        StepVerifier.create(rx.numbers().purchaseWithResult(number))
                .expectNext(PurchaseResult.of(number, List.of()))
                .expectComplete().verify(WAIT);

        assertEquals(List.of(NO_ANSWER), purchases());
        assertEquals(List.of(200), lookUps());
        assertEquals(List.of(number), sandbox.accountNumbers());
    }

    @Test
    void droppedBeforeProcessingIsNotFoundAndSentAgain() {
        sandbox.faults().next(1).matching(buy(), numbers()).dropConnection();

        expectSuccess(rx.numbers().purchase(number));

        assertEquals(List.of(NO_ANSWER, 201), purchases());
        assertEquals(List.of(404), lookUps());
    }

    @Test
    void answered503WithoutEffectIsNotFoundAndSentAgain() {
        sandbox.faults().next(1).matching(buy(), numbers()).respond(503);

        expectSuccess(rx.numbers().purchase(number));

        assertEquals(List.of(503, 201), purchases());
        assertEquals(List.of(404), lookUps());
    }

    @Test
    void answered500IsAmbiguousForAPurchaseToo() {
        sandbox.faults().next(1).matching(buy(), numbers()).respond(500);

        expectSuccess(rx.numbers().purchase(number));

        assertEquals(List.of(500, 201), purchases());
        assertEquals(List.of(404), lookUps());
    }

    @Test
    void droppedThenProcessedButUnansweredEndsAfterTheSecondLookUp() {
        sandbox.faults().next(1).matching(buy(), numbers()).dropConnection()
                .next(1).matching(buy(), numbers()).processThenDrop();

        expectSuccess(rx.numbers().purchase(number));

        assertEquals(List.of(NO_ANSWER, NO_ANSWER), purchases());
        assertEquals(List.of(404, 200), lookUps());
    }

    @Test
    void timedOutPurchaseIsLookedUpAndSentAgainOnce() {
        // The sandbox holds the purchase past the client's 1 s; the client hangs up, which cancels it.
        sandbox.faults().next(1).matching(buy(), numbers()).delay(Duration.ofSeconds(3));

        expectSuccess(rx.numbers().purchase(number));

        assertEquals(List.of(NO_ANSWER, 201), purchases(), "the timed-out purchase was never handled; the second was");
        assertEquals(List.of(404), lookUps());
    }

    @Test
    void aLookUpThatFailsOnceIsRetriedLikeAnyRead() {
        sandbox.faults().next(1).matching(buy(), numbers()).processThenDrop()
                .next(1).matching("GET", numbers()).dropConnection();

        expectSuccess(rx.numbers().purchase(number));

        assertEquals(List.of(NO_ANSWER), purchases());
        assertEquals(List.of(NO_ANSWER, 200), lookUps());
    }

    @Test
    void aLookUpThatKeepsFailingEndsWithThePurchasesOwnErrorAndTheLookUpsAttached() {
        sandbox.faults().next(1).matching(buy(), numbers()).processThenDrop()
                .always().matching("GET", numbers()).respond(500);

        Throwable error = expectError(rx.numbers().purchase(number));

        // The outcome is unknown to the client: it says the purchase failed in transit, not that it was refused.
        FlowrouteTransportException transport = assertInstanceOf(FlowrouteTransportException.class, error);
        assertTrue(transport.getMessage().startsWith(buy() + " " + numbers() + number), transport.getMessage());
        assertEquals(1, transport.getSuppressed().length);
        assertEquals(500, assertInstanceOf(ServerException.class, transport.getSuppressed()[0]).statusCode());
        assertEquals(List.of(NO_ANSWER), purchases(), "not sent again while its outcome is unknown");
        assertEquals(List.of(number), sandbox.accountNumbers());
    }

    @Test
    void neverProcessedEndsAfterTheRetriesWithTheLastErrorAndNothingBought() {
        sandbox.faults().always().matching(buy(), numbers()).dropConnection();

        Throwable error = expectError(rx.numbers().purchase(number));

        assertInstanceOf(FlowrouteTransportException.class, error);
        assertTrue(error.getMessage().contains("the connection closed before the response was complete"), error.getMessage());
        assertEquals(List.of(NO_ANSWER, NO_ANSWER, NO_ANSWER, NO_ANSWER), purchases(), "1 + maxRetries 3");
        assertEquals(List.of(404, 404, 404, 404), lookUps());
        assertEquals(List.of(), sandbox.accountNumbers());
    }

    @Test
    void rateLimitedIsRetriedWithoutALookUp() {
        sandbox.faults().next(1).matching(buy(), numbers()).respond(429, Duration.ZERO);

        expectSuccess(rx.numbers().purchase(number));

        assertEquals(List.of(429, 201), purchases());
        assertEquals(List.of(), lookUps(), "a 429 means not processed: no look-up needed");
    }

    @Test
    void alreadyOnTheAccountIsABadRequestWithoutRetry() {
        expectSuccess(rx.numbers().purchase(number));

        assertInstanceOf(BadRequestException.class, expectError(rx.numbers().purchase(number)));

        assertEquals(List.of(201, 422), purchases());
        assertEquals(List.of(), lookUps());
    }

    @Test
    void withoutRetriesThereIsNoReconciliation() {
        sandbox.faults().next(1).matching(buy(), numbers()).processThenDrop();

        try (ReactiveFlowrouteClient once = client(RetryPolicy.none())) {
            assertInstanceOf(FlowrouteTransportException.class, expectError(once.numbers().purchase(number)));
        }

        // RetryPolicy.none() documents it: the caller gets the failure and must look the number up itself.
        assertEquals(List.of(NO_ANSWER), purchases());
        assertEquals(List.of(), lookUps());
        assertEquals(List.of(number), sandbox.accountNumbers());
    }

    @Test
    void withoutRetriesA503IsAServerExceptionAndNothingElseIsSent() {
        sandbox.faults().next(1).matching(buy(), numbers()).respond(503);

        try (ReactiveFlowrouteClient once = client(RetryPolicy.none())) {
            assertEquals(503, assertInstanceOf(ServerException.class, expectError(once.numbers().purchase(number))).statusCode());
        }

        assertEquals(List.of(503), purchases());
        assertEquals(List.of(), lookUps());
        assertEquals(List.of(), sandbox.accountNumbers());
    }

    @Test
    void theBlockingClientReportsSuccessOfAProcessedButUnansweredPurchase() {
        sandbox.faults().next(1).matching(buy(), numbers()).processThenDrop();

        try (FlowrouteClient blocking = FlowrouteClient.builder().baseUrl(sandbox.baseUrl()).apiVersion(version)
                .credentials(sandbox.credentials()).retryPolicy(FAST_RETRIES).build()) {
            blocking.numbers().purchase(number);
        }

        assertEquals(List.of(number), sandbox.accountNumbers());
        assertEquals(List.of(NO_ANSWER), purchases());
        assertEquals(List.of(200), lookUps());
    }
}
