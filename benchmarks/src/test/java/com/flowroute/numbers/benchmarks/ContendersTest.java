package com.flowroute.numbers.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.internal.PreparedRequest;
import com.flowroute.numbers.internal.WireRequest;
import com.flowroute.numbers.internal.v1.RequestSigner;
import com.flowroute.numbers.internal.v1.V1Wire;
import com.flowroute.numbers.internal.v2.BasicAuthenticator;
import com.flowroute.numbers.internal.v2.V2Wire;
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
import java.util.stream.Stream;
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
        assertEquals(V2Wire.SEARCH.decode(FixedResponses.V2_SEARCH), HandParser.v2AvailableNumbers(FixedResponses.V2_SEARCH));
        for (int page : new int[] {1, 2, FixedResponses.ACCOUNT_PAGES}) {
            byte[] body = FixedResponses.accountPage(page);
            assertEquals(V1Wire.ACCOUNT_NUMBERS.decode(body), HandParser.accountNumbers(body));
            byte[] v2 = FixedResponses.v2AccountPage((page - 1) * FixedResponses.ACCOUNT_PAGE_SIZE);
            assertEquals(V2Wire.ACCOUNT_NUMBERS.decode(v2), HandParser.v2AccountNumbers(v2));
        }
        assertEquals(FixedResponses.SEARCH_ITEMS, V1Wire.SEARCH.decode(FixedResponses.SEARCH).items().size());
        assertEquals(FixedResponses.SEARCH_ITEMS, V2Wire.SEARCH.decode(FixedResponses.V2_SEARCH).items().size());
        assertEquals(FixedResponses.ACCOUNT_PAGE_SIZE, V1Wire.ACCOUNT_NUMBERS.decode(FixedResponses.accountPage(1)).items().size());
        assertTrue(V1Wire.ACCOUNT_NUMBERS.decode(FixedResponses.accountPage(FixedResponses.ACCOUNT_PAGES)).nextLink().isEmpty());
        int lastOffset = (FixedResponses.ACCOUNT_PAGES - 1) * FixedResponses.ACCOUNT_PAGE_SIZE;
        assertTrue(V2Wire.ACCOUNT_NUMBERS.decode(FixedResponses.v2AccountPage(lastOffset)).nextLink().isEmpty());
        assertTrue(V2Wire.ACCOUNT_NUMBERS.decode(FixedResponses.v2AccountPage(0)).nextLink().isPresent());
    }

    @Test
    void everyContenderOfBothGroupsGetsItsNumbers() throws Exception {
        ThreadPoolExecutor callers = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
        long searches = server.searches();
        long pages = server.pageRequests();
        List<Contender> search = BenchmarkMain.searchContenders(server.origin(), CREDENTIALS);
        List<Contender> page = BenchmarkMain.pageContenders(server.origin(), CREDENTIALS);
        try {
            for (Contender contender : search) {
                BenchmarkMain.checkOneCall(contender, callers);
            }
            for (Contender contender : page) {
                BenchmarkMain.checkOneCall(contender, callers);
            }
        } finally {
            search.forEach(Contender::close);
            page.forEach(Contender::close);
            callers.shutdownNow();
        }
        assertEquals(search.size(), server.searches() - searches);
        assertEquals(page.size(), server.pageRequests() - pages);
        assertEquals(search.size() + page.size(), Stream.concat(search.stream(), page.stream()).map(ThroughputRun::key).distinct().count(),
                "every contender has its own row");
    }

    @Test
    void v2RequestsAreTheSdks() {
        PreparedRequest sdk = new BasicAuthenticator(CREDENTIALS, URI.create(server.origin()))
                .prepare(WireRequest.get(FixedResponses.V2_SEARCH_PATH, List.of(Map.entry("starts_with", "1206"), Map.entry("limit", "10"))));
        String[] hand = new HandAuth(FlowrouteApiVersion.V2, server.origin(), BenchmarkMain.ACCESS_KEY, BenchmarkMain.SECRET_KEY)
                .headers(FixedResponses.V2_SEARCH_PATH, FixedResponses.V2_SEARCH_QUERY);

        assertEquals(sdk.url(), server.origin() + FixedResponses.V2_SEARCH_PATH + "?" + FixedResponses.V2_SEARCH_QUERY);
        assertEquals("Authorization", hand[0]);
        assertEquals(header(sdk, "Authorization"), hand[1]);
        assertEquals(header(sdk, "Accept"), Workload.V2_SEARCH.accept());
        assertEquals("limit=200&offset=400", Workload.V2_PAGE.query(3));
        assertEquals("limit=200", Workload.V2_PAGE.query(1));
        assertEquals("limit=200&page=3", Workload.V1_PAGE.query(3));
    }

    @Test
    void closedLoopCountsCallsLatenciesAndAllocation() {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (SdkReactive sdk = new SdkReactive(Workload.V1_SEARCH, server.origin(), CREDENTIALS);
                SdkReactive pages = new SdkReactive(Workload.V2_PAGE, server.origin(), CREDENTIALS);
                SdkBlocking blocking = new SdkBlocking(Workload.V1_SEARCH, server.origin(), CREDENTIALS)) {
            for (Contender contender : List.of(sdk, pages, blocking)) {
                long before = server.searches() + server.pageRequests();
                ClosedLoop.Window window = ClosedLoop.run(contender, 4, Duration.ofMillis(200), callers);

                assertEquals(0, window.errors, () -> String.valueOf(window.firstError));
                assertTrue(window.calls > 0);
                assertEquals(window.calls, server.searches() + server.pageRequests() - before);
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
}
