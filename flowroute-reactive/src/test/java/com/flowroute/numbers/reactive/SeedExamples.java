package com.flowroute.numbers.reactive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The example responses of the Ruby SDK's README ({@code shared/seed/flowroute-numbers-ruby-README.txt}),
 * kept verbatim in {@code flowroute-core/src/test/resources/seed/}, which this module's test class
 * path includes (see the pom's {@code testResources}).
 */
final class SeedExamples {
    static final String AREA_CODES = read("npas.json");
    static final String EXCHANGES = read("npanxxs.json");
    static final String AVAILABLE_NUMBERS = read("available-tns.json");
    static final String ACCOUNT_NUMBERS = read("account-tns.json");
    static final String NUMBER_DETAILS = read("tn-details.json");
    static final String ROUTES = read("routes.json");

    private SeedExamples() {}

    private static String read(String name) {
        try (InputStream in = SeedExamples.class.getResourceAsStream("/seed/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource /seed/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
