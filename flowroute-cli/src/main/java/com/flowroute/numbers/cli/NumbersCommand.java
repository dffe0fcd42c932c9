package com.flowroute.numbers.cli;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.NumberUpdate;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RoutedNumber;
import com.flowroute.numbers.cli.BulkRun.Outcome;
import com.flowroute.numbers.reactive.ReactiveNumbersClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code flowroute numbers ...}: search, buy, list, show, route, release and alias numbers. */
@Command(name = "numbers", mixinStandardHelpOptions = true, description = "Numbers: for sale and on the account.",
        subcommands = {NumbersCommand.Search.class, NumbersCommand.Buy.class, NumbersCommand.ListNumbers.class,
                NumbersCommand.Show.class, NumbersCommand.RouteNumbers.class, NumbersCommand.Release.class,
                NumbersCommand.Alias.class})
final class NumbersCommand {
    /** The most numbers one {@code numbers buy --count} buys. */
    static final int MAX_COUNT = 1000;

    static final List<Column> SEARCH_COLUMNS = List.of(Column.of("number"), Column.of("rateCenter"), Column.of("state"),
            new Column("initialCost", "SETUP"), new Column("monthlyCost", "MONTHLY"), new Column("numberType", "TYPE"),
            new Column("billingMethods", "BILLING"));
    static final List<Column> ACCOUNT_COLUMNS = List.of(Column.of("number"), Column.of("alias"), Column.of("rateCenter"),
            Column.of("state"), new Column("billingMethod", "BILLING"), new Column("primaryRoute", "PRIMARY"),
            new Column("failoverRoute", "FAILOVER"));
    static final List<Column> DETAILS_COLUMNS = List.of(Column.of("number"), Column.of("alias"), Column.of("rateCenter"),
            Column.of("state"), new Column("numberType", "TYPE"), new Column("billingMethod", "BILLING"),
            new Column("cnamLookups", "CNAM LOOKUPS"), new Column("primaryRoute", "PRIMARY"),
            new Column("failoverRoute", "FAILOVER"));

    private NumbersCommand() {}

    /** The values of {@link #ACCOUNT_COLUMNS} for {@code number}, its routes from {@code routed}. */
    static Object[] accountRow(AccountNumber number, RoutedNumber routed) {
        return new Object[] {number.number(), number.alias(), number.rateCenter(), number.state(),
                number.billingMethod(), routeName(routed, 0), routeName(routed, 1)};
    }

    /** The values of {@link #DETAILS_COLUMNS}. */
    static Object[] detailsRow(PhoneNumber number, NumberDetails details) {
        return new Object[] {number, details.alias(), details.rateCenter(), details.state(), details.numberType(),
                details.billingMethod(), details.cnamLookupsEnabled(), routeName(details, 0), routeName(details, 1)};
    }

    private static Optional<String> routeName(RoutedNumber number, int index) {
        return number.routes().size() > index ? Optional.of(number.routes().get(index).name()) : Optional.empty();
    }

    /** Parses NUMBER arguments, refusing the first that is not a NANP number; duplicates dropped, order kept. */
    static List<PhoneNumber> parseNumbers(List<String> numbers) {
        LinkedHashSet<PhoneNumber> parsed = new LinkedHashSet<>();
        for (String number : numbers) {
            parsed.add(PhoneNumber.parse(number));
        }
        return List.copyOf(parsed);
    }

    static List<String> wireForms(List<PhoneNumber> numbers) {
        return numbers.stream().map(PhoneNumber::toString).collect(Collectors.toList());
    }

    /** {@code numbers search}. */
    @Command(name = "search", mixinStandardHelpOptions = true, description = "Search the numbers for sale.")
    static final class Search extends ApiCommand {
        @Option(names = "--area-code", paramLabel = "NPA", description = "Area code, such as 206.")
        String areaCode;

        @Option(names = "--exchange", paramLabel = "NXX", description = "Exchange within the area code, such as 641.")
        String exchange;

        @Option(names = "--rate-center", paramLabel = "NAME", description = "Rate center, such as SEATTLE (needs --state).")
        String rateCenter;

        @Option(names = "--state", paramLabel = "XX", description = "Two-letter state or province, such as WA.")
        String state;

        @Option(names = "--starts-with", paramLabel = "DIGITS", description = "Numbers starting with these digits (API v2).")
        String startsWith;

        @Option(names = "--contains", paramLabel = "DIGITS", description = "Numbers containing these digits (API v2).")
        String contains;

        @Option(names = "--ends-with", paramLabel = "DIGITS", description = "Numbers ending with these digits (API v2).")
        String endsWith;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Show at most N (default: ${DEFAULT-VALUE}).")
        int limit;

        private NumberSearch search;

        @Override
        void check() {
            checkLimit(limit);
            search = NumberSearch.builder()
                    .npa(Optional.ofNullable(areaCode))
                    .nxx(Optional.ofNullable(exchange))
                    .rateCenter(Optional.ofNullable(rateCenter))
                    .state(Optional.ofNullable(state))
                    .startsWith(Optional.ofNullable(startsWith))
                    .contains(Optional.ofNullable(contains))
                    .endsWith(Optional.ofNullable(endsWith))
                    .pageSize(pageSize(limit))
                    .build();
        }

        @Override
        Map<String, String> options() {
            return Map.of("npa", "--area-code", "nxx", "--exchange", "rateCenter", "--rate-center", "state", "--state",
                    "startsWith", "--starts-with", "contains", "--contains", "endsWith", "--ends-with", "pageSize", "--limit");
        }

        @Override
        int run(Session session) {
            try (RowWriter rows = session.rows(SEARCH_COLUMNS);
                    Stream<AvailableNumber> found = session.client().availableNumbers().search(search).stream()) {
                found.limit(limit).forEach(number -> rows.row(number.number(), number.rateCenter(), number.state(),
                        number.initialCost(), number.monthlyCost(), number.numberType(),
                        number.billingMethods().stream().map(Object::toString).collect(Collectors.toList())));
            }
            return Exit.OK;
        }
    }

    /** {@code numbers buy NUMBER...} and {@code numbers buy --area-code 206 --count 10}. */
    @Command(name = "buy", mixinStandardHelpOptions = true,
            description = "Buy numbers: those given, or --count found in an area code.")
    static final class Buy extends ApiCommand {
        @Parameters(paramLabel = "NUMBER", arity = "0..*", description = "Numbers to buy, such as 12066417744.")
        List<String> numbers = new ArrayList<>();

        @Option(names = "--area-code", paramLabel = "NPA", description = "Search this area code for --count numbers and buy them.")
        String areaCode;

        @Option(names = "--exchange", paramLabel = "NXX", description = "With --area-code: only this exchange.")
        String exchange;

        @Option(names = "--count", paramLabel = "K", description = "With --area-code: how many to buy, 1 to " + MAX_COUNT
                + "; never more are bought.")
        Integer count;

        private List<PhoneNumber> given;
        private NumberSearch search;

        @Override
        void check() {
            boolean searching = areaCode != null || exchange != null || count != null;
            if (!numbers.isEmpty() && searching) {
                throw BadInput.usage("give the NUMBERs to buy, or --area-code with --count, not both");
            }
            if (!numbers.isEmpty()) {
                given = parseNumbers(numbers);
                return;
            }
            if (areaCode == null) {
                throw BadInput.usage("nothing to buy: give the NUMBERs to buy, or --area-code NPA --count K to buy K"
                        + " numbers found there");
            }
            if (count == null) {
                throw BadInput.usage("--count is required with --area-code: how many numbers to buy");
            }
            if (count < 1 || count > MAX_COUNT) {
                throw BadInput.invalid("--count", count, "must be 1 to " + MAX_COUNT);
            }
            search = NumberSearch.builder().npa(areaCode).nxx(Optional.ofNullable(exchange))
                    .pageSize(Math.min(count, 200)).build();
        }

        @Override
        Map<String, String> options() {
            return Map.of("npa", "--area-code", "nxx", "--exchange", "number", "NUMBER");
        }

        @Override
        int run(Session session) {
            ReactiveNumbersClient reactive = session.client().reactive().numbers();
            if (given != null) {
                if (given.size() < numbers.size()) {
                    session.note("flowroute: " + (numbers.size() - given.size()) + " number(s) given more than once: each is bought once");
                }
                // A number already on the account is skipped, so that a run stopped halfway can be run again as is.
                BulkRun.Result result = session.bulk(wireForms(given), number -> reactive.details(number)
                        .map(details -> Outcome.skipped(number, "already on the account"))
                        .onErrorResume(NotFoundException.class, notOwned -> purchase(reactive, number)), "buying");
                return session.report(result, "number", "bought", true);
            }
            List<PhoneNumber> found;
            try (Stream<AvailableNumber> available = session.client().availableNumbers().search(search).stream()) {
                found = available.limit(count).map(AvailableNumber::number).distinct().collect(Collectors.toList());
            }
            String where = "--area-code " + areaCode + (exchange == null ? "" : " --exchange " + exchange);
            if (found.isEmpty()) {
                throw new Refused("no numbers for sale match " + where + ": nothing was bought");
            }
            if (found.size() < count) {
                session.note("flowroute: only " + found.size() + " of the " + count + " numbers asked for are for sale with "
                        + where + ": buying those");
            }
            BulkRun.Result result = session.bulk(wireForms(found), number -> purchase(reactive, number), "buying");
            return session.report(result, "number", "bought", found.size() == count);
        }

        private static Mono<Outcome> purchase(ReactiveNumbersClient reactive, String number) {
            return reactive.purchaseWithResult(number).map(purchased -> Outcome.done(number,
                    purchased.warnings().isEmpty() ? null : String.join("; ", purchased.warnings())));
        }
    }

    /** {@code numbers list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the account's numbers and their routes.")
    static final class ListNumbers extends ApiCommand {
        @Option(names = "--pattern", paramLabel = "DIGITS", description = "Only numbers containing these digits, such as 206.")
        String pattern;

        @Option(names = "--starts-with", paramLabel = "DIGITS", description = "Only numbers starting with these digits (API v2).")
        String startsWith;

        @Option(names = "--ends-with", paramLabel = "DIGITS", description = "Only numbers ending with these digits (API v2).")
        String endsWith;

        @Option(names = "--alias", paramLabel = "NAME", description = "Only numbers with this alias (API v2).")
        String alias;

        @Option(names = "--limit", paramLabel = "N", description = "Show at most N (default: all).")
        Integer limit;

        @Option(names = "--no-routes", description = "API v2: skip the routes, which take one call per number.")
        boolean noRoutes;

        private AccountNumberQuery query;

        @Override
        void check() {
            checkLimit(limit);
            query = AccountNumberQuery.builder()
                    .pattern(Optional.ofNullable(pattern))
                    .startsWith(Optional.ofNullable(startsWith))
                    .endsWith(Optional.ofNullable(endsWith))
                    .alias(Optional.ofNullable(alias))
                    .pageSize(pageSize(limit))
                    .build();
        }

        @Override
        Map<String, String> options() {
            return Map.of("pattern", "--pattern", "startsWith", "--starts-with", "endsWith", "--ends-with",
                    "alias", "--alias", "pageSize", "--limit");
        }

        @Override
        int run(Session session) {
            ReactiveNumbersClient reactive = session.client().reactive().numbers();
            Flux<AccountNumber> numbers = reactive.list(query);
            if (limit != null) {
                numbers = numbers.take(limit);
            }
            // v2's listing carries no routes: each number's details have them, fetched a few at a time, in order.
            Flux<Object[]> rows = session.version() == FlowrouteApiVersion.V2 && !noRoutes
                    ? numbers.flatMapSequential(number -> reactive.details(number.number())
                            .map(details -> accountRow(number, details)), session.concurrency())
                    : numbers.map(number -> accountRow(number, number));
            int listed;
            boolean complete;
            try (RowWriter writer = session.rows(ACCOUNT_COLUMNS)) {
                complete = drain(rows, writer, session);
                listed = writer.count();
            }
            if (!complete) {
                session.err().println("flowroute: interrupted after " + listed + " numbers: the listing is incomplete");
                session.err().flush();
                return Exit.INTERRUPTED;
            }
            return Exit.OK;
        }

        /** Writes each row as it comes; false when Ctrl-C stopped it. */
        private static boolean drain(Flux<Object[]> rows, RowWriter writer, Session session) {
            Progress progress = session.progress("listing", -1);
            CountDownLatch end = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Disposable listing = rows.subscribe(row -> {
                writer.row(row);
                progress.step();
            }, error -> {
                failure.set(error);
                end.countDown();
            }, end::countDown);
            try {
                end.await();
            } catch (InterruptedException e) {
                listing.dispose();
                return false;
            } finally {
                progress.close();
            }
            Throwable error = failure.get();
            if (error instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (error instanceof Error fatal) {
                throw fatal;
            }
            if (error != null) {
                throw new IllegalStateException(error);
            }
            return true;
        }
    }

    /** {@code numbers show NUMBER}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one number of the account: alias, routes, type.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "NUMBER", description = "The number, such as 12066417744.")
        String number;

        private PhoneNumber parsed;

        @Override
        void check() {
            parsed = PhoneNumber.parse(number);
        }

        @Override
        Map<String, String> options() {
            return Map.of("number", "NUMBER");
        }

        @Override
        int run(Session session) {
            NumberDetails details = session.client().numbers().details(parsed);
            try (RowWriter record = session.record(DETAILS_COLUMNS)) {
                record.row(detailsRow(parsed, details));
            }
            return Exit.OK;
        }
    }

    /** {@code numbers route NUMBER... --primary R [--failover R]}. */
    @Command(name = "route", mixinStandardHelpOptions = true, description = "Point numbers at a primary and a failover route.")
    static final class RouteNumbers extends ApiCommand {
        @Parameters(paramLabel = "NUMBER", arity = "1..*", description = "The numbers to route.")
        List<String> numbers;

        @Option(names = "--primary", required = true, paramLabel = "ROUTE", description = "Route name (v1), or alias or id (v2).")
        String primary;

        @Option(names = "--failover", paramLabel = "ROUTE",
                description = "Failover route (default: each number keeps its own, or gets the primary when it has none).")
        String failover;

        private List<PhoneNumber> parsed;

        @Override
        void check() {
            parsed = parseNumbers(numbers);
            if (primary.isBlank()) {
                throw BadInput.invalid("--primary", primary, "must not be blank");
            }
            if (failover != null && failover.isBlank()) {
                throw BadInput.invalid("--failover", failover, "must not be blank");
            }
        }

        @Override
        Map<String, String> options() {
            return Map.of("number", "NUMBER");
        }

        @Override
        int run(Session session) {
            // Resolved once for all the numbers, rather than once per number.
            List<Route> routes = session.client().routes().list().stream().collect(Collectors.toList());
            Route primaryRoute = RoutesCommand.resolve(routes, primary, "--primary");
            Route failoverRoute = failover == null ? null : RoutesCommand.resolve(routes, failover, "--failover");
            ReactiveNumbersClient reactive = session.client().reactive().numbers();
            BulkRun.Result result = session.bulk(wireForms(parsed), number -> {
                Mono<Route> failoverOf = failoverRoute != null ? Mono.just(failoverRoute)
                        : reactive.details(number).map(details -> details.routes().size() >= 2 ? details.routes().get(1) : primaryRoute);
                return failoverOf.flatMap(chosen -> reactive.updateRoutes(number, primaryRoute, chosen)
                        .thenReturn(Outcome.done(number, "primary " + primaryRoute.name() + ", failover " + chosen.name())));
            }, "routing");
            return session.report(result, "number", "routed", true);
        }
    }

    /** {@code numbers release NUMBER...}. */
    @Command(name = "release", mixinStandardHelpOptions = true, description = "Release numbers from the account (over API v2).")
    static final class Release extends ApiCommand {
        @Parameters(paramLabel = "NUMBER", arity = "1..*", description = "The numbers to release.")
        List<String> numbers;

        private List<PhoneNumber> parsed;

        @Override
        void check() {
            parsed = parseNumbers(numbers);
        }

        @Override
        Map<String, String> options() {
            return Map.of("number", "NUMBER");
        }

        @Override
        int run(Session session) {
            ReactiveNumbersClient reactive = session.client().reactive().numbers();
            BulkRun.Result result = session.bulk(wireForms(parsed),
                    number -> reactive.release(number).thenReturn(Outcome.done(number, null)), "releasing");
            return session.report(result, "number", "released", true);
        }
    }

    /** {@code numbers alias NUMBER NAME}. */
    @Command(name = "alias", mixinStandardHelpOptions = true, description = "Set a number's alias (over API v2).")
    static final class Alias extends ApiCommand {
        @Parameters(index = "0", paramLabel = "NUMBER", description = "The number.")
        String number;

        @Parameters(index = "1", paramLabel = "NAME", description = "The alias, such as \"NYC main\".")
        String name;

        private PhoneNumber parsed;
        private NumberUpdate update;

        @Override
        void check() {
            parsed = PhoneNumber.parse(number);
            update = NumberUpdate.builder().alias(name).build();
        }

        @Override
        Map<String, String> options() {
            return Map.of("number", "NUMBER", "alias", "NAME");
        }

        @Override
        int run(Session session) {
            NumberDetails details = session.client().numbers().update(parsed, update);
            try (RowWriter record = session.record(DETAILS_COLUMNS)) {
                record.row(detailsRow(parsed, details));
            }
            return Exit.OK;
        }
    }
}
