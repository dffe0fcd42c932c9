package com.flowroute.numbers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.BadRequestException;
import com.flowroute.numbers.CnamQuery;
import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.E911Address;
import com.flowroute.numbers.E911Query;
import com.flowroute.numbers.E911Record;
import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.blocking.FlowrouteClient;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import com.flowroute.numbers.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * E911 records and CNAM records end to end: each operation of the reactive and the blocking
 * client against the sandbox, the sandbox's refusals as the clients report them, the rules the
 * clients enforce before anything is sent, assignments seen in a number's v2 details, and
 * exactly-once creation when the answer to a create is lost.
 */
@ExtendWith(FlowrouteSandboxExtension.class)
class ComplianceAgainstSandboxTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CANNOT_GEOCODE = "Could not geocode this address. Please check the validity of your address.";
    private static final PhoneNumber NUMBER = PhoneNumber.parse("12066417744");
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
            .minBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).build();

    private final FlowrouteSandbox sandbox;
    private ReactiveFlowrouteClient rx;
    private FlowrouteClient blocking;

    ComplianceAgainstSandboxTest(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @BeforeEach
    void clients() {
        rx = ReactiveFlowrouteClient.builder().baseUrl(sandbox.baseUrl()).credentials(sandbox.credentials())
                .apiVersion(FlowrouteApiVersion.V2).retryPolicy(FAST_RETRIES).responseTimeout(Duration.ofSeconds(2)).build();
        blocking = FlowrouteClient.builder().baseUrl(sandbox.baseUrl()).credentials(sandbox.credentials())
                .apiVersion(FlowrouteApiVersion.V2).retryPolicy(FAST_RETRIES).responseTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void close() {
        rx.close();
        blocking.close();
    }

    static E911Address address(String state, String zip) {
        return E911Address.builder()
                .label("Office").firstName("Maria").lastName("Bermudez")
                .streetNumber("666").streetName("Main St").addressType("Suite").addressTypeNumber("333")
                .city("Somewhere").state(state).country(zip.matches("[0-9].*") ? "US" : "CA").zip(zip)
                .build();
    }

    static E911Address seattle() {
        return address("WA", "98101");
    }

    private PhoneNumber tollFreeNumber() {
        return rx.availableNumbers().search(NumberSearch.builder().numberType("tollfree").pageSize(1).build())
                .blockFirst(WAIT).number();
    }

    private NumberDetails details(PhoneNumber number) {
        return rx.numbers().details(number).block(WAIT);
    }

    private static <T extends Throwable> T expectError(Class<T> type, Mono<?> call) {
        Throwable[] error = new Throwable[1];
        StepVerifier.create(call).consumeErrorWith(e -> error[0] = e).verify(WAIT);
        return assertInstanceOf(type, error[0]);
    }

    private static String messages(FlowrouteApiException error) {
        return String.join(" | ", error.errorMessages());
    }

    private List<RecordedRequest> requests(String method, String path) {
        return sandbox.journal().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    @Nested
    class Reactive {
        @Test
        void everyE911OperationWorksAndTheNumberShowsItsAddress() {
            rx.numbers().purchase(NUMBER).block(WAIT);

            StepVerifier.create(rx.e911().validate(seattle())).expectComplete().verify(WAIT);
            E911Record created = rx.e911().create(seattle()).block(WAIT);
            assertEquals(seattle(), created.address());
            assertEquals(created, rx.e911().get(created.id()).block(WAIT));
            assertEquals(List.of(created), rx.e911().list().collectList().block(WAIT));
            assertEquals(List.of(created), rx.e911().list(E911Query.builder().state("wa").build()).collectList().block(WAIT));
            assertEquals(List.of(), rx.e911().list(E911Query.builder().state("OR").build()).collectList().block(WAIT));

            E911Record updated = rx.e911().update(created.id(), address("OR", "97201")).block(WAIT);
            assertEquals(E911Record.of(created.id(), address("OR", "97201")), updated);
            assertEquals(List.of(updated), rx.e911().list(E911Query.builder().state("OR").build()).collectList().block(WAIT));

            StepVerifier.create(rx.e911().assign(created.id(), NUMBER.toString())).expectComplete().verify(WAIT);
            assertEquals(Optional.of(created.id()), details(NUMBER).e911AddressId());
            assertEquals(List.of(NUMBER), rx.e911().numbers(created.id()).collectList().block(WAIT));

            StepVerifier.create(rx.e911().unassign(NUMBER)).expectComplete().verify(WAIT);
            assertEquals(Optional.empty(), details(NUMBER).e911AddressId());
            assertEquals(List.of(), rx.e911().numbers(created.id()).collectList().block(WAIT));

            StepVerifier.create(rx.e911().delete(created.id())).expectComplete().verify(WAIT);
            expectError(NotFoundException.class, rx.e911().get(created.id()));
            assertTrue(sandbox.e911Records().isEmpty());
        }

        @Test
        void listingsWalkEveryPage() {
            List<E911Record> created = Stream.of("98101", "98102", "98103", "98104", "98105")
                    .map(zip -> rx.e911().create(address("WA", zip)).block(WAIT)).toList();

            assertEquals(created, rx.e911().list(E911Query.builder().pageSize(2).build()).collectList().block(WAIT));
            assertEquals(List.of("limit=2", "limit=2&offset=2", "limit=2&offset=4"),
                    requests("GET", "/v2/e911s").stream().map(RecordedRequest::query).toList());
        }

        @Test
        void theSandboxsE911RefusalsReachTheCallerWithTheirReasons() {
            rx.numbers().purchase(NUMBER).block(WAIT);
            E911Record record = rx.e911().create(seattle()).block(WAIT);
            rx.e911().assign(record.id(), NUMBER).block(WAIT);
            PhoneNumber tollFree = tollFreeNumber();
            rx.numbers().purchase(tollFree).block(WAIT);

            BadRequestException geocode = expectError(BadRequestException.class, rx.e911().validate(address("WA", "10001")));
            BadRequestException notSaved = expectError(BadRequestException.class, rx.e911().create(address("QC", "M4C 5K7")));
            BadRequestException inUse = expectError(BadRequestException.class, rx.e911().delete(record.id()));
            BadRequestException toll = expectError(BadRequestException.class, rx.e911().assign(record.id(), tollFree));
            NotFoundException unknown = expectError(NotFoundException.class, rx.e911().assign("999", NUMBER));
            NotFoundException notOurs = expectError(NotFoundException.class,
                    rx.e911().assign(record.id(), PhoneNumber.parse("12066417667")));

            assertEquals(400, geocode.statusCode());
            assertEquals(List.of(CANNOT_GEOCODE), geocode.errorMessages());
            assertEquals(List.of(CANNOT_GEOCODE), notSaved.errorMessages());
            assertEquals(422, inUse.statusCode());
            assertTrue(messages(inUse).contains(NUMBER.toString()), messages(inUse));
            assertEquals(422, toll.statusCode());
            assertTrue(messages(toll).contains("toll-free"), messages(toll));
            assertTrue(messages(unknown).contains("999"), messages(unknown));
            assertTrue(messages(notOurs).contains("12066417667"), messages(notOurs));
            assertEquals(List.of(record), sandbox.e911Records());
            assertEquals(Optional.empty(), details(tollFree).e911AddressId());
        }

        @Test
        void everyCnamOperationWorksOnceTheRecordIsApproved() {
            rx.numbers().purchase(NUMBER).block(WAIT);

            CnamRecord created = rx.cnam().create("Bob Law").block(WAIT);
            assertEquals("Bob Law", created.value());
            assertFalse(created.approved());
            assertTrue(created.creationTime().isPresent());
            assertEquals(created, rx.cnam().get(created.id()).block(WAIT));
            assertEquals(List.of(created), rx.cnam().list(CnamQuery.builder().approved(false).build()).collectList().block(WAIT));

            BadRequestException unapproved = expectError(BadRequestException.class, rx.cnam().assign(created.id(), NUMBER));
            assertEquals(422, unapproved.statusCode());
            assertTrue(messages(unapproved).contains("not approved"), messages(unapproved));
            assertEquals(Optional.empty(), details(NUMBER).cnamPresetId());

            sandbox.approveCnam(created.id());
            CnamRecord approved = rx.cnam().get(created.id()).block(WAIT);
            assertTrue(approved.approved());
            assertTrue(approved.approvalTime().isPresent());
            assertEquals(List.of(approved), rx.cnam().list(CnamQuery.builder().approved(true).value("LAW").build())
                    .collectList().block(WAIT));
            assertEquals(List.of(), rx.cnam().list(CnamQuery.builder().approved(false).build()).collectList().block(WAIT));

            StepVerifier.create(rx.cnam().assign(created.id(), NUMBER.toString())).expectComplete().verify(WAIT);
            assertEquals(Optional.of(created.id()), details(NUMBER).cnamPresetId());
            BadRequestException inUse = expectError(BadRequestException.class, rx.cnam().delete(created.id()));
            assertTrue(messages(inUse).contains(NUMBER.toString()), messages(inUse));

            StepVerifier.create(rx.cnam().unassign(NUMBER.toString())).expectComplete().verify(WAIT);
            assertEquals(Optional.empty(), details(NUMBER).cnamPresetId());
            StepVerifier.create(rx.cnam().delete(created.id())).expectComplete().verify(WAIT);
            expectError(NotFoundException.class, rx.cnam().get(created.id()));
            assertTrue(sandbox.cnamRecords().isEmpty());
        }
    }

    @Nested
    class Blocking {
        @Test
        void everyE911OperationWorksAndTheNumberShowsItsAddress() {
            blocking.numbers().purchase(NUMBER);

            blocking.e911().validate(seattle());
            E911Record created = blocking.e911().create(seattle());
            assertEquals(created, blocking.e911().get(created.id()));
            assertEquals(List.of(created), blocking.e911().list(E911Query.builder().state("WA").build()).stream().toList());
            assertEquals(List.of(created), blocking.e911().list().stream().toList());
            E911Record updated = blocking.e911().update(created.id(), address("ON", "M4C 5K7"));
            assertEquals(address("ON", "M4C 5K7"), updated.address());

            blocking.e911().assign(created.id(), NUMBER);
            assertEquals(Optional.of(created.id()), blocking.numbers().details(NUMBER).e911AddressId());
            assertEquals(List.of(NUMBER), blocking.e911().numbers(created.id()).stream().toList());
            BadRequestException inUse = assertThrows(BadRequestException.class, () -> blocking.e911().delete(created.id()));
            assertEquals(422, inUse.statusCode());

            blocking.e911().unassign(NUMBER.toString());
            assertEquals(Optional.empty(), blocking.numbers().details(NUMBER).e911AddressId());
            blocking.e911().delete(created.id());
            assertThrows(NotFoundException.class, () -> blocking.e911().get(created.id()));

            BadRequestException geocode = assertThrows(BadRequestException.class,
                    () -> blocking.e911().validate(address("ON", "H2X 1Y4")));
            assertEquals(List.of(CANNOT_GEOCODE), geocode.errorMessages());
            PhoneNumber tollFree = tollFreeNumber();
            blocking.numbers().purchase(tollFree);
            E911Record another = blocking.e911().create(seattle());
            BadRequestException toll = assertThrows(BadRequestException.class,
                    () -> blocking.e911().assign(another.id(), tollFree.toString()));
            assertTrue(messages(toll).contains("toll-free"), messages(toll));
        }

        @Test
        void everyCnamOperationWorksOnceTheRecordIsApproved() {
            blocking.numbers().purchase(NUMBER);

            CnamRecord created = blocking.cnam().create("ACME INC");
            assertFalse(created.approved());
            assertEquals(created, blocking.cnam().get(created.id()));
            BadRequestException unapproved = assertThrows(BadRequestException.class,
                    () -> blocking.cnam().assign(created.id(), NUMBER.toString()));
            assertTrue(messages(unapproved).contains("not approved"), messages(unapproved));

            sandbox.approveCnam(created.id());
            assertEquals(List.of(created.id()), blocking.cnam().list(CnamQuery.builder().approved(true).build()).stream()
                    .map(CnamRecord::id).toList());
            assertEquals(List.of(created.id()), blocking.cnam().list().stream().map(CnamRecord::id).toList());
            blocking.cnam().assign(created.id(), NUMBER);
            assertEquals(Optional.of(created.id()), blocking.numbers().details(NUMBER).cnamPresetId());
            blocking.cnam().unassign(NUMBER);
            assertEquals(Optional.empty(), blocking.numbers().details(NUMBER).cnamPresetId());
            blocking.cnam().delete(created.id());
            assertThrows(NotFoundException.class, () -> blocking.cnam().get(created.id()));
        }
    }

    /** Each rule of an E911 address, broken: built, it names the field, and nothing is sent. */
    static Stream<Arguments> brokenAddresses() {
        return Stream.of(
                broken("label", b -> b.label(" ")),
                broken("firstName", b -> b.firstName("")),
                broken("lastName", b -> b.lastName("Bermudez\n")),
                broken("streetNumber", b -> b.streetNumber("\t")),
                broken("streetName", b -> b.streetName(" ")),
                broken("city", b -> b.city("")),
                broken("state", b -> b.state("Washington")),
                broken("country", b -> b.country("MX")),
                broken("zip", b -> b.zip("9810")),
                broken("zip", b -> b.country("CA").zip("98101")),
                broken("addressType", b -> b.addressType("Cave")),
                broken("addressTypeNumber", b -> b.addressType("Suite").addressTypeNumber(Optional.empty())),
                broken("addressType", b -> b.addressType(Optional.empty()).addressTypeNumber("12")));
    }

    private static Arguments broken(String field, Consumer<E911Address.Builder> breaking) {
        return Arguments.of(field, breaking);
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                bad("e911 get, blank id", c -> c.e911().get(" ")),
                bad("e911 assign, short number", c -> c.e911().assign("21845", "206641774")),
                bad("e911 unassign, not NANP", c -> c.e911().unassign("+44 20 7946 0000")),
                bad("e911 delete, empty id", c -> c.e911().delete("")),
                bad("e911 numbers, blank id", c -> c.e911().numbers(" ").stream().count()),
                bad("cnam get, blank id", c -> c.cnam().get("\t")),
                bad("cnam assign, blank id", c -> c.cnam().assign(" ", "12066417744")),
                bad("cnam unassign, short number", c -> c.cnam().unassign("1206")),
                bad("e911 query, state", c -> c.e911().list(E911Query.builder().state("W").build())),
                bad("cnam query, blank value", c -> c.cnam().list(CnamQuery.builder().value(" ").build())));
    }

    private static Arguments bad(String what, Consumer<FlowrouteClient> call) {
        return Arguments.of(what, call);
    }

    /** The rules the clients enforce themselves: broken, nothing reaches the sandbox. */
    @Nested
    class BeforeTheWire {
        @ParameterizedTest(name = "{0}")
        @MethodSource("com.flowroute.numbers.it.ComplianceAgainstSandboxTest#brokenAddresses")
        void anAddressThatBreaksARuleIsRefusedWhenBuiltBeforeAnythingIsSent(String field,
                Consumer<E911Address.Builder> breaking) {
            E911Address.Builder builder = E911Address.builder().from(seattle());
            breaking.accept(builder);

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, builder::build);

            assertTrue(refused.getMessage().contains(field), refused.getMessage());
            assertTrue(sandbox.journal().isEmpty());
        }

        /** Each rule of a CNAM value, broken: both clients refuse it, naming the value, before anything is sent. */
        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "12065551234", "ABCDEFGHIJKLMNOP", "Caf\u00e9", "Bob\tLaw", "Bob #1"})
        void aCnamValueThatBreaksARuleIsRefusedBeforeAnythingIsSent(String value) {
            IllegalArgumentException reactive = assertThrows(IllegalArgumentException.class,
                    () -> rx.cnam().create(value).block(WAIT));
            IllegalArgumentException blockingRefusal = assertThrows(IllegalArgumentException.class,
                    () -> blocking.cnam().create(value));

            assertTrue(reactive.getMessage().contains("value"), reactive.getMessage());
            assertEquals(reactive.getMessage(), blockingRefusal.getMessage());
            assertTrue(sandbox.journal().isEmpty(), sandbox.journal().toString());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("com.flowroute.numbers.it.ComplianceAgainstSandboxTest#badArguments")
        void badIdsNumbersAndQueriesAreRefusedBeforeAnythingIsSent(String what, Consumer<FlowrouteClient> call) {
            assertThrows(IllegalArgumentException.class, () -> call.accept(blocking));

            assertTrue(sandbox.journal().isEmpty(), sandbox.journal().toString());
        }

        @Test
        void reactiveBadArgumentsArriveAsErrorSignalsBeforeAnythingIsSent() {
            expectError(IllegalArgumentException.class, rx.e911().get(""));
            expectError(IllegalArgumentException.class, rx.e911().assign("21845", "123"));
            expectError(IllegalArgumentException.class, rx.cnam().unassign("12345"));
            expectError(IllegalArgumentException.class, rx.cnam().create("12065551234"));

            assertTrue(sandbox.journal().isEmpty(), sandbox.journal().toString());
        }
    }

    @Nested
    class ExactlyOnceCreate {
        @Test
        void anE911CreateProcessedButUnansweredIsFoundAndNotSentAgain() {
            sandbox.faults().next(1).matching("POST", "/v2/e911s").processThenDrop();

            E911Record created = rx.e911().create(seattle()).block(WAIT);

            assertEquals(List.of(created), sandbox.e911Records());
            assertEquals(List.of(RecordedRequest.NO_ANSWER), requests("POST", "/v2/e911s").stream().map(RecordedRequest::status)
                    .toList(), "one create, the one the sandbox processed");
            assertFalse(requests("GET", "/v2/e911s").isEmpty(), "the client looked for it");
        }

        @Test
        void aCnamCreateProcessedButUnansweredIsFoundAndNotSentAgain() {
            sandbox.faults().next(1).matching("POST", "/v2/cnams").processThenDrop();

            CnamRecord created = rx.cnam().create("Bob Law").block(WAIT);

            assertEquals(List.of(created), sandbox.cnamRecords());
            assertEquals(List.of(RecordedRequest.NO_ANSWER), requests("POST", "/v2/cnams").stream().map(RecordedRequest::status)
                    .toList());
            assertFalse(requests("GET", "/v2/cnams").isEmpty());
        }

        @Test
        void theBlockingClientCreatesExactlyOnceToo() {
            sandbox.faults().next(1).matching("POST", "/v2/e911s").processThenDrop()
                    .next(1).matching("POST", "/v2/cnams").processThenDrop();

            E911Record e911 = blocking.e911().create(seattle());
            CnamRecord cnam = blocking.cnam().create("Bob Law");

            assertEquals(List.of(e911), sandbox.e911Records());
            assertEquals(List.of(cnam), sandbox.cnamRecords());
            assertEquals(1, requests("POST", "/v2/e911s").size());
            assertEquals(1, requests("POST", "/v2/cnams").size());
        }

        @Test
        void aCreateDroppedBeforeProcessingIsSentAgainAndStillMadeOnce() {
            sandbox.faults().next(1).matching("POST", "/v2/e911s").dropConnection();

            E911Record created = rx.e911().create(seattle()).block(WAIT);

            assertEquals(List.of(created), sandbox.e911Records());
            assertEquals(List.of(RecordedRequest.NO_ANSWER, 201), requests("POST", "/v2/e911s").stream()
                    .map(RecordedRequest::status).toList());
            assertNotEquals("", created.id());
        }
    }
}
