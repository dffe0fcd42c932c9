package com.flowroute.numbers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void showsCountRateAndEta() {
        assertEquals("buying [....................] 0/40 -/s ETA -", Progress.render("buying", 0, 40, 0));
        assertEquals("buying [#####...............] 10/40 2.0/s ETA 15s", Progress.render("buying", 10, 40, 5));
        assertEquals("buying [##########..........] 500/1000 1.0/s ETA 8m20s", Progress.render("buying", 500, 1000, 500));
        assertEquals("buying [####################] 40/40 4.0/s done", Progress.render("buying", 40, 40, 10));
    }

    @Test
    void withoutATotalShowsCountAndRate() {
        assertEquals("listing 1200 (300.0/s)", Progress.render("listing", 1200, -1, 4));
    }
}
