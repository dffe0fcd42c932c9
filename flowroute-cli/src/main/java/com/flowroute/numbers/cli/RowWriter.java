package com.flowroute.numbers.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Writes results to stdout in one {@link OutputFormat}: JSON and CSV line by line as results
 * come, a table once all are in (its columns are as wide as their widest value). A value may be
 * a string, a number, a boolean, an {@link Optional} (empty: no value), a collection (a JSON
 * array; joined with {@code ", "} elsewhere) or anything whose {@code toString()} is its text.
 * {@link #row} may be called from any thread.
 */
final class RowWriter implements AutoCloseable {
    // Money as written (1.25, never 1.25E+0).
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private final OutputFormat format;
    private final PrintWriter out;
    private final List<Column> columns;
    private final boolean vertical;
    private final List<String[]> tableRows = new ArrayList<>();
    private int rows;
    private boolean closed;

    private RowWriter(OutputFormat format, PrintWriter out, List<Column> columns, boolean vertical) {
        this.format = format;
        this.out = out;
        this.columns = List.copyOf(columns);
        this.vertical = vertical;
        if (format == OutputFormat.CSV) {
            out.println(columns.stream().map(column -> csv(column.key())).collect(Collectors.joining(",")));
        }
    }

    /** A writer of results with these columns. */
    static RowWriter rows(OutputFormat format, PrintWriter out, List<Column> columns) {
        return new RowWriter(format, out, columns, false);
    }

    /** A writer of one result: as a table, one line per field ({@code NAME  value}). */
    static RowWriter record(OutputFormat format, PrintWriter out, List<Column> columns) {
        return new RowWriter(format, out, columns, true);
    }

    /** Writes one result, its values in the order of the columns. */
    synchronized void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalStateException(values.length + " values for " + columns.size() + " columns");
        }
        rows++;
        switch (format) {
            case JSON -> {
                out.println(json(values));
                out.flush();
            }
            case CSV -> {
                List<String> cells = new ArrayList<>(values.length);
                for (Object value : values) {
                    cells.add(csv(text(value)));
                }
                out.println(String.join(",", cells));
                out.flush();
            }
            case TABLE -> {
                String[] cells = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    cells[i] = printable(text(values[i]));
                }
                tableRows.add(cells);
            }
        }
    }

    /** How many results were written. */
    synchronized int count() {
        return rows;
    }

    /** Writes the table, if the format is one, and flushes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (format == OutputFormat.TABLE) {
            if (vertical) {
                writeVertical();
            } else {
                writeTable();
            }
        }
        out.flush();
    }

    private void writeTable() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).header().length();
        }
        for (String[] cells : tableRows) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        out.println(line(columns.stream().map(Column::header).toArray(String[]::new), widths));
        for (String[] cells : tableRows) {
            out.println(line(cells, widths));
        }
    }

    private void writeVertical() {
        int width = columns.stream().mapToInt(column -> column.header().length()).max().orElse(0);
        for (String[] cells : tableRows) {
            for (int i = 0; i < cells.length; i++) {
                out.println((pad(columns.get(i).header(), width) + "  " + cells[i]).stripTrailing());
            }
        }
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(i == cells.length - 1 ? cells[i] : pad(cells[i], widths[i]) + "  ");
        }
        return line.toString().stripTrailing();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private String json(Object[] values) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < values.length; i++) {
            put(node, columns.get(i).key(), unwrap(values[i]));
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static void put(ObjectNode node, String key, Object value) {
        if (value == null) {
            node.putNull(key);
        } else if (value instanceof Boolean flag) {
            node.put(key, flag);
        } else if (value instanceof BigDecimal decimal) {
            node.put(key, decimal);
        } else if (value instanceof Integer number) {
            node.put(key, number);
        } else if (value instanceof Long number) {
            node.put(key, number);
        } else if (value instanceof Collection<?> items) {
            ArrayNode array = node.putArray(key);
            items.forEach(item -> array.add(String.valueOf(unwrap(item))));
        } else {
            node.put(key, value.toString());
        }
    }

    /** An {@link Optional}'s value or null; anything else unchanged. */
    private static Object unwrap(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.orElse(null);
        }
        if (value instanceof OptionalInt optional) {
            return optional.isPresent() ? optional.getAsInt() : null;
        }
        return value;
    }

    /** A value as table and CSV text: empty for no value. */
    static String text(Object value) {
        Object plain = unwrap(value);
        if (plain == null) {
            return "";
        }
        if (plain instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (plain instanceof Collection<?> items) {
            return items.stream().map(RowWriter::text).collect(Collectors.joining(", "));
        }
        return plain.toString();
    }

    /** RFC 4180: quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
    static String csv(String cell) {
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0 || (!cell.isEmpty() && (cell.charAt(0) == ' ' || cell.charAt(cell.length() - 1) == ' '));
        return quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** Control characters (a server's value could hold terminal escapes) shown as '?' in a table. */
    static String printable(String cell) {
        StringBuilder out = null;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(cell.substring(0, i));
                }
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? cell : out.toString();
    }
}
