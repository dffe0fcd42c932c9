package com.flowroute.numbers.blocking;

import static com.flowroute.numbers.blocking.TestServer.requestCount;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.testing.MockFlowrouteExtension;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Paging over a listing of three pages of ten area codes (201-230) served by WireMock. */
class PagedIterableTest {
    private static final String PAGE_1 = "/v1/available-tns/npas/?limit=10";
    private static final String PAGE_2 = "/v1/available-tns/npas/?limit=10&page=2";
    private static final String PAGE_3 = "/v1/available-tns/npas/?limit=10&page=3";

    @RegisterExtension
    static final MockFlowrouteExtension flowroute = TestServer.extension();

    private PagedIterable<AreaCode> areaCodes;

    @BeforeEach
    void stubThreePages() {
        flowroute.server().stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(201, PAGE_2))));
        flowroute.server().stubFor(get(urlEqualTo(PAGE_2)).willReturn(okJson(page(211, PAGE_3))));
        flowroute.server().stubFor(get(urlEqualTo(PAGE_3)).willReturn(okJson(page(221, null))));
        areaCodes = TestServer.client(flowroute).availableNumbers().areaCodes(AreaCodeQuery.builder().pageSize(10).build());
    }

    /** Ten area codes from {@code first}, and a links.next when {@code next} is not null. */
    private static String page(int first, String next) {
        String npas = IntStream.range(first, first + 10)
                .mapToObj(npa -> "\"" + npa + "\": {\"nxxs\": \"/v1/available-tns/npanxxs/?npa=" + npa + "\"}")
                .collect(Collectors.joining(", "));
        return "{\"npas\": {" + npas + "}" + (next == null ? "" : ", \"links\": {\"next\": \"" + next + "\"}") + "}";
    }

    private static List<AreaCode> codes(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(npa -> AreaCode.of(Integer.toString(npa))).toList();
    }

    @Test
    void streamLimitFiveSendsOneRequest() {
        assertEquals(codes(201, 5), areaCodes.stream().limit(5).toList());

        flowroute.server().verify(1, getRequestedFor(urlEqualTo(PAGE_1)));
        assertEquals(1, requestCount(flowroute));
    }

    @Test
    void forLoopWithBreakAfterFiveSendsOneRequest() {
        List<AreaCode> seen = new ArrayList<>();
        for (AreaCode code : areaCodes) {
            seen.add(code);
            if (seen.size() == 5) {
                break;
            }
        }

        assertEquals(codes(201, 5), seen);
        assertEquals(1, requestCount(flowroute));
    }

    @Test
    void takingExactlyOnePageDoesNotFetchTheNext() {
        assertEquals(codes(201, 10), areaCodes.stream().limit(10).toList());

        assertEquals(1, requestCount(flowroute));
    }

    @Test
    void walkingEverythingSendsThreeRequests() {
        assertEquals(codes(201, 30), areaCodes.stream().toList());

        flowroute.server().verify(1, getRequestedFor(urlEqualTo(PAGE_1)));
        flowroute.server().verify(1, getRequestedFor(urlEqualTo(PAGE_2)));
        flowroute.server().verify(1, getRequestedFor(urlEqualTo(PAGE_3)));
        assertEquals(3, requestCount(flowroute));
    }

    @Test
    void iteratingTwiceStartsAgainFromTheFirstPage() {
        List<AreaCode> first = new ArrayList<>();
        areaCodes.forEach(first::add);
        List<AreaCode> second = new ArrayList<>();
        for (AreaCode code : areaCodes) {
            second.add(code);
        }

        assertEquals(codes(201, 30), first);
        assertEquals(codes(201, 30), second);
        flowroute.server().verify(2, getRequestedFor(urlEqualTo(PAGE_1)));
        flowroute.server().verify(2, getRequestedFor(urlEqualTo(PAGE_2)));
        flowroute.server().verify(2, getRequestedFor(urlEqualTo(PAGE_3)));
        assertEquals(6, requestCount(flowroute));
    }

    @Test
    void twoInterleavedIteratorsShareNoState() {
        Iterator<AreaCode> a = areaCodes.iterator();
        Iterator<AreaCode> b = areaCodes.iterator();

        assertEquals(AreaCode.of("201"), a.next());
        assertEquals(AreaCode.of("201"), b.next());
        assertEquals(AreaCode.of("202"), a.next());
        assertEquals(AreaCode.of("202"), b.next());
        assertEquals(2, requestCount(flowroute));
    }

    @Test
    void iterableByPageGivesEachPageWithItsLinks() {
        List<Page<AreaCode>> pages = new ArrayList<>();
        areaCodes.iterableByPage().forEach(pages::add);

        assertEquals(3, pages.size());
        assertEquals(codes(201, 10), pages.get(0).items());
        assertEquals(codes(211, 10), pages.get(1).items());
        assertEquals(codes(221, 10), pages.get(2).items());
        assertEquals(Optional.of(PAGE_2), pages.get(0).nextLink());
        assertEquals(Optional.of(PAGE_3), pages.get(1).nextLink());
        assertEquals(Optional.empty(), pages.get(2).nextLink());
        assertEquals(3, requestCount(flowroute));
    }

    @Test
    void streamByPageFetchesOnlyThePagesTaken() {
        List<Page<AreaCode>> pages = areaCodes.streamByPage().limit(2).toList();

        assertEquals(List.of(codes(201, 10), codes(211, 10)), pages.stream().map(Page::items).toList());
        assertEquals(2, requestCount(flowroute));
    }

    @Test
    void byPageResumesFromAContinuationLink() {
        List<Page<AreaCode>> pages = areaCodes.streamByPage(PAGE_2).toList();
        List<Page<AreaCode>> again = new ArrayList<>();
        areaCodes.iterableByPage(PAGE_3).forEach(again::add);

        assertEquals(List.of(codes(211, 10), codes(221, 10)), pages.stream().map(Page::items).toList());
        assertEquals(List.of(codes(221, 10)), again.stream().map(Page::items).toList());
        flowroute.server().verify(0, getRequestedFor(urlEqualTo(PAGE_1)));
        assertEquals(3, requestCount(flowroute));
    }

    @Test
    void closingAStreamEarlyStopsPaging() {
        Iterator<AreaCode> items;
        List<AreaCode> seen = new ArrayList<>();
        try (Stream<AreaCode> stream = areaCodes.stream()) {
            items = stream.iterator();
            for (int i = 0; i < 15; i++) {
                seen.add(items.next());
            }
        }

        assertEquals(codes(201, 15), seen);
        assertFalse(items.hasNext(), "a closed stream's walk is over");
        flowroute.server().verify(0, getRequestedFor(urlEqualTo(PAGE_3)));
        assertEquals(2, requestCount(flowroute));
    }
}
