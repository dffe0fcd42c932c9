package com.flowroute.numbers.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a user would write without the SDK: {@code java.net.http.HttpClient} (HTTP/1.1) with the
 * same hand-written authentication and streaming parse as the floor, so that the difference
 * from the floor is the HTTP stack. Three ways to use it: asynchronously on its default executor
 * (a cached pool, which on two cores starts threads to hand each response over: the slow way,
 * labelled as such), asynchronously on a fixed executor of one thread per core, and
 * synchronously ({@code send}) from a pool of caller threads, one per call in flight.
 */
final class JdkHttp implements Contender {
    static final String USER_AGENT = "flowroute-benchmarks/jdk (Java " + System.getProperty("java.version") + ")";

    /** How the client is driven. */
    enum Mode {
        DEFAULT_EXECUTOR("JDK HttpClient, default executor"),
        FIXED_EXECUTOR("JDK HttpClient, executor of " + Runtime.getRuntime().availableProcessors() + " threads"),
        THREAD_POOL("JDK HttpClient, send() from a thread pool");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private final Workload workload;
    private final Mode mode;
    private final ExecutorService executor;
    private final HttpClient client;
    private final HandAuth auth;
    // Built once, at its best: one URI per page (the search has one).
    private final URI[] urls = new URI[FixedResponses.ACCOUNT_PAGES + 1];

    JdkHttp(Workload workload, Mode mode, String origin, String accessKey, String secretKey) {
        this.workload = workload;
        this.mode = mode;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (mode == Mode.FIXED_EXECUTOR) {
            AtomicInteger number = new AtomicInteger();
            this.executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
                Thread thread = new Thread(task, String.format(Locale.ROOT, "jdk-fixed-%d", number.incrementAndGet()));
                thread.setDaemon(true);
                return thread;
            });
            builder.executor(executor);
        } else {
            this.executor = null;
        }
        this.client = builder.build();
        this.auth = new HandAuth(workload.version, origin, accessKey, secretKey);
        for (int page = 1; page < urls.length; page++) {
            urls[page] = URI.create(origin + workload.path + "?" + workload.query(page));
        }
    }

    @Override
    public String name() {
        return mode.label;
    }

    @Override
    public Workload workload() {
        return workload;
    }

    @Override
    public boolean blocking() {
        return mode == Mode.THREAD_POOL;
    }

    private HttpRequest request() {
        int page = workload.nextPage();
        String query = workload.query(page);
        HttpRequest.Builder request = HttpRequest.newBuilder(urls[page])
                .header("Accept", workload.accept())
                .header("User-Agent", USER_AGENT);
        String[] headers = auth.headers(workload.path, query);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.GET().build();
    }

    @Override
    public void call(Completion done) {
        if (mode == Mode.THREAD_POOL) {
            int items;
            try {
                HttpResponse<byte[]> response = client.send(request(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
                items = workload.parse.apply(response.body()).items().size();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                done.complete(0, e);
                return;
            }
            done.complete(items, null);
            return;
        }
        client.sendAsync(request(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    return workload.parse.apply(response.body());
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
        if (executor != null) {
            executor.shutdown();
        }
    }
}
