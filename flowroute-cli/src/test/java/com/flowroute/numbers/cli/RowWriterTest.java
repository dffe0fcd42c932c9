package com.flowroute.numbers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RowWriterTest {
    private static final List<Column> COLUMNS = List.of(Column.of("name"), new Column("monthlyCost", "MONTHLY"),
            Column.of("routes"), Column.of("alias"));

    @Test
    void tablesAlignColumnsAndShowControlCharactersAsQuestionMarks() {
        String table = write(OutputFormat.TABLE, COLUMNS, rows -> {
            rows.row("pbx", new BigDecimal("1.25"), List.of("a", "b"), Optional.empty());
            rows.row("evil\u001b[2J", new BigDecimal("10"), List.of(), Optional.of("x"));
        });

        assertEquals("NAME      MONTHLY  ROUTES  ALIAS\n"
                + "pbx       1.25     a, b\n"
                + "evil?[2J  10               x\n", table);
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndWritesAHeaderOfKeys() {
        String csv = write(OutputFormat.CSV, COLUMNS, rows -> {
            rows.row("a,b", new BigDecimal("1.25"), List.of("x", "y"), Optional.of("say \"hi\""));
            rows.row(" padded", BigDecimal.ONE, List.of(), Optional.empty());
        });

        assertEquals("name,monthlyCost,routes,alias\n"
                + "\"a,b\",1.25,\"x, y\",\"say \"\"hi\"\"\"\n"
                + "\" padded\",1,,\n", csv);
    }

    @Test
    void jsonLinesKeepTypesAndWriteNullForNoValue() {
        String json = write(OutputFormat.JSON, COLUMNS, rows -> rows.row("pbx", new BigDecimal("1E+1"), List.of("a"), Optional.empty()));

        assertEquals("{\"name\":\"pbx\",\"monthlyCost\":10,\"routes\":[\"a\"],\"alias\":null}\n", json);
    }

    @Test
    void aRecordIsOneFieldPerLineAsATable() {
        String record = write(OutputFormat.TABLE, List.of(Column.of("number"), Column.of("rateCenter")),
                rows -> rows.row("12066417744", Optional.empty()), true);

        assertEquals("NUMBER       12066417744\nRATE CENTER\n", record);
    }

    private static String write(OutputFormat format, List<Column> columns, Consumer<RowWriter> rows) {
        return write(format, columns, rows, false);
    }

    private static String write(OutputFormat format, List<Column> columns, Consumer<RowWriter> rows, boolean record) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        try (RowWriter writer = record ? RowWriter.record(format, out, columns) : RowWriter.rows(format, out, columns)) {
            rows.accept(writer);
        }
        return text.toString().replace(System.lineSeparator(), "\n");
    }
}
