package com.flowroute.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the query values over generated cases: a query either builds, with
 * its v1 wire parameters exactly the wire names and the values given, or {@code build()}
 * throws an {@link IllegalArgumentException} whose message starts with a field that breaks a
 * rule. Which it must be is decided here, independently, from the rules of the contract:
 * {@code pageSize} 1..200, {@code page} at least 1, {@code npa}/{@code nxx} 1-3 digits,
 * {@code nxx} needs {@code npa}, {@code rateCenter} non-blank without control characters and
 * needs {@code state}, {@code state} two ASCII letters, {@code tn}/{@code pattern} 1-11 digits.
 */
class QueryPropertiesTest {
    private static final int CASES = 500;

    /** One generated query: the values given (absent when null) and the fields whose rules they break. */
    record Case(Integer pageSize, Integer page, String npa, String nxx, String rateCenter, String state, String tn) {
        List<String> broken() {
            List<String> broken = new ArrayList<>();
            if (pageSize != null && (pageSize < 1 || pageSize > 200)) {
                broken.add("pageSize");
            }
            if (page != null && page < 1) {
                broken.add("page");
            }
            if (npa != null && !npa.matches("[0-9]{1,3}")) {
                broken.add("npa");
            }
            if (nxx != null && (!nxx.matches("[0-9]{1,3}") || npa == null)) {
                broken.add("nxx");
            }
            if (rateCenter != null && (rateCenter.isBlank() || rateCenter.chars().anyMatch(Character::isISOControl) || state == null)) {
                broken.add("rateCenter");
            }
            if (state != null && !state.matches("[A-Za-z]{2}")) {
                broken.add("state");
            }
            if (tn != null && !tn.matches("[0-9]{1,11}")) {
                broken.add("tn");
            }
            return broken;
        }

        Map<String, String> wire() {
            Map<String, String> wire = new LinkedHashMap<>();
            put(wire, "limit", pageSize == null ? null : pageSize.toString());
            put(wire, "page", page == null ? null : page.toString());
            put(wire, "npa", npa);
            put(wire, "nxx", nxx);
            put(wire, "ratecenter", rateCenter);
            put(wire, "state", state);
            put(wire, "tn", tn);
            return wire;
        }

        private static void put(Map<String, String> wire, String name, String value) {
            if (value != null) {
                wire.put(name, value);
            }
        }
    }

    private static String digitsOrNot(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 2);
        String alphabet = random.nextInt(4) == 0 ? "0123456789a-+ \u0663\uff11" : "0123456789";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static <T> T sometimes(Random random, T value) {
        return random.nextInt(3) == 0 ? null : value;
    }

    private static String digits(Random random, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(10));
        }
        return text.toString();
    }

    /** A third of the cases valid, a third valid but for one field, a third anything goes. */
    static Stream<Case> cases() {
        Random random = new Random(2024);
        String[] goodStates = {"WA", "wa", "On", "NY", "tx"};
        String[] states = {"WA", "wa", "On", "W", "WAS", "W1", "\u00c9T", " W", "", "NY"};
        String[] goodRateCenters = {"SEATTLE", "NEW YORK", "St. John's", "Zürich"};
        String[] rateCenters = {"SEATTLE", "NEW YORK", "St. John's", " ", "", "LINE\nFEED", "TAB\tBED", "Zürich", "\u0000"};
        return Stream.generate(() -> {
            int mode = random.nextInt(3);
            if (mode == 2) {
                return new Case(sometimes(random, random.nextInt(210) - 5), sometimes(random, random.nextInt(8) - 3),
                        sometimes(random, digitsOrNot(random, 3)), sometimes(random, digitsOrNot(random, 3)),
                        sometimes(random, rateCenters[random.nextInt(rateCenters.length)]),
                        sometimes(random, states[random.nextInt(states.length)]), sometimes(random, digitsOrNot(random, 11)));
            }
            String npa = sometimes(random, digits(random, 1, 3));
            String state = sometimes(random, goodStates[random.nextInt(goodStates.length)]);
            Case valid = new Case(sometimes(random, 1 + random.nextInt(200)), sometimes(random, 1 + random.nextInt(9)), npa,
                    npa == null ? null : sometimes(random, digits(random, 1, 3)),
                    state == null ? null : sometimes(random, goodRateCenters[random.nextInt(goodRateCenters.length)]),
                    state, sometimes(random, digits(random, 1, 11)));
            if (mode == 0) {
                return valid;
            }
            switch (random.nextInt(7)) {
                case 0:
                    return new Case(random.nextBoolean() ? random.nextInt(6) - 5 : 201 + random.nextInt(1000), valid.page(),
                            valid.npa(), valid.nxx(), valid.rateCenter(), valid.state(), valid.tn());
                case 1:
                    return new Case(valid.pageSize(), random.nextInt(4) - 3, valid.npa(), valid.nxx(), valid.rateCenter(),
                            valid.state(), valid.tn());
                case 2:
                    return new Case(valid.pageSize(), valid.page(), random.nextBoolean() ? "" : digits(random, 4, 6),
                            null, valid.rateCenter(), valid.state(), valid.tn());
                case 3:
                    // An nxx without npa, or one that is not digits.
                    return random.nextBoolean()
                            ? new Case(valid.pageSize(), valid.page(), null, digits(random, 1, 3), valid.rateCenter(), valid.state(),
                                    valid.tn())
                            : new Case(valid.pageSize(), valid.page(), "206", "9x", valid.rateCenter(), valid.state(), valid.tn());
                case 4:
                    return new Case(valid.pageSize(), valid.page(), valid.npa(), valid.nxx(),
                            random.nextBoolean() ? " " : "LINE\nFEED", "WA", valid.tn());
                case 5:
                    return new Case(valid.pageSize(), valid.page(), valid.npa(), valid.nxx(), null,
                            new String[] {"W", "WAS", "W1", "\u00c9T", ""}[random.nextInt(5)], valid.tn());
                default:
                    return new Case(valid.pageSize(), valid.page(), valid.npa(), valid.nxx(), valid.rateCenter(), valid.state(),
                            random.nextBoolean() ? digits(random, 12, 14) : "20664x");
            }
        }).limit(CASES);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aSearchBuildsWithWhatWasGivenOrIsRefusedNamingABrokenField(Case given) {
        NumberSearch.Builder builder = NumberSearch.builder();
        if (given.pageSize() != null) {
            builder.pageSize(given.pageSize());
        }
        if (given.page() != null) {
            builder.page(given.page());
        }
        if (given.npa() != null) {
            builder.npa(given.npa());
        }
        if (given.nxx() != null) {
            builder.nxx(given.nxx());
        }
        if (given.rateCenter() != null) {
            builder.rateCenter(given.rateCenter());
        }
        if (given.state() != null) {
            builder.state(given.state());
        }
        if (given.tn() != null) {
            builder.tn(given.tn());
        }
        expect(given.broken(), given.wire(), builder::build);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theOtherQueriesFollowTheSameRules(Case given) {
        List<String> paging = given.broken().stream().filter(f -> f.equals("pageSize") || f.equals("page")).toList();
        Map<String, String> pagingWire = new LinkedHashMap<>(given.wire());
        pagingWire.keySet().retainAll(List.of("limit", "page"));

        AreaCodeQuery.Builder areaCodes = AreaCodeQuery.builder();
        RouteQuery.Builder routes = RouteQuery.builder();
        ExchangeQuery.Builder exchanges = ExchangeQuery.builder();
        AccountNumberQuery.Builder account = AccountNumberQuery.builder();
        if (given.pageSize() != null) {
            areaCodes.pageSize(given.pageSize());
            routes.pageSize(given.pageSize());
            exchanges.pageSize(given.pageSize());
            account.pageSize(given.pageSize());
        }
        if (given.page() != null) {
            areaCodes.page(given.page());
            routes.page(given.page());
            exchanges.page(given.page());
            account.page(given.page());
        }
        expect(paging, pagingWire, areaCodes::build);
        expect(paging, pagingWire, routes::build);

        List<String> exchangeBroken = new ArrayList<>(paging);
        Map<String, String> exchangeWire = new LinkedHashMap<>(pagingWire);
        if (given.npa() != null) {
            exchanges.npa(given.npa());
            exchangeWire.put("npa", given.npa());
            if (given.broken().contains("npa")) {
                exchangeBroken.add("npa");
            }
        }
        expect(exchangeBroken, exchangeWire, exchanges::build);

        List<String> accountBroken = new ArrayList<>(paging);
        Map<String, String> accountWire = new LinkedHashMap<>(pagingWire);
        if (given.tn() != null) {
            account.pattern(given.tn());
            accountWire.put("pattern", given.tn());
            if (given.broken().contains("tn")) {
                accountBroken.add("pattern");
            }
        }
        expect(accountBroken, accountWire, account::build);
    }

    private static void expect(List<String> broken, Map<String, String> wire, java.util.function.Supplier<? extends PagedQuery> build) {
        PagedQuery query;
        try {
            query = build.get();
        } catch (IllegalArgumentException refused) {
            String message = refused.getMessage();
            assertTrue(broken.stream().anyMatch(field -> message.startsWith(field + " ")),
                    () -> "refused naming none of " + broken + ": " + message);
            assertTrue(message.contains(" is invalid: "), message);
            return;
        }
        if (!broken.isEmpty()) {
            fail("built although " + broken + " break the rules: " + query);
        }
        assertEquals(wire, V1Parameters.of(query));
    }

    @Test
    void theGeneratedCasesAreBothValidAndInvalidForEveryField() {
        List<Case> all = cases().toList();
        long valid = all.stream().filter(c -> c.broken().isEmpty()).count();
        assertTrue(valid >= 50 && valid <= CASES - 50, valid + " valid of " + CASES);
        for (String field : List.of("pageSize", "page", "npa", "nxx", "rateCenter", "state", "tn")) {
            long onlyThis = all.stream().filter(c -> c.broken().equals(List.of(field))).count();
            assertTrue(onlyThis >= 3, field + " is the only broken field in " + onlyThis + " cases");
        }
        assertTrue(all.stream().filter(c -> c.broken().isEmpty() && c.wire().size() >= 4).count() >= 10,
                "valid cases with several parameters");
    }
}
