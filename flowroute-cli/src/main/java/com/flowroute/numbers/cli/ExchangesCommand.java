package com.flowroute.numbers.cli;

import com.flowroute.numbers.Exchange;
import com.flowroute.numbers.ExchangeQuery;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowroute exchanges --area-code 206}: the exchanges with numbers for sale. */
@Command(name = "exchanges", mixinStandardHelpOptions = true,
        description = "List the exchanges (NPA-NXX) with numbers for sale.")
final class ExchangesCommand extends ApiCommand {
    static final List<Column> COLUMNS = List.of(Column.of("areaCode"), Column.of("exchange"));

    @Option(names = "--area-code", paramLabel = "NPA", description = "Only this area code's exchanges, such as 206.")
    String areaCode;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N (default: all).")
    Integer limit;

    @Option(names = "--max-setup-cost", paramLabel = "DOLLARS", description = "Only those with numbers at most this setup cost (API v2).")
    BigDecimal maxSetupCost;

    private ExchangeQuery query;

    @Override
    void check() {
        checkLimit(limit);
        query = ExchangeQuery.builder().npa(Optional.ofNullable(areaCode)).pageSize(pageSize(limit))
                .maxSetupCost(Optional.ofNullable(maxSetupCost)).build();
    }

    @Override
    Map<String, String> options() {
        return Map.of("npa", "--area-code", "maxSetupCost", "--max-setup-cost", "pageSize", "--limit");
    }

    @Override
    int run(Session session) {
        try (RowWriter rows = session.rows(COLUMNS);
                Stream<Exchange> exchanges = session.client().availableNumbers().exchanges(query).stream()) {
            (limit == null ? exchanges : exchanges.limit(limit)).forEach(exchange -> rows.row(exchange.npa(), exchange.nxx()));
        }
        return Exit.OK;
    }
}
