package com.flowroute.numbers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.FlowrouteTransportException;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.internal.v1.V1Wire;
import com.flowroute.numbers.internal.v2.V2Wire;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The streaming decoders of the number listings against the tree decoders they replaced
 * ({@link TreeDecoders}): generated bodies (fields in random order, unknown fields, optional
 * fields missing, numbers as strings and as JSON numbers, repeated keys, values of the wrong
 * kind, truncated and trailing content) must give equal pages, or the same exception with the
 * same message.
 */
class StreamingDecodersTest {
    private static final int BODIES = 4000;

    @Test
    void v1SearchDecodesAsTheTreeDid() {
        compare("v1 search", V1Wire.SEARCH::decode, TreeDecoders::v1Search, StreamingDecodersTest::v1Search);
    }

    @Test
    void v1AccountPageDecodesAsTheTreeDid() {
        compare("v1 account", V1Wire.ACCOUNT_NUMBERS::decode, TreeDecoders::v1Account, StreamingDecodersTest::v1Account);
    }

    @Test
    void v2SearchDecodesAsTheTreeDid() {
        compare("v2 search", V2Wire.SEARCH::decode, TreeDecoders::v2Search, StreamingDecodersTest::v2Search);
    }

    @Test
    void v2AccountPageDecodesAsTheTreeDid() {
        compare("v2 account", V2Wire.ACCOUNT_NUMBERS::decode, TreeDecoders::v2Account, StreamingDecodersTest::v2Account);
    }

    @Test
    void aNumberGivenTwiceIsListedOnceAtItsFirstPlaceWithItsLastValue() {
        String body = "{\"tns\": {\"12066417744\": " + v1Item("1.00") + ", \"12066417667\": " + v1Item("2.00")
                + ", \"12066417744\": " + v1Item("3.00") + "}}";
        Page<AvailableNumber> page = V1Wire.SEARCH.decode(utf8(body));

        assertEquals(List.of("12066417744", "12066417667"), page.items().stream().map(n -> n.number().toString()).toList());
        assertEquals(new BigDecimal("3.00"), page.items().get(0).initialCost());
        assertEquals(TreeDecoders.v1Search(utf8(body)), page);
    }

    @Test
    void aTruncatedBodyIsNotJsonWhateverItsStartHeld() {
        // The first item is refused (a cost that is no number), but the body is cut short: the tree
        // read the whole body first and said so, and so does the stream.
        String body = "{\"tns\": {\"12066417744\": {\"initial_cost\": \"one dollar\"}, \"12066417667\": {\"initial";
        FlowrouteTransportException thrown = org.junit.jupiter.api.Assertions.assertThrows(FlowrouteTransportException.class,
                () -> V1Wire.SEARCH.decode(utf8(body)));

        assertTrue(thrown.getMessage().startsWith("the response is not JSON: "), thrown.getMessage());
    }

    @Test
    void theGeneratedBodiesCoverSuccessesAndEveryKindOfRefusal() {
        // A comparison proves little if every body fails, or none does.
        coverage(StreamingDecodersTest::v1Search, V1Wire.SEARCH::decode);
        coverage(StreamingDecodersTest::v1Account, V1Wire.ACCOUNT_NUMBERS::decode);
        coverage(StreamingDecodersTest::v2Search, V2Wire.SEARCH::decode);
        coverage(StreamingDecodersTest::v2Account, V2Wire.ACCOUNT_NUMBERS::decode);
    }

    private static void coverage(Generator generator, Function<byte[], ? extends Page<?>> decode) {
        int ok = 0;
        int notJson = 0;
        int refused = 0;
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            try {
                decode.apply(utf8(generator.body(random)));
                ok++;
            } catch (FlowrouteTransportException e) {
                if (e.getMessage().startsWith("the response is not JSON")) {
                    notJson++;
                } else {
                    refused++;
                }
            }
        }
        String counts = ok + " decoded, " + notJson + " not JSON, " + refused + " refused";
        assertTrue(ok > 150 && notJson > 20 && refused > 100, counts);
    }

    // ---- comparison -------------------------------------------------------------------------------

    private interface Generator {
        String body(Random random);
    }

    private static <T> void compare(String name, Function<byte[], Page<T>> streamed, Function<byte[], Page<T>> tree,
            Generator generator) {
        for (int i = 0; i < BODIES; i++) {
            Random random = new Random(i * 31L + name.hashCode());
            String body = generator.body(random);
            Object expected = outcome(tree, body);
            Object actual = outcome(streamed, body);
            if (!expected.equals(actual)) {
                fail(name + " body #" + i + ":\n" + body + "\ntree:   " + expected + "\nstream: " + actual);
            }
        }
    }

    // The page, or the exception's class and message.
    private static <T> Object outcome(Function<byte[], Page<T>> decode, String body) {
        try {
            return decode.apply(utf8(body));
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- v1 bodies ----------------------------------------------------------------------------------

    private static String v1Item(String cost) {
        return "{\"initial_cost\": \"" + cost + "\", \"monthly_cost\": \"1.25\", \"billing_methods\": [\"METERED\"],"
                + " \"ratecenter\": \"SEATTLE\", \"state\": \"WA\"}";
    }

    private static String v1Search(Random random) {
        return v1Document(random, () -> {
            List<String> fields = new ArrayList<>();
            field(random, fields, "initial_cost", money(random));
            field(random, fields, "monthly_cost", money(random));
            field(random, fields, "billing_methods", billingMethods(random));
            field(random, fields, "ratecenter", text(random, "SEATTLE"));
            field(random, fields, "state", text(random, "WA"));
            return object(random, fields);
        });
    }

    private static String v1Account(Random random) {
        return v1Document(random, () -> {
            List<String> fields = new ArrayList<>();
            field(random, fields, "billing_method", oneIn(random, 25) ? weird(random) : text(random, "METERED"));
            field(random, fields, "routes", routes(random));
            if (random.nextBoolean()) {
                fields.add("\"detail\": \"/v1/tns/12066417744\"");
            }
            return object(random, fields);
        });
    }

    private interface Item {
        String json();
    }

    private static String v1Document(Random random, Item item) {
        List<String> top = new ArrayList<>();
        if (!oneIn(random, 30)) {
            String tns;
            if (oneIn(random, 40)) {
                tns = weird(random);
            } else {
                List<String> entries = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                int n = random.nextInt(8);
                for (int i = 0; i < n; i++) {
                    String key = !keys.isEmpty() && oneIn(random, 15) ? keys.get(random.nextInt(keys.size())) : key(random);
                    keys.add(key);
                    entries.add("\"" + key + "\": " + (oneIn(random, 60) ? weird(random) : item.json()));
                }
                tns = "{" + String.join(", ", entries) + "}";
            }
            top.add("\"tns\": " + tns);
        }
        if (random.nextInt(3) > 0) {
            List<String> links = new ArrayList<>();
            field(random, links, "next", link(random));
            field(random, links, "prev", link(random));
            top.add("\"links\": " + (oneIn(random, 30) ? weird(random) : "{" + String.join(", ", links) + "}"));
        }
        if (oneIn(random, 4)) {
            top.add("\"meta\": {\"count\": 3, \"list\": [1, {\"a\": null}, \"x\"]}");
        }
        Collections.shuffle(top, random);
        return damaged(random, "{" + String.join(", ", top) + "}");
    }

    private static String key(Random random) {
        if (oneIn(random, 40)) {
            return random.nextBoolean() ? "2066417744" : "1206641774x";
        }
        // Mostly in ascending order, as accounts list them; sometimes not.
        return "1" + (2 + random.nextInt(8)) + digits(random, 2) + (2 + random.nextInt(8)) + digits(random, 6);
    }

    private static String routes(Random random) {
        if (oneIn(random, 30)) {
            return weird(random);
        }
        List<String> routes = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (oneIn(random, 40)) {
                routes.add(weird(random));
                continue;
            }
            List<String> fields = new ArrayList<>();
            field(random, fields, "name", text(random, "HOSTroute1"));
            field(random, fields, "type", text(random, random.nextBoolean() ? "HOST" : "SIP-REG"));
            field(random, fields, "value", random.nextBoolean() ? "null" : text(random, "24.239.23.40:5060"));
            routes.add(object(random, fields));
        }
        return "[" + String.join(", ", routes) + "]";
    }

    private static String billingMethods(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "\"METERED\"";
            case 1 -> "[]";
            case 2 -> "[\"METERED\", \"VOLUME\"]";
            case 3 -> "[null]";
            case 4 -> "[{\"a\": 1}]";
            case 5 -> "[\" \"]";
            case 6 -> "5";
            case 7 -> "null";
            case 8 -> "[3, true]";
            default -> "[\"METERED\"]";
        };
    }

    private static String link(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "\"\"";
            case 1 -> "null";
            case 2 -> "2";
            case 3 -> "{\"href\": \"/v1/x\"}";
            default -> "\"/v1/tns/?limit=3&page=" + random.nextInt(9) + "\"";
        };
    }

    // ---- v2 bodies ----------------------------------------------------------------------------------

    private static String v2Search(Random random) {
        return v2Document(random, () -> {
            List<String> attributes = new ArrayList<>();
            String number = key(random);
            field(random, attributes, "value", oneIn(random, 20) ? number : "\"" + number + "\"");
            field(random, attributes, "rate_center", text(random, "seattle"));
            field(random, attributes, "state", text(random, "wa"));
            field(random, attributes, "monthly_cost", money(random));
            field(random, attributes, "setup_cost", money(random));
            field(random, attributes, "number_type", text(random, "standard"));
            return resource(random, number, attributes);
        });
    }

    private static String v2Account(Random random) {
        return v2Document(random, () -> {
            List<String> attributes = new ArrayList<>();
            String number = key(random);
            field(random, attributes, "value", "\"" + number + "\"");
            field(random, attributes, "alias", random.nextBoolean() ? "null" : text(random, "NYC main"));
            field(random, attributes, "rate_center", text(random, "oradell"));
            field(random, attributes, "state", text(random, "nj"));
            field(random, attributes, "number_type", text(random, "standard"));
            field(random, attributes, "cnam_lookups_enabled", bool(random));
            return resource(random, number, attributes);
        });
    }

    private static String resource(Random random, String number, List<String> attributes) {
        List<String> fields = new ArrayList<>();
        fields.add("\"type\": \"number\"");
        field(random, fields, "id", random.nextBoolean() ? number : "\"" + number + "\"");
        fields.add("\"attributes\": " + (oneIn(random, 40) ? weird(random) : object(random, attributes)));
        if (random.nextBoolean()) {
            fields.add("\"links\": {\"self\": \"https://api.flowroute.com/v2/numbers/" + number + "\"}");
        }
        if (oneIn(random, 5)) {
            fields.add("\"relationships\": {\"primary_route\": {\"data\": {\"type\": \"route\", \"id\": \"0\"}}}");
        }
        Collections.shuffle(fields, random);
        return "{" + String.join(", ", fields) + "}";
    }

    private static String v2Document(Random random, Item item) {
        List<String> top = new ArrayList<>();
        if (!oneIn(random, 30)) {
            String data;
            if (oneIn(random, 40)) {
                data = weird(random);
            } else {
                List<String> resources = new ArrayList<>();
                int n = random.nextInt(8);
                for (int i = 0; i < n; i++) {
                    resources.add(oneIn(random, 80) ? weird(random) : item.json());
                }
                data = "[" + String.join(", ", resources) + "]";
            }
            top.add("\"data\": " + data);
        }
        if (random.nextInt(3) > 0) {
            List<String> links = new ArrayList<>();
            links.add("\"self\": \"https://api.flowroute.com/v2/numbers?limit=3&offset=0\"");
            field(random, links, "next", link(random));
            top.add("\"links\": " + (oneIn(random, 30) ? weird(random) : "{" + String.join(", ", links) + "}"));
        }
        if (oneIn(random, 4)) {
            top.add("\"included\": [{\"type\": \"route\", \"id\": 5}]");
        }
        Collections.shuffle(top, random);
        return damaged(random, "{" + String.join(", ", top) + "}");
    }

    private static String bool(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "\"TRUE\"";
            case 1 -> "\"yes\"";
            case 2 -> "1";
            case 3 -> "null";
            case 4 -> "[true]";
            default -> random.nextBoolean() ? "true" : "false";
        };
    }

    // ---- shared pieces ------------------------------------------------------------------------------

    // A field, or (sometimes) none, or (rarely) the field twice.
    private static void field(Random random, List<String> fields, String name, String value) {
        if (oneIn(random, 15)) {
            return;
        }
        if (oneIn(random, 40)) {
            fields.add("\"" + name + "\": " + weird(random));
        }
        fields.add("\"" + name + "\": " + value);
    }

    // The fields in random order, with an unknown one now and then.
    private static String object(Random random, List<String> fields) {
        List<String> all = new ArrayList<>(fields);
        if (oneIn(random, 3)) {
            all.add("\"future_field\": " + weird(random));
        }
        Collections.shuffle(all, random);
        return "{" + String.join(", ", all) + "}";
    }

    private static String money(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> "1.25";
            case 1 -> "1";
            case 2 -> "\"1.5e2\"";
            case 3 -> "0.10";
            case 4 -> "1e2";
            case 5 -> "\" 2.50 \"";
            case 6 -> "-0";
            case 7 -> oneIn(random, 3) ? "\"one dollar\"" : "\"1.00\"";
            case 8 -> oneIn(random, 3) ? "true" : "\"1.00\"";
            case 9 -> oneIn(random, 3) ? "{\"amount\": 1}" : "2.5";
            case 10 -> oneIn(random, 3) ? "null" : "\"0.00\"";
            default -> "\"1.00\"";
        };
    }

    private static String text(Random random, String usual) {
        return switch (random.nextInt(40)) {
            case 0 -> "12";
            case 1 -> "1.50";
            case 2 -> "false";
            case 3 -> "null";
            case 4 -> "\"\"";
            case 5 -> "\" \"";
            case 6 -> "[\"" + usual + "\"]";
            case 7 -> "\"tab\\there\"";
            case 8 -> "\"caf\u00e9 \\\"x\\\"\"";
            default -> "\"" + usual + "\"";
        };
    }

    private static String weird(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "\"text\"";
            case 1 -> "42";
            case 2 -> "true";
            case 3 -> "null";
            case 4 -> "[1, [2], {\"a\": \"b\"}]";
            case 5 -> "{\"nested\": {\"deeper\": [null]}}";
            case 6 -> "-1.5e-3";
            default -> "{}";
        };
    }

    // Now and then the body is cut short, followed by something, or not an object at all.
    private static String damaged(Random random, String body) {
        return switch (random.nextInt(40)) {
            case 0, 1 -> body.substring(0, random.nextInt(body.length()));
            case 2 -> body + " <html></html>";
            case 3 -> body + " {}";
            case 4 -> "[" + body + "]";
            case 5 -> random.nextBoolean() ? "null" : "  \n";
            default -> body;
        };
    }

    private static boolean oneIn(Random random, int n) {
        return random.nextInt(n) == 0;
    }

    private static String digits(Random random, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }
}
