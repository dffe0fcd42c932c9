package com.flowroute.numbers.cli;

import com.flowroute.numbers.AreaCode;
import com.flowroute.numbers.AreaCodeQuery;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowroute area-codes}: the area codes with numbers for sale. */
@Command(name = "area-codes", mixinStandardHelpOptions = true,
        description = "List the area codes (NPAs) with numbers for sale.")
final class AreaCodesCommand extends ApiCommand {
    static final List<Column> COLUMNS = List.of(Column.of("areaCode"));

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N (default: all).")
    Integer limit;

    @Option(names = "--max-setup-cost", paramLabel = "DOLLARS", description = "Only those with numbers at most this setup cost (API v2).")
    BigDecimal maxSetupCost;

    private AreaCodeQuery query;

    @Override
    void check() {
        checkLimit(limit);
        query = AreaCodeQuery.builder().pageSize(pageSize(limit)).maxSetupCost(java.util.Optional.ofNullable(maxSetupCost)).build();
    }

    @Override
    Map<String, String> options() {
        return Map.of("maxSetupCost", "--max-setup-cost", "pageSize", "--limit");
    }

    @Override
    int run(Session session) {
        try (RowWriter rows = session.rows(COLUMNS);
                Stream<AreaCode> areaCodes = session.client().availableNumbers().areaCodes(query).stream()) {
            (limit == null ? areaCodes : areaCodes.limit(limit)).forEach(areaCode -> rows.row(areaCode.npa()));
        }
        return Exit.OK;
    }
}
