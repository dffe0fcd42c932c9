package com.flowroute.numbers.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * (3) What a user would write without the SDK: {@code java.net.http.HttpClient} (HTTP/1.1, its
 * default executor and pool, which has no connection limit) with the same hand-written signing
 * and streaming parse as the floor, so that the difference from the floor is the HTTP stack.
 */
final class JdkHttp implements Contender {
    static final String USER_AGENT = "flowroute-benchmarks/jdk (Java " + System.getProperty("java.version") + ")";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final HandSigner signer;
    private final String origin;

    JdkHttp(String origin, String accessKey, String secretKey) {
        this.signer = new HandSigner(accessKey, secretKey, Clock.systemUTC());
        this.origin = origin;
    }

    @Override
    public String name() {
        return "JDK HttpClient";
    }

    @Override
    public boolean blocking() {
        return false;
    }

    @Override
    public void search(Completion done) {
        HandSigner.Headers signed = signer.sign("GET", origin, FixedResponses.SEARCH_PATH, FixedResponses.SEARCH_QUERY, null);
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + FixedResponses.SEARCH_PATH + "?" + FixedResponses.SEARCH_QUERY))
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("X-Timestamp", signed.timestamp)
                .header("Authorization", signed.authorization)
                .GET()
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    return HandParser.availableNumbers(response.body());
                })
                .whenComplete((page, error) -> {
                    if (error != null) {
                        done.complete(0, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
                    } else {
                        done.complete(page.items().size(), null);
                    }
                });
    }

    @Override
    public void close() {
        // JDK 17's HttpClient has no close(); its threads are daemons and its connections idle out.
    }
}
