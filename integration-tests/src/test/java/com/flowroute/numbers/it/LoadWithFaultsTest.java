package com.flowroute.numbers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.FlowrouteException;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.ServerException;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * 1,000 concurrent mixed operations through one client against a sandbox that faults about 2% of
 * the requests at random (seeded): every call ends, in success or the contract's exception; no
 * purchase is lost or made twice; and the connection pool has nothing acquired afterwards.
 */
class LoadWithFaultsTest {
    private static final int OPERATIONS = 1_000;
    private static final int CONCURRENCY = 256;
    private static final Duration WAIT = Duration.ofSeconds(60);

    enum Kind { LIST_ROUTES, LIST_ACCOUNT, SEARCH, AREA_CODES, DETAILS, PURCHASE, CREATE_ROUTE, UPDATE_ROUTES }

    /** One operation of the mix and how it ended: {@code error} null for success. */
    record Outcome(Kind kind, PhoneNumber number, Throwable error) {}

    @Test
    void aThousandMixedOperationsWithTwoPercentFaultsEndCleanly() {
        List<ConnectionPoolMetrics> pools = new CopyOnWriteArrayList<>();
        ConnectionProvider provider = ConnectionProvider.builder("load-test")
                .maxConnections(64)
                .pendingAcquireMaxCount(-1)
                .metrics(true, () -> (poolName, id, remoteAddress, metrics) -> pools.add(metrics))
                .build();
        try (FlowrouteSandbox sandbox = FlowrouteSandbox.start();
                ReactiveFlowrouteClient rx = ReactiveFlowrouteClient.builder()
                        .baseUrl(sandbox.baseUrl())
                        .credentials(sandbox.credentials())
                        .httpClient(HttpClient.create(provider))
                        // Generous: under load an attempt also waits for one of the 64 connections.
                        .responseTimeout(Duration.ofSeconds(3))
                        .retryPolicy(RetryPolicy.builder().minBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(50)).build())
                        .build()) {
            // Before the faults: numbers to inspect and re-route, routes to route them to, numbers to buy.
            List<PhoneNumber> forSale = rx.availableNumbers().search(NumberSearch.builder().pageSize(200).build())
                    .take(450).map(AvailableNumber::number).collectList().block(WAIT);
            List<PhoneNumber> owned = forSale.subList(0, 50);
            List<PhoneNumber> toBuy = forSale.subList(50, forSale.size());
            Flux.fromIterable(owned).flatMap(rx.numbers()::purchase, 16).then().block(WAIT);
            Flux.range(0, 5).flatMap(i -> rx.routes().create(NewRoute.host("r" + i, "10.0.0." + (i + 1) + ":5060"))).then()
                    .block(WAIT);
            int setUpRequests = sandbox.journal().size();

            // About 2% of all requests; purchases are first in line to be bought but never answered.
            sandbox.faults()
                    .randomly(0.03, 8).matching("PUT", "/v1/tns/").processThenDrop()
                    .randomly(0.005, 1).respond(503)
                    .randomly(0.002, 2).respond(502)
                    .randomly(0.002, 3).respond(500)
                    .randomly(0.002, 4).respond(429, Duration.ZERO)
                    .randomly(0.003, 5).dropConnection()
                    .randomly(0.002, 6).processThenDrop()
                    .randomly(0.001, 7).delay(Duration.ofSeconds(4));

            Random random = new Random(2024);
            List<Mono<Outcome>> operations = new ArrayList<>();
            int bought = 0;
            for (int i = 0; i < OPERATIONS; i++) {
                Kind kind = pick(random);
                if (kind == Kind.PURCHASE && bought == toBuy.size()) {
                    kind = Kind.DETAILS;
                }
                PhoneNumber number = kind == Kind.PURCHASE ? toBuy.get(bought++) : owned.get(random.nextInt(owned.size()));
                operations.add(outcome(kind, kind == Kind.PURCHASE || kind == Kind.DETAILS || kind == Kind.UPDATE_ROUTES
                        ? number : null, call(rx, kind, number, i, random.nextInt(5))));
            }

            AtomicLong mostAcquired = new AtomicLong();
            List<Outcome> outcomes = Flux.fromIterable(operations)
                    .flatMap(operation -> operation.doOnNext(done -> mostAcquired.accumulateAndGet(acquired(pools), Math::max)),
                            CONCURRENCY)
                    .collectList()
                    .block(WAIT);

            // Every call ended, in success or the contract's exception.
            assertNotNull(outcomes);
            assertEquals(OPERATIONS, outcomes.size());
            List<Throwable> errors = outcomes.stream().map(Outcome::error).filter(e -> e != null).collect(Collectors.toList());
            for (Throwable error : errors) {
                assertTrue(error instanceof FlowrouteException, () -> "not the contract's exception: " + error);
                assertNotNull(error.getMessage());
            }
            long succeeded = OPERATIONS - errors.size();
            assertTrue(succeeded >= OPERATIONS * 0.95, () -> "retries recover nearly everything: " + summary(outcomes)
                    + "; for example " + errors.stream().map(Throwable::getMessage).distinct().limit(5).collect(Collectors.toList()));

            // The faults did happen: about 2% of the requests under load.
            List<RecordedRequest> journal = sandbox.journal();
            List<RecordedRequest> underLoad = journal.subList(setUpRequests, journal.size());
            long faulted = underLoad.stream().filter(r -> !r.answered() || r.status() >= 500 || r.status() == 429).count();
            assertTrue(faulted >= underLoad.size() / 100, faulted + " faulted of " + underLoad.size());

            // No purchase lost or made twice.
            Set<PhoneNumber> account = new HashSet<>(sandbox.accountNumbers());
            assertEquals(sandbox.accountNumbers().size(), account.size());
            Set<PhoneNumber> reportedBought = new HashSet<>();
            Set<PhoneNumber> ambiguous = new HashSet<>();
            for (Outcome outcome : outcomes) {
                if (outcome.kind() != Kind.PURCHASE) {
                    continue;
                }
                if (outcome.error() == null) {
                    reportedBought.add(outcome.number());
                } else {
                    // A purchase may only fail for a reason that leaves its outcome open, never "already bought".
                    assertTrue(outcome.error() instanceof FlowrouteTransportException || outcome.error() instanceof ServerException,
                            () -> "purchase of " + outcome.number() + " ended in " + outcome.error());
                    ambiguous.add(outcome.number());
                }
            }
            for (PhoneNumber number : reportedBought) {
                assertTrue(account.contains(number), number + " reported bought but not on the account");
            }
            for (PhoneNumber number : account) {
                assertTrue(owned.contains(number) || reportedBought.contains(number) || ambiguous.contains(number),
                        number + " is on the account but no purchase call reported it");
            }
            long unansweredPurchases = underLoad.stream()
                    .filter(r -> r.method().equals("PUT") && r.path().startsWith("/v1/tns/") && !r.answered()).count();
            assertTrue(unansweredPurchases >= 3, "purchases went unanswered under load: " + unansweredPurchases);
            Map<String, Long> answeredPurchases = underLoad.stream()
                    .filter(r -> r.method().equals("PUT") && r.path().startsWith("/v1/tns/"))
                    .collect(Collectors.groupingBy(r -> r.path() + " " + r.status(), TreeMap::new, Collectors.counting()));
            answeredPurchases.forEach((pathAndStatus, count) -> {
                assertFalse(pathAndStatus.endsWith(" 201") && count > 1, pathAndStatus + " bought " + count + " times");
                // A purchase the server finished after the client gave up on it (a timeout under
                // load) makes the client's second one "not available for purchase" (a 422): that
                // call must still have reported the purchase done.
                if (pathAndStatus.endsWith(" 422")) {
                    PhoneNumber number = PhoneNumber.parse(pathAndStatus.substring("/v1/tns/".length(), pathAndStatus.indexOf(' ')));
                    assertTrue(reportedBought.contains(number), number + " was refused as already bought and not reported done");
                }
            });

            // The pool: used under load, nothing left acquired or waiting afterwards.
            assertFalse(pools.isEmpty(), "the pool reported its metrics");
            assertTrue(mostAcquired.get() > 0, "connections were acquired under load");
            // Released on the event loop right after each answer: give that a bounded moment.
            Long stillAcquired = Flux.interval(Duration.ZERO, Duration.ofMillis(10))
                    .map(tick -> acquired(pools) + pools.stream().mapToLong(ConnectionPoolMetrics::pendingAcquireSize).sum())
                    .filter(busy -> busy == 0)
                    .next()
                    .timeout(Duration.ofSeconds(5), Mono.just(-1L))
                    .block(Duration.ofSeconds(10));
            assertEquals(0L, stillAcquired, () -> "connections still acquired: " + acquired(pools));
            System.out.println("LoadWithFaultsTest: " + summary(outcomes) + "; " + faulted + " of " + underLoad.size()
                    + " requests faulted (" + unansweredPurchases + " purchases unanswered); most connections acquired at once: "
                    + mostAcquired.get());
        } finally {
            provider.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    private static Kind pick(Random random) {
        int roll = random.nextInt(100);
        return roll < 8 ? Kind.LIST_ROUTES
                : roll < 15 ? Kind.LIST_ACCOUNT
                : roll < 25 ? Kind.SEARCH
                : roll < 30 ? Kind.AREA_CODES
                : roll < 50 ? Kind.DETAILS
                : roll < 75 ? Kind.PURCHASE
                : roll < 87 ? Kind.CREATE_ROUTE
                : Kind.UPDATE_ROUTES;
    }

    private static Mono<?> call(ReactiveFlowrouteClient rx, Kind kind, PhoneNumber number, int i, int route) {
        switch (kind) {
            case LIST_ROUTES:
                return rx.routes().list(RouteQuery.builder().pageSize(50).build()).collectList();
            case LIST_ACCOUNT:
                return rx.numbers().list(AccountNumberQuery.builder().pageSize(200).build()).collectList();
            case SEARCH:
                return rx.availableNumbers().search(NumberSearch.builder().npa(number.npa()).pageSize(20).build()).take(20)
                        .collectList();
            case AREA_CODES:
                return rx.availableNumbers().areaCodes(AreaCodeQuery.builder().pageSize(50).build()).take(50).collectList();
            case DETAILS:
                return rx.numbers().details(number);
            case PURCHASE:
                return rx.numbers().purchase(number);
            case CREATE_ROUTE:
                return rx.routes().create(NewRoute.uri("load-" + i, "sip:load" + i + "@example.com"));
            default:
                return rx.numbers().updateRoutes(number, "r" + route, "sip-reg");
        }
    }

    private static Mono<Outcome> outcome(Kind kind, PhoneNumber number, Mono<?> call) {
        // The test's own bookkeeping: every ending, success or error, becomes an outcome to count.
        return call.then(Mono.fromCallable(() -> new Outcome(kind, number, null)))
                .onErrorResume(error -> Mono.just(new Outcome(kind, number, error)));
    }

    private static long acquired(List<ConnectionPoolMetrics> pools) {
        return pools.stream().mapToLong(ConnectionPoolMetrics::acquiredSize).sum();
    }

    private static String summary(List<Outcome> outcomes) {
        Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(
                o -> o.kind() + (o.error() == null ? " ok" : " " + (o.error() instanceof FlowrouteApiException
                        ? o.error().getClass().getSimpleName() + " " + ((FlowrouteApiException) o.error()).statusCode()
                        : o.error().getClass().getSimpleName())),
                TreeMap::new, Collectors.counting()));
        return counts.toString();
    }
}
