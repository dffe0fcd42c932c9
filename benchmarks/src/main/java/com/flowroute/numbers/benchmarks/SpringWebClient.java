package com.flowroute.numbers.benchmarks;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Spring's {@link WebClient} (spring-webflux alone, no Spring Boot) on Reactor Netty with a pool
 * like the floor's, at its best: the URLs built once, the body taken as bytes and parsed with
 * the floor's hand-written streaming parser.
 */
final class SpringWebClient implements Contender {
    private final Workload workload;
    private final ConnectionProvider pool;
    private final WebClient client;
    private final HandAuth auth;
    private final URI[] urls = new URI[FixedResponses.ACCOUNT_PAGES + 1];

    SpringWebClient(Workload workload, String origin, String accessKey, String secretKey) {
        this.workload = workload;
        this.pool = ConnectionProvider.builder("webclient")
                .maxConnections(500)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool))).build();
        this.auth = new HandAuth(workload.version, origin, accessKey, secretKey);
        for (int page = 1; page < urls.length; page++) {
            urls[page] = URI.create(origin + workload.path + "?" + workload.query(page));
        }
    }

    @Override
    public String name() {
        return "Spring WebClient";
    }

    @Override
    public Workload workload() {
        return workload;
    }

    @Override
    public boolean blocking() {
        return false;
    }

    @Override
    public void call(Completion done) {
        int page = workload.nextPage();
        String[] headers = auth.headers(workload.path, workload.query(page));
        client.get()
                .uri(urls[page])
                .headers(h -> {
                    h.set("Accept", workload.accept());
                    h.set("User-Agent", NettyFloor.USER_AGENT);
                    for (int i = 0; i < headers.length; i += 2) {
                        h.set(headers[i], headers[i + 1]);
                    }
                })
                .retrieve()
                .bodyToMono(byte[].class)
                .map(workload.parse)
                .subscribe(parsed -> done.complete(parsed.items().size(), null), error -> done.complete(0, error));
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
