package com.flowroute.numbers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.internal.PhoneNumbers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is an {@link IllegalArgumentException} raised by {@code build()} or the factory, whose
 * message names the field, the value and the rule; good input builds and maps to the v1 wire
 * names.
 */
class ValidationTest {
    private static final Set<String> WIRE_NAMES = Set.of("limit", "page", "npa", "nxx", "ratecenter", "state", "tn", "pattern");
    private static final String SECRET = "m8axLA45yds7kmi2225OQ7BshaADg6vr";

    /** How {@code value} appears in a message: quoted when it is text. */
    private static String q(String value) {
        return "\"" + value + "\"";
    }

    private static Arguments bad(String name, Executable build, String field, String valueInMessage, String ruleWord) {
        return Arguments.of(name, build, field, valueInMessage, ruleWord);
    }

    // ---- bad input --------------------------------------------------------------------------

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // paging, on every query type
                bad("pageSize 0", () -> AreaCodeQuery.builder().pageSize(0).build(), "pageSize", "pageSize 0 ", "between 1 and 200"),
                bad("pageSize 201", () -> NumberSearch.builder().pageSize(201).build(), "pageSize", "pageSize 201 ", "between 1 and 200"),
                bad("pageSize -1", () -> RouteQuery.builder().pageSize(-1).build(), "pageSize", "pageSize -1 ", "between 1 and 200"),
                bad("pageSize 1000 of account numbers", () -> AccountNumberQuery.builder().pageSize(1000).build(),
                        "pageSize", "1000", "between 1 and 200"),
                bad("pageSize MIN_VALUE of exchanges", () -> ExchangeQuery.builder().pageSize(Integer.MIN_VALUE).build(),
                        "pageSize", String.valueOf(Integer.MIN_VALUE), "between 1 and 200"),
                bad("page 0", () -> AreaCodeQuery.builder().page(0).build(), "page", "page 0 ", "1 or more"),
                bad("page -5", () -> ExchangeQuery.builder().page(-5).build(), "page", "page -5 ", "1 or more"),
                bad("page 0 of routes", () -> RouteQuery.builder().page(0).build(), "page", "page 0 ", "1 or more"),
                bad("page -5 of a search", () -> NumberSearch.builder().pageSize(10).page(-5).build(), "page", "-5", "1 or more"),
                // npa / nxx
                bad("exchange npa empty", () -> ExchangeQuery.builder().npa("").build(), "npa", q(""), "digits"),
                bad("exchange npa 2a", () -> ExchangeQuery.builder().npa("2a").build(), "npa", q("2a"), "digits"),
                bad("exchange npa 2061", () -> ExchangeQuery.builder().npa("2061").build(), "npa", q("2061"), "1 to 3 digits"),
                bad("exchange npa with a space", () -> ExchangeQuery.builder().npa(" 20").build(), "npa", q(" 20"), "digits"),
                bad("search npa empty", () -> NumberSearch.builder().npa("").build(), "npa", q(""), "digits"),
                bad("search npa 2a", () -> NumberSearch.builder().npa("2a").build(), "npa", q("2a"), "digits"),
                bad("search npa 2061", () -> NumberSearch.builder().npa("2061").build(), "npa", q("2061"), "1 to 3 digits"),
                bad("search npa in full-width digits", () -> NumberSearch.builder().npa("\uff12\uff10\uff16").build(),
                        "npa", q("\uff12\uff10\uff16"), "digits 0-9"),
                bad("nxx 64a", () -> NumberSearch.builder().npa("206").nxx("64a").build(), "nxx", q("64a"), "digits"),
                bad("nxx 6411", () -> NumberSearch.builder().npa("206").nxx("6411").build(), "nxx", q("6411"), "1 to 3 digits"),
                bad("nxx without npa", () -> NumberSearch.builder().nxx("641").build(), "nxx", q("641"), "needs npa"),
                // rateCenter / state
                bad("rateCenter without state", () -> NumberSearch.builder().rateCenter("SEATTLE").build(),
                        "rateCenter", q("SEATTLE"), "needs state"),
                bad("rateCenter blank", () -> NumberSearch.builder().rateCenter("  ").state("WA").build(),
                        "rateCenter", q("  "), "blank"),
                bad("rateCenter with a newline", () -> NumberSearch.builder().rateCenter("SEATTLE\nX").state("WA").build(),
                        "rateCenter", q("SEATTLE\\nX"), "control characters"),
                bad("state W", () -> NumberSearch.builder().state("W").build(), "state", q("W"), "two-letter"),
                bad("state WAS", () -> NumberSearch.builder().state("WAS").build(), "state", q("WAS"), "two-letter"),
                bad("state W1", () -> NumberSearch.builder().state("W1").build(), "state", q("W1"), "two-letter"),
                bad("state empty", () -> NumberSearch.builder().state("").build(), "state", q(""), "two-letter"),
                bad("state non-ASCII letters", () -> NumberSearch.builder().state("\u00c9A").build(), "state", q("\u00c9A"), "two-letter"),
                bad("state with rateCenter but wrong", () -> NumberSearch.builder().rateCenter("SEATTLE").state("Wa1").build(),
                        "state", q("Wa1"), "two-letter"),
                // tn / pattern
                bad("tn with letters", () -> NumberSearch.builder().tn("1206641774a").build(), "tn", q("1206641774a"), "digits"),
                bad("tn with a plus", () -> NumberSearch.builder().tn("+12066417744").build(), "tn", q("+12066417744"), "digits"),
                bad("tn with dashes", () -> NumberSearch.builder().tn("206-641").build(), "tn", q("206-641"), "digits"),
                bad("tn of 12 digits", () -> NumberSearch.builder().tn("120664177441").build(), "tn", q("120664177441"), "1 to 11 digits"),
                bad("tn empty", () -> NumberSearch.builder().tn("").build(), "tn", q(""), "digits"),
                bad("pattern with letters", () -> AccountNumberQuery.builder().pattern("206abc").build(), "pattern", q("206abc"), "digits"),
                bad("pattern with a plus", () -> AccountNumberQuery.builder().pattern("+1206").build(), "pattern", q("+1206"), "digits"),
                bad("pattern with a space", () -> AccountNumberQuery.builder().pattern("206 641").build(), "pattern", q("206 641"), "digits"),
                bad("pattern empty", () -> AccountNumberQuery.builder().pattern("").build(), "pattern", q(""), "digits"),
                // PhoneNumber
                bad("10 digits whose NPA would be 120", () -> PhoneNumber.parse("1206641774"), "number", q("1206641774"), "NANP"),
                bad("10 digits starting with 0", () -> PhoneNumber.parse("0206641774"), "number", q("0206641774"), "NANP"),
                bad("12 digits", () -> PhoneNumber.parse("120664177441"), "number", q("120664177441"), "NANP"),
                bad("9 digits", () -> PhoneNumber.parse("206641774"), "number", q("206641774"), "NANP"),
                bad("11 digits not starting with 1", () -> PhoneNumber.parse("22066417744"), "number", q("22066417744"), "NANP"),
                bad("NPA starting with 0", () -> PhoneNumber.parse("10236417744"), "number", q("10236417744"), "area code"),
                bad("NPA starting with 1", () -> PhoneNumber.parse("(123) 641-7744"), "number", q("(123) 641-7744"), "area code"),
                bad("NXX starting with 0", () -> PhoneNumber.parse("12060417744"), "number", q("12060417744"), "exchange"),
                bad("NXX starting with 1", () -> PhoneNumber.parse("+1 206-141-7744"), "number", q("+1 206-141-7744"), "exchange"),
                bad("letters", () -> PhoneNumber.parse("1-206-CALL-NOW"), "number", q("1-206-CALL-NOW"), "NANP"),
                bad("an extension", () -> PhoneNumber.parse("12066417744 x12"), "number", q("12066417744 x12"), "NANP"),
                bad("empty number", () -> PhoneNumber.parse(""), "number", q(""), "NANP"),
                bad("blank number", () -> PhoneNumber.parse("   "), "number", q("   "), "NANP"),
                bad("null number", () -> PhoneNumber.parse(null), "number", "number null", "NANP"),
                bad("two plus signs", () -> PhoneNumber.parse("++12066417744"), "number", q("++12066417744"), "NANP"),
                bad("plus then 10 digits (country code 20)", () -> PhoneNumber.parse("+2066417744"), "number", q("+2066417744"), "NANP"),
                bad("plus and a foreign number", () -> PhoneNumber.parse("+44 20 7946 0958"), "number", q("+44 20 7946 0958"), "NANP"),
                bad("number in a named field", () -> PhoneNumbers.parse("primaryNumber", "911"), "primaryNumber", q("911"), "NANP"),
                // NewRoute names
                bad("route name empty", () -> NewRoute.host("", "pbx.example.com"), "name", q(""), "blank"),
                bad("route name blank", () -> NewRoute.host("   ", "pbx.example.com"), "name", q("   "), "blank"),
                bad("route name tab", () -> NewRoute.host("\t", "pbx.example.com"), "name", q("\\t"), "blank"),
                bad("route name with LF", () -> NewRoute.host("office\nX-Evil: 1", "pbx.example.com"), "name",
                        q("office\\nX-Evil: 1"), "control characters"),
                bad("route name with CR LF", () -> NewRoute.uri("office\r\n", "sip:a@example.com"), "name", q("office\\r\\n"), "control characters"),
                bad("route name with NUL", () -> NewRoute.pstn("a\u0000b", "12065551212"), "name", q("a\\u0000b"), "control characters"),
                bad("route name with DEL", () -> NewRoute.host("a\u007f", "pbx.example.com"), "name", q("a\\u007f"), "U+007F"),
                // HOST values
                bad("host port 0", () -> NewRoute.host("MyHost", "host:0"), "value", q("host:0"), "1-65535"),
                bad("host port 65536", () -> NewRoute.host("MyHost", "host:65536"), "value", q("host:65536"), "1-65535"),
                bad("host empty", () -> NewRoute.host("MyHost", ""), "value", q(""), "HOST route"),
                bad("host with a space", () -> NewRoute.host("MyHost", "a b"), "value", q("a b"), "HOST route"),
                bad("host with an empty port", () -> NewRoute.host("MyHost", "24.239.23.40:"), "value", q("24.239.23.40:"), "port"),
                bad("host with a named port", () -> NewRoute.host("MyHost", "pbx.example.com:sip"), "value", q("pbx.example.com:sip"), "port"),
                bad("host as a URL", () -> NewRoute.host("MyHost", "http://pbx.example.com"), "value", q("http://pbx.example.com"), "HOST route"),
                bad("host IPv4 out of range", () -> NewRoute.host("MyHost", "999.1.1.1"), "value", q("999.1.1.1"), "HOST route"),
                bad("host label starting with a dash", () -> NewRoute.host("MyHost", "-pbx.example.com"), "value", q("-pbx.example.com"), "HOST route"),
                // PSTN values
                bad("pstn 178", () -> NewRoute.pstn("MyPSTN", "178"), "value", q("178"), "NANP"),
                bad("pstn 02065551212", () -> NewRoute.pstn("MyPSTN", "02065551212"), "value", q("02065551212"), "NANP"),
                bad("pstn via builder not in wire form", () -> NewRoute.builder().name("MyPSTN").type(RouteType.PSTN)
                        .value("2065551212").build(), "value", q("2065551212"), "11-digit NANP"),
                // URI values
                bad("uri without sip:", () -> NewRoute.uri("MyURI", "alice@example.com"), "value", q("alice@example.com"), "sip:"),
                bad("uri http", () -> NewRoute.uri("MyURI", "http://x"), "value", q("http://x"), "sip:"),
                bad("uri sip: alone", () -> NewRoute.uri("MyURI", "sip:"), "value", q("sip:"), "sip:"),
                bad("uri sips: alone", () -> NewRoute.uri("MyURI", "sips:"), "value", q("sips:"), "sip:"),
                bad("uri with a space", () -> NewRoute.uri("MyURI", "sip:alice @example.com"), "value", q("sip:alice @example.com"), "without spaces"),
                // route type
                bad("type SIP-REG", () -> NewRoute.builder().name("reg").type(RouteType.SIP_REG).value("x").build(),
                        "type", q("SIP-REG"), "HOST, PSTN or URI"),
                bad("type FOO", () -> NewRoute.builder().name("foo").type(RouteType.of("FOO")).value("x").build(),
                        "type", q("FOO"), "HOST, PSTN or URI"),
                bad("type blank", () -> RouteType.of(" "), "type", q(" "), "blank"),
                bad("billing method empty", () -> BillingMethod.of(""), "billingMethod", q(""), "blank"),
                // credentials: the access key may be shown, the secret never
                bad("access key empty", () -> FlowrouteCredentials.of("", SECRET), "accessKey", q(""), "blank"),
                bad("access key blank", () -> FlowrouteCredentials.of("  ", SECRET), "accessKey", q("  "), "blank"),
                bad("access key null", () -> FlowrouteCredentials.of(null, SECRET), "accessKey", "accessKey null", "required"),
                bad("access key with a newline", () -> FlowrouteCredentials.of("1111111\n", SECRET), "accessKey",
                        q("1111111\\n"), "control characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRejectedNamingFieldValueAndRule(String name, Executable build, String field, String valueInMessage,
            String ruleWord) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, build);
        String message = thrown.getMessage();

        assertAll(
                () -> assertTrue(message.startsWith(field + " "), () -> "field <" + field + "> first in: " + message),
                () -> assertTrue(message.contains(valueInMessage), () -> "value <" + valueInMessage + "> in: " + message),
                () -> assertTrue(message.contains(ruleWord), () -> "rule <" + ruleWord + "> in: " + message),
                () -> assertFalse(message.contains("\n") || message.contains("\r") || message.contains("\u0000"),
                        () -> "message must stay on one line with control characters escaped: " + message),
                () -> assertFalse(message.contains(SECRET), "message shows the secret key"));
    }

    @Test
    void thereAreAtLeastFortyBadCases() {
        assertTrue(badInputs().count() >= 40);
    }

    // ---- good queries and their wire names --------------------------------------------------

    private static Arguments query(String name, Supplier<PagedQuery> build, Map<String, String> wire) {
        return Arguments.of(name, build, wire);
    }

    static Stream<Arguments> goodQueries() {
        return Stream.of(
                query("area codes, all", AreaCodeQuery::all, Map.of()),
                query("area codes, pageSize 1", () -> AreaCodeQuery.builder().pageSize(1).build(), Map.of("limit", "1")),
                query("area codes, pageSize 200", () -> AreaCodeQuery.builder().pageSize(200).build(), Map.of("limit", "200")),
                query("area codes, page 1", () -> AreaCodeQuery.builder().page(1).build(), Map.of("page", "1")),
                query("area codes, pageSize 3 page 2", () -> AreaCodeQuery.builder().pageSize(3).page(2).build(),
                        Map.of("limit", "3", "page", "2")),
                query("exchanges, all", ExchangeQuery::all, Map.of()),
                query("exchanges, partial npa 20", () -> ExchangeQuery.builder().npa("20").build(), Map.of("npa", "20")),
                query("exchanges, npa 2", () -> ExchangeQuery.builder().npa("2").build(), Map.of("npa", "2")),
                query("exchanges, the seed example", () -> ExchangeQuery.builder().pageSize(2).npa("203").page(3).build(),
                        Map.of("limit", "2", "npa", "203", "page", "3")),
                query("search, all", NumberSearch::all, Map.of()),
                query("search, the seed example", () -> NumberSearch.builder().pageSize(3).npa("206").nxx("641").page(2)
                        .rateCenter("SEATTLE").state("WA").build(),
                        Map.of("limit", "3", "npa", "206", "nxx", "641", "page", "2", "ratecenter", "SEATTLE", "state", "WA")),
                query("search, partial npa 20", () -> NumberSearch.builder().npa("20").build(), Map.of("npa", "20")),
                query("search, partial nxx 45", () -> NumberSearch.builder().npa("206").nxx("45").build(),
                        Map.of("npa", "206", "nxx", "45")),
                query("search, lower-case state wa", () -> NumberSearch.builder().state("wa").build(), Map.of("state", "wa")),
                query("search, province ON", () -> NumberSearch.builder().state("ON").build(), Map.of("state", "ON")),
                query("search, rate center with a space", () -> NumberSearch.builder().rateCenter("SAN FRANCISCO").state("CA").build(),
                        Map.of("ratecenter", "SAN FRANCISCO", "state", "CA")),
                query("search, non-ASCII rate center", () -> NumberSearch.builder().rateCenter("MONTR\u00c9AL").state("QC").build(),
                        Map.of("ratecenter", "MONTR\u00c9AL", "state", "QC")),
                query("search, tn of 11 digits", () -> NumberSearch.builder().tn("12066417744").build(), Map.of("tn", "12066417744")),
                query("search, partial tn", () -> NumberSearch.builder().tn("206").build(), Map.of("tn", "206")),
                query("search, pageSize 200 page 1", () -> NumberSearch.builder().pageSize(200).page(1).build(),
                        Map.of("limit", "200", "page", "1")),
                query("account numbers, all", AccountNumberQuery::all, Map.of()),
                query("account numbers, pattern 206", () -> AccountNumberQuery.builder().pattern("206").build(), Map.of("pattern", "206")),
                query("account numbers, the seed example", () -> AccountNumberQuery.builder().pageSize(1).pattern("206").build(),
                        Map.of("limit", "1", "pattern", "206")),
                query("account numbers, full number pattern", () -> AccountNumberQuery.builder().pattern("12066417848").page(2).build(),
                        Map.of("pattern", "12066417848", "page", "2")),
                query("routes, all", RouteQuery::all, Map.of()),
                query("routes, the seed example", () -> RouteQuery.builder().pageSize(10).page(1).build(),
                        Map.of("limit", "10", "page", "1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodQueries")
    void goodQueryBuildsWithTheV1WireNames(String name, Supplier<PagedQuery> build, Map<String, String> wire) {
        PagedQuery query = build.get();

        Map<String, String> parameters = V1Parameters.of(query);
        assertEquals(wire, parameters);
        assertTrue(WIRE_NAMES.containsAll(parameters.keySet()), () -> "wire names: " + parameters);
        assertEquals(wire.containsKey("limit"), query.pageSize().isPresent());
        assertEquals(wire.containsKey("page"), query.page().isPresent());
        V1Parameters.list(query).clear();
        assertEquals(wire, V1Parameters.of(query), "changing the parameters given out leaves the query as it was");
    }

    @Test
    void builtQueriesKeepTheirValues() {
        NumberSearch search = NumberSearch.builder().npa("206").nxx("641").rateCenter("SEATTLE").state("WA").pageSize(50).build();

        assertEquals("206", search.npa().orElseThrow());
        assertEquals("641", search.nxx().orElseThrow());
        assertEquals("SEATTLE", search.rateCenter().orElseThrow());
        assertEquals("WA", search.state().orElseThrow());
        assertEquals(50, search.pageSize().getAsInt());
        assertTrue(search.page().isEmpty());
        assertTrue(search.tn().isEmpty());
        assertEquals(search, NumberSearch.builder().npa("206").nxx("641").rateCenter("SEATTLE").state("WA").pageSize(50).build());
    }

    // ---- good phone numbers -----------------------------------------------------------------

    static Stream<Arguments> goodPhoneNumbers() {
        return Stream.of(
                Arguments.of("12066417744", "12066417744"),
                Arguments.of("+1 206-641-7744", "12066417744"),
                Arguments.of("(206) 641-7744", "12066417744"),
                Arguments.of("206.641.7744", "12066417744"),
                Arguments.of("2066417744", "12066417744"),
                Arguments.of("+12066417744", "12066417744"),
                Arguments.of("1-206-641-7744", "12066417744"),
                Arguments.of("1 (206) 641-7744", "12066417744"),
                Arguments.of("  +1 (206) 641 7744  ", "12066417744"),
                Arguments.of("+1.206.641.7744", "12066417744"),
                Arguments.of("12002002000", "12002002000"),
                Arguments.of("(999) 999-9999", "19999999999"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodPhoneNumbers")
    void goodPhoneNumberParsesToTheElevenDigitWireForm(String text, String wire) {
        PhoneNumber number = PhoneNumber.parse(text);

        assertEquals(wire, number.toString());
        assertEquals("+" + wire, number.e164());
        assertEquals(wire.substring(1, 4), number.npa());
        assertEquals(wire.substring(4, 7), number.nxx());
        assertEquals(wire.substring(7), number.lineNumber());
        assertEquals(PhoneNumber.parse(wire), number);
        assertTrue(PhoneNumber.isWireForm(wire));
    }

    @Test
    void isNanpAcceptsOnlyTheExactWireForm() {
        assertTrue(PhoneNumber.isWireForm("12066417744"));
        assertFalse(PhoneNumber.isWireForm("2066417744"));
        assertFalse(PhoneNumber.isWireForm("+12066417744"));
        assertFalse(PhoneNumber.isWireForm("1206641774"));
        assertFalse(PhoneNumber.isWireForm("11066417744"));
        assertFalse(PhoneNumber.isWireForm("12061417744"));
    }

    // ---- good new routes --------------------------------------------------------------------

    private static Arguments route(String name, Supplier<NewRoute> build, String routeName, RouteType type, String value) {
        return Arguments.of(name, build, routeName, type, value);
    }

    static Stream<Arguments> goodRoutes() {
        return Stream.of(
                route("host with IP and port", () -> NewRoute.host("MyHost", "24.239.23.40:5060"), "MyHost", RouteType.HOST, "24.239.23.40:5060"),
                route("host name", () -> NewRoute.host("MyHost", "pbx.example.com"), "MyHost", RouteType.HOST, "pbx.example.com"),
                route("host port 65535", () -> NewRoute.host("h", "host:65535"), "h", RouteType.HOST, "host:65535"),
                route("host port 1", () -> NewRoute.host("h", "host:1"), "h", RouteType.HOST, "host:1"),
                route("host IP without port", () -> NewRoute.host("h", "24.239.23.40"), "h", RouteType.HOST, "24.239.23.40"),
                route("host IPv6 with port", () -> NewRoute.host("h", "[2001:db8::1]:5060"), "h", RouteType.HOST, "[2001:db8::1]:5060"),
                route("host name with a trailing dot", () -> NewRoute.host("h", "myphone.com."), "h", RouteType.HOST, "myphone.com."),
                route("name with a space and slash", () -> NewRoute.host("Office PBX/2", "pbx.example.com"),
                        "Office PBX/2", RouteType.HOST, "pbx.example.com"),
                route("name ../tns", () -> NewRoute.uri("../tns", "sip:alice@example.com"), "../tns", RouteType.URI, "sip:alice@example.com"),
                route("name with non-ASCII letters", () -> NewRoute.host("caf\u00e9 \u65e5\u672c", "pbx.example.com"),
                        "caf\u00e9 \u65e5\u672c", RouteType.HOST, "pbx.example.com"),
                route("pstn 12065551212", () -> NewRoute.pstn("MyPSTN", "12065551212"), "MyPSTN", RouteType.PSTN, "12065551212"),
                route("pstn written loosely", () -> NewRoute.pstn("MyPSTN", "+1 (206) 555-1212"), "MyPSTN", RouteType.PSTN, "12065551212"),
                route("pstn from a PhoneNumber", () -> NewRoute.pstn("MyPSTN", PhoneNumber.parse("206.555.1212")),
                        "MyPSTN", RouteType.PSTN, "12065551212"),
                route("uri with port", () -> NewRoute.uri("MyURI", "sip:alice@example.com:5060"), "MyURI", RouteType.URI,
                        "sip:alice@example.com:5060"),
                route("uri sips", () -> NewRoute.uri("MyURI", "sips:secure@example.com"), "MyURI", RouteType.URI, "sips:secure@example.com"),
                route("uri with transport", () -> NewRoute.uri("MyURI", "sip:12065551212@215.122.69.152:5060;transport=tcp"),
                        "MyURI", RouteType.URI, "sip:12065551212@215.122.69.152:5060;transport=tcp"),
                route("builder with HOST", () -> NewRoute.builder().name("b").type(RouteType.of("HOST")).value("pbx").build(),
                        "b", RouteType.HOST, "pbx"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodRoutes")
    void goodNewRouteBuildsWithItsNameTypeAndValue(String name, Supplier<NewRoute> build, String routeName, RouteType type,
            String value) {
        NewRoute route = build.get();

        assertEquals(routeName, route.name());
        assertSame(type, route.type());
        assertEquals(value, route.value());
    }

    @Test
    void thereAreAtLeastFortyGoodCases() {
        assertTrue(goodQueries().count() + goodPhoneNumbers().count() + goodRoutes().count() >= 40);
    }

    // ---- credentials ------------------------------------------------------------------------

    @Test
    void credentialsKeepBothKeysButToStringHidesTheSecret() {
        FlowrouteCredentials credentials = FlowrouteCredentials.of("1111111", SECRET);

        assertEquals("1111111", credentials.accessKey());
        assertEquals(SECRET, credentials.secretKey());
        assertTrue(credentials.toString().contains("1111111"), credentials.toString());
        assertFalse(credentials.toString().contains(SECRET), credentials.toString());
        assertFalse(credentials.toString().contains(SECRET.substring(0, 8)), credentials.toString());
    }

    static Stream<Arguments> badSecrets() {
        return Stream.of(
                Arguments.of("empty", "", "blank"),
                Arguments.of("blank", "    ", "blank"),
                Arguments.of("newline inside", "s3cr3tValue\nmore", "control characters"),
                Arguments.of("NUL inside", "s3cr3tValue\u0000", "control characters"),
                Arguments.of("tab at the end", "s3cr3tValue\t", "control characters"),
                Arguments.of("null", null, "required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSecrets")
    void badSecretKeyIsRejectedWithoutShowingIt(String name, String secret, String ruleWord) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> FlowrouteCredentials.of("1111111", secret));

        assertTrue(thrown.getMessage().startsWith("secretKey "), thrown.getMessage());
        assertTrue(thrown.getMessage().contains(ruleWord), thrown.getMessage());
        assertFalse(thrown.getMessage().contains("s3cr3t"), "the message shows the secret: " + thrown.getMessage());
        assertFalse(thrown.getMessage().contains("1111111"), "no need to show the access key either");
    }

    private static UnaryOperator<String> environment(String... pairs) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put(pairs[i], pairs[i + 1]);
        }
        return variables::get;
    }

    @Test
    void fromEnvironmentReadsBothVariables() {
        FlowrouteCredentials credentials = FlowrouteCredentials.fromEnvironment(
                environment("FLOWROUTE_ACCESS_KEY", "1111111", "FLOWROUTE_SECRET_KEY", SECRET));

        assertEquals(FlowrouteCredentials.of("1111111", SECRET), credentials);
    }

    @Test
    void fromEnvironmentNamesAMissingAccessKeyAndNeverTheSecret() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> FlowrouteCredentials.fromEnvironment(environment("FLOWROUTE_SECRET_KEY", SECRET)));

        assertTrue(thrown.getMessage().contains("FLOWROUTE_ACCESS_KEY"), thrown.getMessage());
        assertFalse(thrown.getMessage().contains(SECRET), thrown.getMessage());
    }

    @Test
    void fromEnvironmentNamesAMissingSecretKey() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> FlowrouteCredentials.fromEnvironment(environment("FLOWROUTE_ACCESS_KEY", "1111111")));

        assertTrue(thrown.getMessage().contains("FLOWROUTE_SECRET_KEY"), thrown.getMessage());
        assertFalse(thrown.getMessage().contains("FLOWROUTE_ACCESS_KEY is not set"), thrown.getMessage());
    }

    @Test
    void fromEnvironmentTreatsABlankSecretAsMissing() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> FlowrouteCredentials.fromEnvironment(environment("FLOWROUTE_ACCESS_KEY", "1111111", "FLOWROUTE_SECRET_KEY", "  ")));

        assertTrue(thrown.getMessage().contains("FLOWROUTE_SECRET_KEY"), thrown.getMessage());
    }

    @Test
    void fromEnvironmentWithABadSecretNeverShowsIt() {
        String secret = SECRET + "\r\n";
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> FlowrouteCredentials.fromEnvironment(environment("FLOWROUTE_ACCESS_KEY", "1111111", "FLOWROUTE_SECRET_KEY", secret)));

        assertTrue(thrown.getMessage().contains("secretKey"), thrown.getMessage());
        assertFalse(thrown.getMessage().contains(SECRET), thrown.getMessage());
    }

    @Test
    void fromEnvironmentChecksTheVariableNamesOfTheContract() {
        List<String> asked = new java.util.ArrayList<>();
        FlowrouteCredentials.fromEnvironment(name -> {
            asked.add(name);
            return "value-of-" + name;
        });

        assertEquals(List.of("FLOWROUTE_ACCESS_KEY", "FLOWROUTE_SECRET_KEY"), asked);
    }
}
