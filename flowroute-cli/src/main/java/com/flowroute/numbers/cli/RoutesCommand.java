package com.flowroute.numbers.cli;

import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteQuery;
import com.flowroute.numbers.RouteType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowroute routes ...}: the account's inbound routes. */
@Command(name = "routes", mixinStandardHelpOptions = true, description = "Inbound routes: where calls to numbers go.",
        subcommands = {RoutesCommand.ListRoutes.class, RoutesCommand.Create.class, RoutesCommand.Delete.class})
final class RoutesCommand {
    static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("name"), Column.of("type"), Column.of("value"));

    private RoutesCommand() {}

    static Object[] row(Route route) {
        return new Object[] {route.id(), route.name(), route.type().value(), route.value()};
    }

    /**
     * The one route of {@code routes} that {@code given} names: by v2 id, else by name (v1) or
     * alias (v2).
     *
     * @throws Refused when none does
     * @throws BadInput when several do, naming their ids
     */
    static Route resolve(List<Route> routes, String given, String option) {
        List<Route> matches = routes.stream().filter(route -> route.id().filter(given::equals).isPresent())
                .collect(Collectors.toList());
        if (matches.isEmpty()) {
            matches = routes.stream().filter(route -> route.name().equals(given)).collect(Collectors.toList());
        }
        if (matches.isEmpty()) {
            throw new Refused(option + " \"" + given + "\" names no route of the account (it has: "
                    + routes.stream().map(Route::name).collect(Collectors.joining(", "))
                    + "): create it with `flowroute routes create`");
        }
        if (matches.size() > 1) {
            throw BadInput.invalid(option, given, "names " + matches.size() + " routes (ids "
                    + matches.stream().map(route -> route.id().orElse("?")).collect(Collectors.joining(", ")) + "): give the id");
        }
        return matches.get(0);
    }

    /** {@code routes list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the account's inbound routes.")
    static final class ListRoutes extends ApiCommand {
        @Option(names = "--type", paramLabel = "TYPE", description = "Only routes of this type: host, pstn, uri or sip-reg (API v2).")
        String type;

        @Option(names = "--limit", paramLabel = "N", description = "Show at most N (default: all).")
        Integer limit;

        private RouteQuery query;

        @Override
        void check() {
            checkLimit(limit);
            query = RouteQuery.builder().routeType(Optional.ofNullable(type).map(ListRoutes::routeType))
                    .pageSize(pageSize(limit)).build();
        }

        private static RouteType routeType(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "host" -> RouteType.HOST;
                case "pstn", "number" -> RouteType.PSTN;
                case "uri" -> RouteType.URI;
                case "sip-reg" -> RouteType.SIP_REG;
                default -> throw BadInput.invalid("--type", text, "must be host, pstn, uri or sip-reg");
            };
        }

        @Override
        Map<String, String> options() {
            return Map.of("routeType", "--type", "pageSize", "--limit");
        }

        @Override
        int run(Session session) {
            try (RowWriter rows = session.rows(COLUMNS);
                    Stream<Route> routes = session.client().routes().list(query).stream()) {
                (limit == null ? routes : routes.limit(limit)).forEach(route -> rows.row(row(route)));
            }
            return Exit.OK;
        }
    }

    /** {@code routes create --host|--pstn|--uri VALUE NAME}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a route to a host, a phone number or a SIP URI.")
    static final class Create extends ApiCommand {
        @Parameters(paramLabel = "NAME", description = "The route's name (v1) or alias (v2), such as office-pbx.")
        String name;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--edge-strategy", paramLabel = "ID", description = "Edge strategy (point of presence) id (API v2).")
        Integer edgeStrategy;

        private NewRoute route;

        /** Where the route goes: exactly one of the three. */
        static final class Target {
            @Option(names = "--host", required = true, paramLabel = "HOST[:PORT]", description = "A host or IP address, such as 24.239.23.40:5060.")
            String host;

            @Option(names = "--pstn", required = true, paramLabel = "NUMBER", description = "A phone number, such as 12065551212.")
            String pstn;

            @Option(names = "--uri", required = true, paramLabel = "SIP-URI", description = "A SIP URI, such as sip:alice@example.com:5060.")
            String uri;
        }

        @Override
        void check() {
            NewRoute created = target.host != null ? NewRoute.host(name, target.host)
                    : target.pstn != null ? NewRoute.pstn(name, target.pstn)
                    : NewRoute.uri(name, target.uri);
            route = edgeStrategy == null ? created : created.withEdgeStrategy(edgeStrategy);
        }

        @Override
        Map<String, String> options() {
            String valueOption = target == null ? "VALUE" : target.host != null ? "--host" : target.pstn != null ? "--pstn" : "--uri";
            return Map.of("name", "NAME", "value", valueOption, "edgeStrategy", "--edge-strategy");
        }

        @Override
        int run(Session session) {
            Route created = session.client().routes().create(route);
            try (RowWriter record = session.record(COLUMNS)) {
                record.row(row(created));
            }
            return Exit.OK;
        }
    }

    /** {@code routes delete ROUTE}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an inbound route (over API v2).")
    static final class Delete extends ApiCommand {
        @Parameters(paramLabel = "ROUTE", description = "The route's v2 id, or its name or alias.")
        String route;

        @Override
        void check() {
            if (route.isBlank()) {
                throw BadInput.invalid("ROUTE", route, "must not be blank");
            }
        }

        @Override
        int run(Session session) {
            // Deleting takes the v2 id, which only a v2 listing tells.
            List<Route> routes = session.v2().routes().list().stream().collect(Collectors.toList());
            Route doomed = resolve(routes, route, "ROUTE");
            String id = doomed.id().orElseThrow(() -> new Refused("route " + doomed.name() + " has no v2 id"));
            session.client().routes().delete(id);
            try (RowWriter record = session.record(List.of(Column.of("id"), Column.of("name"), Column.of("outcome")))) {
                record.row(id, doomed.name(), "deleted");
            }
            return Exit.OK;
        }
    }
}
