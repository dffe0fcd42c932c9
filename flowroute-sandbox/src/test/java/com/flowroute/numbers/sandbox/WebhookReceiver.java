package com.flowroute.numbers.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A webhook endpoint on 127.0.0.1 for the callback tests: it keeps every POST it receives and
 * answers the statuses it was told to, in order, then 200.
 */
final class WebhookReceiver implements AutoCloseable {
    /** One request received. */
    record Received(String path, String contentType, String body) {}

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final DisposableServer server;

    WebhookReceiver() {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            received.add(new Received(request.uri(), request.requestHeaders().get("Content-Type"), body));
                            Integer status = statuses.poll();
                            return response.status(status == null ? 200 : status).send().then();
                        }))
                .bindNow();
    }

    /** Answers these statuses to the next requests, then 200 again. */
    WebhookReceiver answering(Integer... next) {
        statuses.addAll(List.of(next));
        return this;
    }

    /** The URL of {@code path} on this receiver. */
    java.net.URI url(String path) {
        return java.net.URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** The next request received, waiting up to 10 s. */
    Received next() {
        try {
            Received next = received.poll(10, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no webhook arrived within 10 s");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The requests received within {@code wait} from now, beyond those already taken. */
    List<Received> during(Duration wait) {
        Mono.delay(wait).block();
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
