package com.flowroute.numbers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.internal.v1.V1Wire;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example responses of the Ruby SDK's README, kept verbatim (odd indentation and trailing
 * blanks included) under src/test/resources/seed/, read through {@link V1Wire}; malformed
 * bodies; and the request bodies.
 */
class SeedResponsesTest {
    private static final BigDecimal ONE_DOLLAR = new BigDecimal("1.00");
    private static final BigDecimal ONE_TWENTY_FIVE = new BigDecimal("1.25");
    private static final String SIP_URI = "sip:16476998778@215.122.69.152:5060";

    private static byte[] seed(String name) {
        try (InputStream in = SeedResponsesTest.class.getResourceAsStream("/seed/" + name)) {
            assertNotNull(in, "missing test resource seed/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- the README's examples ------------------------------------------------------------

    @Test
    void parsesAreaCodesInServerOrderWithTheNextLink() {
        Page<AreaCode> page = V1Wire.AREA_CODES.decode(seed("npas.json"));

        assertEquals(List.of("201", "203", "202"),
                page.items().stream().map(AreaCode::npa).collect(Collectors.toList()));
        assertEquals(List.of(AreaCode.of("201"), AreaCode.of("203"), AreaCode.of("202")), page.items());
        assertEquals(Optional.of("/v1/available-tns/npas/?limit=3&page=2"), page.nextLink());
        assertEquals(Optional.empty(), page.prevLink());
    }

    @Test
    void parsesExchangesSplitIntoNpaAndNxxWithBothLinks() {
        Page<Exchange> page = V1Wire.EXCHANGES.decode(seed("npanxxs.json"));

        assertEquals(List.of(Exchange.of("203", "654"), Exchange.of("203", "648")), page.items());
        assertEquals("203", page.items().get(0).npa());
        assertEquals("654", page.items().get(0).nxx());
        assertEquals("648", page.items().get(1).nxx());
        assertEquals(Optional.of("/v1/available-tns/npanxxs/?npa=203&limit=2&page=4"), page.nextLink());
        assertEquals(Optional.of("/v1/available-tns/npanxxs/?npa=203&limit=2&page=2"), page.prevLink());
    }

    @Test
    void parsesKeyedNumbersInServerOrder() {
        Page<AvailableNumber> page = V1Wire.SEARCH.decode(seed("available-tns.json"));

        assertEquals(List.of("12066417744", "12066417667", "12066417669"),
                page.items().stream().map(n -> n.number().toString()).collect(Collectors.toList()));
        assertEquals(Optional.of("/v1/available-tns/tns/?npa=206&nxx=641&state=WA&ratecenter=SEATTLE&limit=3&page=3"),
                page.nextLink());
        assertEquals(Optional.of("/v1/available-tns/tns/?npa=206&nxx=641&state=WA&ratecenter=SEATTLE&limit=3&page=1"),
                page.prevLink());
    }

    @Test
    void parsesEveryFieldOfAvailableNumbersWithMoneyKeepingItsScale() {
        Page<AvailableNumber> page = V1Wire.SEARCH.decode(seed("available-tns.json"));

        assertEquals(3, page.items().size());
        for (AvailableNumber number : page.items()) {
            assertEquals(ONE_DOLLAR, number.initialCost(), "initial_cost of " + number.number());
            assertEquals(2, number.initialCost().scale(), "initial_cost keeps two decimals");
            assertNotEquals(BigDecimal.ONE, number.initialCost(), "1.00 is not 1 for BigDecimal.equals");
            assertEquals(ONE_TWENTY_FIVE, number.monthlyCost(), "monthly_cost of " + number.number());
            assertEquals(List.of(BillingMethod.METERED), number.billingMethods());
            assertSame(BillingMethod.METERED, number.billingMethods().get(0));
            assertTrue(number.billingMethods().get(0).isKnown());
            assertEquals("SEATTLE", number.rateCenter());
            assertEquals("WA", number.state());
            assertEquals("206", number.number().npa());
            assertEquals("641", number.number().nxx());
        }
        AvailableNumber first = AvailableNumber.builder()
                .number(PhoneNumber.parse("12066417744"))
                .initialCost(ONE_DOLLAR)
                .monthlyCost(ONE_TWENTY_FIVE)
                .addBillingMethods(BillingMethod.METERED)
                .rateCenter("SEATTLE")
                .state("WA")
                .build();
        assertEquals(first, page.items().get(0));
        assertEquals("7744", page.items().get(0).number().lineNumber());
        assertEquals("7667", page.items().get(1).number().lineNumber());
        assertEquals("7669", page.items().get(2).number().lineNumber());
    }

    @Test
    void parsesAccountNumbersWithRoutesAndIgnoresTheDetailLink() {
        Page<AccountNumber> page = V1Wire.ACCOUNT_NUMBERS.decode(seed("account-tns.json"));

        Route host = Route.of("HOSTroute1", RouteType.HOST, "24.239.23.40:5060");
        Route uri = Route.of("URIroute1", RouteType.URI, SIP_URI);
        AccountNumber expected = AccountNumber.builder()
                .number(PhoneNumber.parse("12066417848"))
                .billingMethod(BillingMethod.METERED)
                .addRoutes(host, uri)
                .build();
        assertEquals(List.of(expected), page.items());

        AccountNumber number = page.items().get(0);
        assertEquals("12066417848", number.number().toString());
        assertSame(BillingMethod.METERED, number.billingMethod().orElseThrow());
        assertEquals(2, number.routes().size());
        assertEquals("HOSTroute1", number.primaryRoute().name());
        assertSame(RouteType.HOST, number.primaryRoute().type());
        assertEquals(Optional.of("24.239.23.40:5060"), number.primaryRoute().value());
        assertEquals("URIroute1", number.failoverRoute().name());
        assertSame(RouteType.URI, number.failoverRoute().type());
        assertEquals(Optional.of(SIP_URI), number.failoverRoute().value());
        assertEquals(Optional.of("/v1/tns/?pattern=206&limit=1&page=2"), page.nextLink());
        assertEquals(Optional.empty(), page.prevLink());
    }

    @Test
    void parsesNumberDetailsWithTwoSipRegRoutesWithoutValues() {
        NumberDetails details = V1Wire.decodeDetails(seed("tn-details.json"));

        assertSame(BillingMethod.METERED, details.billingMethod().orElseThrow());
        Route sipReg = Route.of("sip-reg", RouteType.SIP_REG, null);
        assertEquals(List.of(sipReg, sipReg), details.routes());
        assertEquals("sip-reg", details.primaryRoute().name());
        assertSame(RouteType.SIP_REG, details.primaryRoute().type());
        assertEquals("SIP-REG", details.primaryRoute().type().value());
        assertEquals(Optional.empty(), details.primaryRoute().value());
        assertEquals("sip-reg", details.failoverRoute().name());
        assertEquals(Optional.empty(), details.failoverRoute().value());
    }

    @Test
    void parsesRoutesByNameInServerOrderWithTypeAndValue() {
        Page<Route> page = V1Wire.ROUTES.decode(seed("routes.json"));

        assertEquals(List.of(
                Route.of("HOSTroute1", RouteType.HOST, "24.239.23.40:5060"),
                Route.of("PSTNroute1", RouteType.PSTN, "178"),
                Route.of("URIroute1", RouteType.URI, SIP_URI),
                Route.of("sip-reg", RouteType.SIP_REG, null)), page.items());
        assertEquals(Optional.of("178"), page.items().get(1).value(), "PSTN value kept as the server sent it");
        assertSame(RouteType.PSTN, page.items().get(1).type());
        assertEquals(Optional.empty(), page.items().get(3).value(), "SIP-REG null value");
        assertSame(RouteType.SIP_REG, page.items().get(3).type());
        assertTrue(page.items().stream().allMatch(r -> r.type().isKnown()));
        assertEquals(Optional.empty(), page.nextLink(), "no links in the example");
        assertEquals(Optional.empty(), page.prevLink());
    }

    // ---- {} and the lenient parts of the format --------------------------------------------

    static Stream<Arguments> listings() {
        return Stream.of(
                Arguments.of("areaCodes", (Function<byte[], Page<?>>) V1Wire.AREA_CODES::decode),
                Arguments.of("exchanges", (Function<byte[], Page<?>>) V1Wire.EXCHANGES::decode),
                Arguments.of("availableNumbers", (Function<byte[], Page<?>>) V1Wire.SEARCH::decode),
                Arguments.of("accountNumbers", (Function<byte[], Page<?>>) V1Wire.ACCOUNT_NUMBERS::decode),
                Arguments.of("routes", (Function<byte[], Page<?>>) V1Wire.ROUTES::decode));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void emptyObjectIsAnEmptyPageWithoutLinks(String name, Function<byte[], Page<?>> parse) {
        Page<?> page = parse.apply(utf8("{}"));

        assertTrue(page.items().isEmpty(), "items");
        assertEquals(Optional.empty(), page.nextLink());
        assertEquals(Optional.empty(), page.prevLink());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void emptyObjectWithWhitespaceAroundIsAnEmptyPage(String name, Function<byte[], Page<?>> parse) {
        assertTrue(parse.apply(utf8("  {\n}\r\n")).items().isEmpty());
    }

    @Test
    void nullOrEmptyLinksAreNoLinks() {
        Page<AreaCode> page = V1Wire.AREA_CODES.decode(utf8("{\"npas\": {\"206\": {}}, \"links\": {\"next\": null, \"prev\": \"\"}}"));

        assertEquals(List.of(AreaCode.of("206")), page.items());
        assertEquals(Optional.empty(), page.nextLink());
        assertEquals(Optional.empty(), page.prevLink());
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() {
        String body = "{\"meta\": {\"count\": 1, \"pages\": [1, 2]}, \"tns\": {\"12066417744\": {"
                + "\"initial_cost\": \"1.00\", \"monthly_cost\": \"1.25\", \"billing_methods\": [\"METERED\"],"
                + "\"ratecenter\": \"SEATTLE\", \"state\": \"WA\", \"lata\": 674, \"features\": {\"sms\": true}}},"
                + "\"links\": {\"self\": \"/v1/available-tns/tns/\", \"next\": \"/v1/available-tns/tns/?page=2\"},"
                + "\"server_version\": null}";

        Page<AvailableNumber> page = V1Wire.SEARCH.decode(utf8(body));

        assertEquals(1, page.items().size());
        assertEquals("12066417744", page.items().get(0).number().toString());
        assertEquals(ONE_DOLLAR, page.items().get(0).initialCost());
        assertEquals("SEATTLE", page.items().get(0).rateCenter());
        assertEquals(Optional.of("/v1/available-tns/tns/?page=2"), page.nextLink());
    }

    @Test
    void unknownFieldsInRoutesAndDetailsAreIgnored() {
        NumberDetails details = V1Wire.decodeDetails(utf8("{\"billing_method\": \"METERED\", \"cnam\": false,"
                + " \"routes\": [{\"type\": \"HOST\", \"name\": \"a\", \"value\": \"pbx.example.com\", \"priority\": 1}]}"));

        assertEquals(List.of(Route.of("a", RouteType.HOST, "pbx.example.com")), details.routes());
        assertThrows(NoSuchElementException.class, details::failoverRoute,
                "one route listed, so no failover route");
    }

    @Test
    void moneySentAsJsonNumbersKeepsItsExactDecimalValue() {
        String body = "{\"tns\": {\"12066417744\": {\"initial_cost\": 1.00, \"monthly_cost\": 0.123456789012345678901,"
                + " \"billing_methods\": [\"METERED\"], \"ratecenter\": \"SEATTLE\", \"state\": \"WA\"}}}";

        AvailableNumber number = V1Wire.SEARCH.decode(utf8(body)).items().get(0);

        assertEquals(ONE_DOLLAR, number.initialCost());
        assertEquals(new BigDecimal("0.123456789012345678901"), number.monthlyCost());
    }

    @Test
    void unknownBillingMethodIsKeptRaw() {
        String body = "{\"tns\": {\"12066417744\": {\"initial_cost\": \"1.00\", \"monthly_cost\": \"1.25\","
                + " \"billing_methods\": [\"METERED\", \"FLAT\"], \"ratecenter\": \"SEATTLE\", \"state\": \"WA\"}}}";

        AvailableNumber number = V1Wire.SEARCH.decode(utf8(body)).items().get(0);

        assertEquals(List.of(BillingMethod.METERED, BillingMethod.of("FLAT")), number.billingMethods());
        BillingMethod flat = number.billingMethods().get(1);
        assertEquals("FLAT", flat.value());
        assertEquals("FLAT", flat.toString());
        assertFalse(flat.isKnown());
        assertTrue(number.billingMethods().get(0).isKnown());
    }

    @Test
    void unknownBillingMethodOfAnAccountNumberIsKeptRaw() {
        String body = "{\"tns\": {\"12066417848\": {\"billing_method\": \"FLAT\", \"routes\": []}}}";

        AccountNumber number = V1Wire.ACCOUNT_NUMBERS.decode(utf8(body)).items().get(0);

        assertEquals(Optional.of(BillingMethod.of("FLAT")), number.billingMethod());
        assertFalse(number.billingMethod().orElseThrow().isKnown());
        assertEquals(List.of(), number.routes());
    }

    @Test
    void unknownRouteTypeIsKeptRaw() {
        Page<Route> page = V1Wire.ROUTES.decode(utf8("{\"routes\": {\"trunk\": {\"type\": \"SIP-TRUNK\", \"value\": \"t1\"}}}"));

        Route route = page.items().get(0);
        assertEquals("trunk", route.name());
        assertEquals(RouteType.of("SIP-TRUNK"), route.type());
        assertEquals("SIP-TRUNK", route.type().value());
        assertFalse(route.type().isKnown());
        assertEquals(Optional.of("t1"), route.value());
    }

    @Test
    void knownValuesAreTheSharedConstants() {
        assertSame(BillingMethod.METERED, BillingMethod.of("METERED"));
        assertSame(RouteType.SIP_REG, RouteType.of("SIP-REG"));
        assertSame(RouteType.HOST, RouteType.of("HOST"));
        assertFalse(RouteType.of("host").isKnown(), "route types are case-sensitive on the wire");
    }

    // ---- malformed bodies -------------------------------------------------------------------

    static Stream<Arguments> malformedBodies() {
        Function<byte[], Object> areaCodes = V1Wire.AREA_CODES::decode;
        Function<byte[], Object> exchanges = V1Wire.EXCHANGES::decode;
        Function<byte[], Object> available = V1Wire.SEARCH::decode;
        Function<byte[], Object> account = V1Wire.ACCOUNT_NUMBERS::decode;
        Function<byte[], Object> routes = V1Wire.ROUTES::decode;
        Function<byte[], Object> details = V1Wire::decodeDetails;
        String goodTn = "\"initial_cost\": \"1.00\", \"monthly_cost\": \"1.25\", \"billing_methods\": [\"METERED\"],"
                + " \"ratecenter\": \"SEATTLE\", \"state\": \"WA\"";
        return Stream.of(
                Arguments.of("plain text", areaCodes, "Service Unavailable", "not JSON"),
                Arguments.of("HTML error page", available,
                        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "not JSON"),
                Arguments.of("empty body", areaCodes, "", "empty"),
                Arguments.of("empty body for details", details, "", "empty"),
                Arguments.of("blank body", routes, "   \n", "expected a JSON object"),
                Arguments.of("truncated JSON", areaCodes, "{\"npas\": {\"201\": {\"nxxs\": \"/v1/avail", "not JSON"),
                Arguments.of("truncated details", details, "{\"billing_method\": \"METERED\", \"routes\": [", "not JSON"),
                Arguments.of("JSON followed by an HTML page", areaCodes, "{\"npas\": {\"201\": {}}} <html></html>", "not JSON"),
                Arguments.of("an extra closing brace", routes, "{\"routes\": {}}}", "not JSON"),
                Arguments.of("two JSON documents", details,
                        "{\"billing_method\": \"METERED\", \"routes\": []} {\"billing_method\": \"METERED\"}", "not JSON"),
                Arguments.of("top-level array", available, "[{\"12066417744\": {}}]", "ARRAY"),
                Arguments.of("top-level string", account, "\"ok\"", "STRING"),
                Arguments.of("top-level null", routes, "null", "expected a JSON object"),
                Arguments.of("details as array", details, "[]", "ARRAY"),
                Arguments.of("tns as an array", available, "{\"tns\": [\"12066417744\"]}", "\"tns\" is ARRAY"),
                Arguments.of("account tns as an array", account, "{\"tns\": []}", "\"tns\" is ARRAY"),
                Arguments.of("npas as a string", areaCodes, "{\"npas\": \"201\"}", "\"npas\" is STRING"),
                Arguments.of("routes listing as an array", routes, "{\"routes\": [{\"type\": \"HOST\"}]}", "\"routes\" is ARRAY"),
                Arguments.of("number key of 10 digits", available, "{\"tns\": {\"2066417744\": {" + goodTn + "}}}",
                        "\"2066417744\" is not an 11-digit"),
                Arguments.of("number key of 12 digits", account,
                        "{\"tns\": {\"120664177440\": {\"billing_method\": \"METERED\", \"routes\": []}}}",
                        "\"120664177440\" is not an 11-digit"),
                Arguments.of("number key with letters", available, "{\"tns\": {\"1206641774x\": {" + goodTn + "}}}",
                        "\"1206641774x\""),
                Arguments.of("number key with NPA starting with 1", available,
                        "{\"tns\": {\"11066417744\": {" + goodTn + "}}}", "\"11066417744\" is not an 11-digit NANP"),
                Arguments.of("npa key of 2 digits", areaCodes, "{\"npas\": {\"20\": {}}}", "key \"20\" of \"npas\""),
                Arguments.of("npanxx key of 5 digits", exchanges, "{\"npanxxs\": {\"20365\": {}}}", "key \"20365\" of \"npanxxs\""),
                Arguments.of("cost that is not a number", available,
                        "{\"tns\": {\"12066417744\": {\"initial_cost\": \"one dollar\", \"monthly_cost\": \"1.25\","
                                + " \"billing_methods\": [], \"ratecenter\": \"SEATTLE\", \"state\": \"WA\"}}}",
                        "\"initial_cost\" is not a decimal amount"),
                Arguments.of("missing monthly cost", available,
                        "{\"tns\": {\"12066417744\": {\"initial_cost\": \"1.00\", \"billing_methods\": [],"
                                + " \"ratecenter\": \"SEATTLE\", \"state\": \"WA\"}}}",
                        "\"monthly_cost\" is missing"),
                Arguments.of("details without billing method", details, "{\"routes\": []}", "\"billing_method\" is missing"),
                Arguments.of("details routes as an object", details,
                        "{\"billing_method\": \"METERED\", \"routes\": {\"a\": {}}}", "\"routes\" is OBJECT"),
                Arguments.of("route without a name", details,
                        "{\"billing_method\": \"METERED\", \"routes\": [{\"type\": \"HOST\"}]}", "\"name\" is missing"),
                Arguments.of("route without a type", routes, "{\"routes\": {\"a\": {\"value\": \"x\"}}}", "\"type\" is missing"),
                Arguments.of("route that is a string", routes, "{\"routes\": {\"a\": \"HOST\"}}", "route \"a\" is STRING"),
                Arguments.of("blank billing method", account,
                        "{\"tns\": {\"12066417848\": {\"billing_method\": \" \", \"routes\": []}}}", "billingMethod"),
                Arguments.of("next link as a number", areaCodes, "{\"npas\": {}, \"links\": {\"next\": 2}}",
                        "links.next is NUMBER"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodyIsATransportExceptionSayingWhatWasWrong(String name, Function<byte[], Object> parse,
            String body, String expectedInMessage) {
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> parse.apply(utf8(body)));

        assertEquals(FlowrouteTransportException.class, thrown.getClass(), () -> "thrown: " + thrown);
        assertTrue(thrown.getMessage().contains(expectedInMessage),
                () -> "message should contain <" + expectedInMessage + "> but was <" + thrown.getMessage() + ">");
        assertTrue(thrown.getMessage().startsWith("the response is not"), thrown.getMessage());
    }

    @Test
    void nullBodyIsATransportException() {
        FlowrouteTransportException thrown = assertThrows(FlowrouteTransportException.class,
                () -> V1Wire.ROUTES.decode(null));
        assertTrue(thrown.getMessage().contains("empty"), thrown.getMessage());
    }

    // ---- request bodies ---------------------------------------------------------------------

    @Test
    void purchaseBodyIsExactlyTheBillingMethodObject() {
        byte[] body = V1Wire.purchaseBody(BillingMethod.METERED);

        assertEquals("{\"billing_method\":\"METERED\"}", new String(body, StandardCharsets.UTF_8));
        assertArrayEquals(utf8("{\"billing_method\":\"METERED\"}"), body);
    }

    @Test
    void updateRoutesBodyListsPrimaryThenFailoverByName() {
        byte[] body = V1Wire.updateRoutesBody("primary", "failover");

        assertArrayEquals(utf8("{\"routes\":[{\"name\":\"primary\"},{\"name\":\"failover\"}]}"), body);
    }

    @Test
    void updateRoutesBodyEscapesNamesAsJson() {
        byte[] body = V1Wire.updateRoutesBody("Office \"PBX\"/2", "caf\u00e9\\1");

        assertEquals("{\"routes\":[{\"name\":\"Office \\\"PBX\\\"/2\"},{\"name\":\"caf\u00e9\\\\1\"}]}",
                new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void newRouteBodyIsTypeAndValue() {
        assertArrayEquals(utf8("{\"type\":\"HOST\",\"value\":\"24.239.23.40:5060\"}"),
                V1Wire.newRouteBody(NewRoute.host("MyHost", "24.239.23.40:5060")));
        assertArrayEquals(utf8("{\"type\":\"PSTN\",\"value\":\"12065551212\"}"),
                V1Wire.newRouteBody(NewRoute.pstn("MyPSTN", "+1 (206) 555-1212")));
        assertArrayEquals(utf8("{\"type\":\"URI\",\"value\":\"sip:12065551212@215.122.69.152:5060\"}"),
                V1Wire.newRouteBody(NewRoute.uri("MyURI", "sip:12065551212@215.122.69.152:5060")));
    }
}
