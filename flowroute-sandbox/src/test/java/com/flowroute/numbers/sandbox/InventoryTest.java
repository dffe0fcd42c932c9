package com.flowroute.numbers.sandbox;

import static com.flowroute.numbers.sandbox.RawClient.json;
import static com.flowroute.numbers.sandbox.RawClient.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The seeded inventory is large, realistic and the same for the same seed. */
class InventoryTest {
    @Test
    void theDefaultInventoryIsLargeAndRealistic() {
        try (FlowrouteSandbox sandbox = FlowrouteSandbox.start()) {
            RawClient client = new RawClient(sandbox);
            JsonNode npas = json(client.get("/v1/available-tns/npas/", "limit", "200")).get("npas");
            assertTrue(npas.size() >= 40, "area codes: " + npas.size());

            // Walk every page of the whole inventory, following links.next as a client would.
            List<String> numbers = new ArrayList<>();
            Map<String, String> placeOfAreaCode = new TreeMap<>();
            Set<String> states = new TreeSet<>();
            String next = "/v1/available-tns/tns/?limit=200";
            int pages = 0;
            while (next != null) {
                String[] pathAndQuery = next.split("\\?");
                List<String> nameValues = new ArrayList<>();
                for (String pair : pathAndQuery[1].split("&")) {
                    nameValues.addAll(List.of(pair.split("=")));
                }
                JsonNode page = json(client.get(pathAndQuery[0], nameValues.toArray(new String[0])));
                page.get("tns").properties().forEach(entry -> {
                    numbers.add(entry.getKey());
                    PhoneNumber number = PhoneNumber.parse(entry.getKey());
                    assertEquals(entry.getKey(), number.toString(), "11-digit NANP wire form");
                    JsonNode listing = entry.getValue();
                    assertEquals("1.00", listing.get("initial_cost").asText());
                    assertEquals("1.25", listing.get("monthly_cost").asText());
                    assertEquals("[\"METERED\"]", listing.get("billing_methods").toString());
                    placeOfAreaCode.put(number.npa(), listing.get("ratecenter").asText() + " " + listing.get("state").asText());
                    states.add(listing.get("state").asText());
                });
                next = page.has("links") && page.get("links").has("next") ? page.get("links").get("next").asText() : null;
                pages++;
            }

            assertEquals(10_000, numbers.size());
            assertEquals(50, pages);
            assertEquals(numbers.stream().sorted().distinct().toList(), numbers, "sorted, no duplicates");
            assertEquals(10_000, sandbox.availableCount());
            assertTrue(states.size() >= 15, "states and provinces: " + states);
            assertTrue(states.containsAll(Set.of("ON", "BC", "QC")), "Canadian provinces: " + states);
            assertEquals(keys(npas), new ArrayList<>(placeOfAreaCode.keySet()));
            for (Map.Entry<String, String> known : Map.of("206", "SEATTLE WA", "212", "NEW YORK NY", "213", "LOS ANGELES CA",
                    "312", "CHICAGO IL", "416", "TORONTO ON", "604", "VANCOUVER BC", "514", "MONTREAL QC",
                    "305", "MIAMI FL").entrySet()) {
                assertEquals(known.getValue(), placeOfAreaCode.get(known.getKey()), known.getKey());
            }
        }
    }

    @Test
    void everyAreaCodeHasSeveralExchanges() {
        try (FlowrouteSandbox sandbox = FlowrouteSandbox.start()) {
            RawClient client = new RawClient(sandbox);
            List<String> exchanges = new ArrayList<>(keys(json(client.get("/v1/available-tns/npanxxs/", "limit", "200"))
                    .get("npanxxs")));
            exchanges.addAll(keys(json(client.get("/v1/available-tns/npanxxs/", "limit", "200", "page", "2")).get("npanxxs")));
            Map<String, Integer> perAreaCode = new TreeMap<>();
            for (String npaNxx : exchanges) {
                assertTrue(npaNxx.charAt(3) >= '2', "an NXX does not start with 0 or 1: " + npaNxx);
                perAreaCode.merge(npaNxx.substring(0, 3), 1, Integer::sum);
            }
            perAreaCode.forEach((npa, count) -> assertTrue(count >= 3, npa + " has " + count + " exchanges"));
            assertEquals(json(client.get("/v1/available-tns/npas/", "limit", "200")).get("npas").size(), perAreaCode.size());
            assertEquals(exchanges.stream().sorted().distinct().toList(), exchanges);
        }
    }

    @Test
    void theSameSeedGivesTheSameInventory() {
        try (FlowrouteSandbox one = FlowrouteSandbox.builder().seed(7).start();
                FlowrouteSandbox two = FlowrouteSandbox.builder().seed(7).start();
                FlowrouteSandbox other = FlowrouteSandbox.builder().seed(8).start()) {
            String[] query = {"npa", "3", "limit", "200", "page", "2"};
            String fromOne = new RawClient(one).get("/v1/available-tns/tns/", query).body();

            assertEquals(fromOne, new RawClient(two).get("/v1/available-tns/tns/", query).body());
            assertNotEquals(fromOne, new RawClient(other).get("/v1/available-tns/tns/", query).body());
        }
        assertEquals(NumberPlan.generate(7, 10_000).numbers(), NumberPlan.generate(7, 10_000).numbers());
        assertEquals(NumberPlan.generate(7, 10_000).exchanges().keySet(), NumberPlan.generate(7, 10_000).exchanges().keySet());
        assertNotEquals(NumberPlan.generate(7, 10_000).numbers(), NumberPlan.generate(8, 10_000).numbers());
    }

    @Test
    void theDocumentedNumbersAreForSaleWhateverTheSeed() {
        for (long seed : new long[] {1, 42, -5, Long.MAX_VALUE}) {
            List<String> numbers = NumberPlan.generate(seed, 10_000).numbers();
            assertTrue(numbers.containsAll(List.of("12066417744", "12066417667", "12066417669")), "seed " + seed);
        }
    }

    @Test
    void theInventorySizeIsConfigurable() {
        try (FlowrouteSandbox small = FlowrouteSandbox.builder().inventorySize(500).start();
                FlowrouteSandbox large = FlowrouteSandbox.builder().inventorySize(50_000).start();
                FlowrouteSandbox empty = FlowrouteSandbox.builder().inventorySize(0).start()) {
            assertEquals(500, small.availableCount());
            assertEquals(50_000, large.availableCount());
            assertEquals(0, empty.availableCount());
            assertEquals("{}", new RawClient(empty).get("/v1/available-tns/npas/").body());
            assertEquals("{}", new RawClient(empty).get("/v1/available-tns/tns/").body());
        }
        assertThrows(IllegalArgumentException.class, () -> FlowrouteSandbox.builder().inventorySize(-1));
        assertThrows(IllegalArgumentException.class, () -> FlowrouteSandbox.builder().inventorySize(Integer.MAX_VALUE));
    }
}
