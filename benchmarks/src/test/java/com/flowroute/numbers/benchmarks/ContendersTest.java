package com.flowroute.numbers.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.internal.PreparedRequest;
import com.flowroute.numbers.internal.WireRequest;
import com.flowroute.numbers.internal.v1.RequestSigner;
import com.flowroute.numbers.internal.v1.V1Wire;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares like with like: every client sends the SDK's request and builds the
 * SDK's models, and the harness measures what it says. Runs in about a second; the benchmark
 * itself never runs during the build.
 */
class ContendersTest {
    private static final FlowrouteCredentials CREDENTIALS =
            FlowrouteCredentials.of(BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY);
    private static LoopbackServer server;

    @BeforeAll
    static void startServer() {
        server = LoopbackServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void handSignedHeadersAreTheSdks() {
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T12:34:56.789Z"), ZoneOffset.UTC);
        PreparedRequest sdk = new RequestSigner(CREDENTIALS, clock).sign(URI.create(server.origin()),
                WireRequest.get(FixedResponses.SEARCH_PATH, List.of(Map.entry("npa", "206"), Map.entry("limit", "10"))));
        HandSigner.Headers hand = new HandSigner(BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY, clock)
                .sign("GET", server.origin(), FixedResponses.SEARCH_PATH, FixedResponses.SEARCH_QUERY, null);

        assertEquals(sdk.url(), server.origin() + FixedResponses.SEARCH_PATH + "?" + FixedResponses.SEARCH_QUERY);
        assertEquals(header(sdk, "X-Timestamp"), hand.timestamp);
        assertEquals(header(sdk, "Authorization"), hand.authorization);
    }

    @Test
    void handParsedModelsAreTheSdks() {
        assertEquals(V1Wire.SEARCH.decode(FixedResponses.SEARCH), HandParser.availableNumbers(FixedResponses.SEARCH));
        for (int page : new int[] {1, 2, FixedResponses.ACCOUNT_PAGES}) {
            byte[] body = accountPage(page);
            assertEquals(V1Wire.ACCOUNT_NUMBERS.decode(body), HandParser.accountNumbers(body));
        }
        assertEquals(FixedResponses.SEARCH_ITEMS, V1Wire.SEARCH.decode(FixedResponses.SEARCH).items().size());
        assertEquals(FixedResponses.ACCOUNT_PAGE_SIZE, V1Wire.ACCOUNT_NUMBERS.decode(accountPage(1)).items().size());
        assertTrue(V1Wire.ACCOUNT_NUMBERS.decode(accountPage(FixedResponses.ACCOUNT_PAGES)).nextLink().isEmpty());
    }

    @Test
    void everyContenderGetsTheTenNumbersOfTheSearch() throws Exception {
        ThreadPoolExecutor callers = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
        long before = server.searches();
        try (SdkReactive sdk = new SdkReactive(Workload.V1_SEARCH, server.origin(), CREDENTIALS);
                NettyFloor floor = new NettyFloor(Workload.V1_SEARCH, server.origin(), BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY);
                JdkHttp jdk = new JdkHttp(Workload.V1_SEARCH, JdkHttp.Mode.DEFAULT_EXECUTOR, server.origin(), BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY);
                SdkBlocking blocking = new SdkBlocking(Workload.V1_SEARCH, server.origin(), CREDENTIALS)) {
            for (Contender contender : List.of(sdk, floor, jdk, blocking)) {
                BenchmarkMain.checkOneCall(contender, callers);
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(4, server.searches() - before);
    }

    @Test
    void closedLoopCountsCallsLatenciesAndAllocation() {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (SdkReactive sdk = new SdkReactive(Workload.V1_SEARCH, server.origin(), CREDENTIALS);
                SdkBlocking blocking = new SdkBlocking(Workload.V1_SEARCH, server.origin(), CREDENTIALS)) {
            for (Contender contender : List.of(sdk, blocking)) {
                long before = server.searches();
                ClosedLoop.Window window = ClosedLoop.run(contender, 4, Duration.ofMillis(200), callers);

                assertEquals(0, window.errors, () -> String.valueOf(window.firstError));
                assertTrue(window.calls > 0);
                assertEquals(window.calls, server.searches() - before);
                assertEquals(window.calls, window.latencies.count());
                assertTrue(window.allocatedBytes > 0);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void takeFiveSendsOneRequest() {
        try (SdkReactive sdk = new SdkReactive(Workload.V1_SEARCH, server.origin(), CREDENTIALS);
                SdkBlocking blocking = new SdkBlocking(Workload.V1_SEARCH, server.origin(), CREDENTIALS)) {
            PagingRun.Result result = PagingRun.quick(server, sdk.client(), blocking.client());

            assertEquals(1, result.take5Requests);
            assertEquals(1, result.blockingLimit5Requests);
        }
    }

    @Test
    void burstCountsWhatTheServerSawAtOnce() {
        try (SdkReactive sdk = new SdkReactive(Workload.V1_SEARCH, server.origin(), CREDENTIALS)) {
            InFlightRun.Burst burst = InFlightRun.run(server, sdk, 500, 50, Duration.ofMillis(50));

            assertEquals(0, burst.errors, () -> String.valueOf(burst.firstError));
            // Started at once, they overlap at the server (how much depends on how fast a cold JVM connects).
            assertTrue(burst.serverMaxInFlight > 1 && burst.serverMaxInFlight <= 50, () -> burst.serverMaxInFlight + " at once");
            assertTrue(burst.connectionsOpened > 1 && burst.connectionsOpened <= 50, () -> burst.connectionsOpened + " connections");
            assertTrue(burst.wallMillis >= 50, () -> burst.wallMillis + " ms");
        }
    }

    private static String header(PreparedRequest request, String name) {
        return request.headers().stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    private static byte[] accountPage(int page) {
        byte[] items = FixedResponses.accountItemsPart();
        byte[] links = FixedResponses.accountLinksPart(page);
        byte[] body = new byte[items.length + links.length];
        System.arraycopy(items, 0, body, 0, items.length);
        System.arraycopy(links, 0, body, items.length, links.length);
        return body;
    }
}
