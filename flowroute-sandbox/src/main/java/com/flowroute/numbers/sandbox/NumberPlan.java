package com.flowroute.numbers.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sandbox's purchasable inventory, generated from a seed: real area codes of the US and
 * Canada with their principal rate centers, and three toll-free codes, a few exchanges each, and
 * numbers spread over them.
 * The same seed and size always give the same inventory.
 */
final class NumberPlan {
    /** Where an exchange is: its rate center and two-letter state or province. */
    static final class Place {
        final String rateCenter;
        final String state;

        Place(String rateCenter, String state) {
            this.rateCenter = rateCenter;
            this.state = state;
        }
    }

    // Area code, principal rate center, state or province.
    private static final String[][] AREA_CODES = {
        {"202", "WASHINGTON", "DC"},
        {"204", "WINNIPEG", "MB"},
        {"206", "SEATTLE", "WA"},
        {"210", "SAN ANTONIO", "TX"},
        {"212", "NEW YORK", "NY"},
        {"213", "LOS ANGELES", "CA"},
        {"214", "DALLAS", "TX"},
        {"215", "PHILADELPHIA", "PA"},
        {"216", "CLEVELAND", "OH"},
        {"250", "VICTORIA", "BC"},
        {"253", "TACOMA", "WA"},
        {"303", "DENVER", "CO"},
        {"305", "MIAMI", "FL"},
        {"306", "REGINA", "SK"},
        {"312", "CHICAGO", "IL"},
        {"313", "DETROIT", "MI"},
        {"314", "ST LOUIS", "MO"},
        {"403", "CALGARY", "AB"},
        {"404", "ATLANTA", "GA"},
        {"407", "ORLANDO", "FL"},
        {"408", "SAN JOSE", "CA"},
        {"410", "BALTIMORE", "MD"},
        {"412", "PITTSBURGH", "PA"},
        {"415", "SAN FRANCISCO", "CA"},
        {"416", "TORONTO", "ON"},
        {"418", "QUEBEC", "QC"},
        {"503", "PORTLAND", "OR"},
        {"504", "NEW ORLEANS", "LA"},
        {"505", "ALBUQUERQUE", "NM"},
        {"509", "SPOKANE", "WA"},
        {"512", "AUSTIN", "TX"},
        {"513", "CINCINNATI", "OH"},
        {"514", "MONTREAL", "QC"},
        {"518", "ALBANY", "NY"},
        {"520", "TUCSON", "AZ"},
        {"602", "PHOENIX", "AZ"},
        {"604", "VANCOUVER", "BC"},
        {"612", "MINNEAPOLIS", "MN"},
        {"613", "OTTAWA", "ON"},
        {"614", "COLUMBUS", "OH"},
        {"615", "NASHVILLE", "TN"},
        {"617", "BOSTON", "MA"},
        {"619", "SAN DIEGO", "CA"},
        {"651", "ST PAUL", "MN"},
        {"702", "LAS VEGAS", "NV"},
        {"704", "CHARLOTTE", "NC"},
        {"713", "HOUSTON", "TX"},
        {"716", "BUFFALO", "NY"},
        {"775", "RENO", "NV"},
        {"780", "EDMONTON", "AB"},
        {"801", "SALT LAKE CITY", "UT"},
        {"813", "TAMPA", "FL"},
        {"816", "KANSAS CITY", "MO"},
        {"901", "MEMPHIS", "TN"},
        {"902", "HALIFAX", "NS"},
        {"916", "SACRAMENTO", "CA"},
        {"919", "RALEIGH", "NC"},
        // Toll-free codes (SandboxState.numberType: 8XX with a repeated digit), last so that the
        // exchanges the seed draws for the geographic codes above stay the same.
        {"800", "TOLLFREE", "US"},
        {"833", "TOLLFREE", "US"},
        {"888", "TOLLFREE", "US"},
    };

    // The numbers of the v1 documentation's search example are always for sale, so that the
    // documented requests (and the signature vectors built from them) work against a sandbox.
    private static final String DOCUMENTED_EXCHANGE = "206641";
    private static final int[] DOCUMENTED_LINES = {7744, 7667, 7669};

    private static final int LINES_PER_EXCHANGE = 10_000;
    private static final int MIN_EXCHANGES_PER_AREA_CODE = 3;
    private static final int MAX_EXCHANGES_PER_AREA_CODE = 6;

    private final NavigableMap<String, Place> exchanges;
    private final List<String> numbers;

    private NumberPlan(NavigableMap<String, Place> exchanges, List<String> numbers) {
        this.exchanges = exchanges;
        this.numbers = numbers;
    }

    /**
     * Generates the inventory.
     *
     * @param seed drives which exchanges exist and which numbers are for sale
     * @param size how many numbers are for sale, 0 or more, at most {@link #capacity()}
     */
    static NumberPlan generate(long seed, int size) {
        if (size < 0 || size > capacity()) {
            throw new IllegalArgumentException("inventorySize " + size + " is invalid: must be between 0 and "
                    + capacity());
        }
        Random random = new Random(seed);
        NavigableMap<String, Place> exchanges = new TreeMap<>();
        for (String[] areaCode : AREA_CODES) {
            Place place = new Place(areaCode[1], areaCode[2]);
            for (String nxx : pickExchanges(areaCode[0], random)) {
                exchanges.put(areaCode[0] + nxx, place);
            }
        }
        List<String> npaNxxs = new ArrayList<>(exchanges.keySet());
        // Spread the numbers evenly, the remainder going to exchanges drawn from the seed.
        int[] counts = new int[npaNxxs.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            counts[i] = size / counts.length;
            order.add(i);
        }
        Collections.shuffle(order, random);
        for (int i = 0; i < size % counts.length; i++) {
            counts[order.get(i)]++;
        }
        TreeSet<String> numbers = new TreeSet<>();
        for (int i = 0; i < counts.length; i++) {
            String npaNxx = npaNxxs.get(i);
            for (int line : pickLines(npaNxx, counts[i], random)) {
                numbers.add("1" + npaNxx + String.format("%04d", line));
            }
        }
        return new NumberPlan(Collections.unmodifiableNavigableMap(exchanges), List.copyOf(numbers));
    }

    /** The most numbers an inventory can hold: every line of every exchange. */
    static int capacity() {
        return AREA_CODES.length * MIN_EXCHANGES_PER_AREA_CODE * LINES_PER_EXCHANGE;
    }

    /** Every exchange ({@code npa + nxx}), sorted, with its place; some may have no numbers for sale. */
    NavigableMap<String, Place> exchanges() {
        return exchanges;
    }

    /** The numbers for sale, 11 digits each, sorted. */
    List<String> numbers() {
        return numbers;
    }

    private static Set<String> pickExchanges(String npa, Random random) {
        int count = MIN_EXCHANGES_PER_AREA_CODE
                + random.nextInt(MAX_EXCHANGES_PER_AREA_CODE - MIN_EXCHANGES_PER_AREA_CODE + 1);
        Set<String> picked = new TreeSet<>();
        if (DOCUMENTED_EXCHANGE.startsWith(npa)) {
            picked.add(DOCUMENTED_EXCHANGE.substring(3));
        }
        while (picked.size() < count) {
            int nxx = 200 + random.nextInt(800);
            if (isAssignable(nxx)) {
                picked.add(Integer.toString(nxx));
            }
        }
        return picked;
    }

    // N11 codes are service codes (411, 911...), 555 is reserved for directory and fiction, and
    // 950/958/959/976 are carrier or test codes: no real number lives there.
    private static boolean isAssignable(int nxx) {
        return nxx % 100 != 11 && nxx != 555 && nxx != 950 && nxx != 958 && nxx != 959 && nxx != 976;
    }

    private static int[] pickLines(String npaNxx, int count, Random random) {
        int[] pool = new int[LINES_PER_EXCHANGE];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i;
        }
        int fixed = 0;
        if (npaNxx.equals(DOCUMENTED_EXCHANGE)) {
            for (int line : DOCUMENTED_LINES) {
                swap(pool, fixed++, line);
            }
        }
        // A partial Fisher-Yates shuffle: the first `count` slots become a random sample.
        for (int i = fixed; i < count; i++) {
            swap(pool, i, i + random.nextInt(pool.length - i));
        }
        int[] lines = new int[count];
        System.arraycopy(pool, 0, lines, 0, count);
        return lines;
    }

    private static void swap(int[] pool, int i, int j) {
        int held = pool[i];
        pool[i] = pool[j];
        pool[j] = held;
    }
}
