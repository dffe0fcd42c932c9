package com.flowroute.numbers.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr for bulk work: {@code buying [#######.............] 7/20 3.5/s ETA 4s},
 * or without a known total {@code listing 1200 (310/s)}. Redrawn in place ({@code \r}) at each
 * step; shown only when stderr is a terminal and {@code --quiet} is off, so nothing of it reaches
 * a pipe or a log file. Steps may come from any thread.
 */
class Progress implements AutoCloseable {
    private static final int BAR_WIDTH = 20;
    private static final Progress NONE = new Progress();

    private final PrintWriter err;
    private final String label;
    private final int total;
    private final LongSupplier nanoTime;
    private final long started;
    private int done;
    private int lastWidth;
    private boolean closed;

    private Progress() {
        this.err = null;
        this.label = "";
        this.total = -1;
        this.nanoTime = System::nanoTime;
        this.started = 0;
    }

    private Progress(PrintWriter err, String label, int total, LongSupplier nanoTime) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        draw();
    }

    /** A bar that draws nothing. */
    static Progress none() {
        return NONE;
    }

    /** A bar for {@code total} steps ({@code -1}: unknown) drawn on {@code err} from now. */
    static Progress bar(PrintWriter err, String label, int total, LongSupplier nanoTime) {
        return new Progress(err, label, total, nanoTime);
    }

    /** One more step done. */
    synchronized void step() {
        if (err == null || closed) {
            return;
        }
        done++;
        draw();
    }

    /** Ends the bar's line, leaving its last state on screen. */
    @Override
    public synchronized void close() {
        if (err == null || closed) {
            return;
        }
        closed = true;
        err.println();
        err.flush();
    }

    private void draw() {
        String text = render(label, done, total, (nanoTime.getAsLong() - started) / 1e9);
        // Spaces wipe what a longer previous line left behind.
        String wipe = text.length() < lastWidth ? " ".repeat(lastWidth - text.length()) : "";
        lastWidth = text.length();
        err.print("\r" + text + wipe);
        err.flush();
    }

    /** The bar's text after {@code done} of {@code total} steps in {@code seconds}. */
    static String render(String label, int done, int total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        String speed = rate > 0 ? String.format(Locale.ROOT, "%.1f/s", rate) : "-/s";
        if (total < 0) {
            return label + " " + done + " (" + speed + ")";
        }
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
        String eta = done >= total ? "done" : rate > 0 ? "ETA " + duration((total - done) / rate) : "ETA -";
        return label + " [" + bar + "] " + done + "/" + total + " " + speed + " " + eta;
    }

    private static String duration(double seconds) {
        long s = (long) Math.ceil(seconds);
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s"
                : (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
