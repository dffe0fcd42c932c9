package com.flowroute.numbers.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.BadRequestException;
import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.NewRoute;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A small reactive HTTP service that provisions numbers with {@link ReactiveFlowrouteClient}:
 *
 * <ul>
 *   <li>{@code POST /numbers?areaCode=206&primary=..&failover=..} searches the area code, buys the
 *       first number for sale, assigns it the two routes, and answers
 *       {@code {"number":"1206...","primary":"..","failover":".."}}.
 *   <li>{@code GET /numbers} streams the account's numbers as NDJSON, one line per number,
 *       straight from a {@code PagedFlux}: a page is fetched only when the previous one has been
 *       written, so a large account is never held in memory.
 * </ul>
 *
 * <p>Runs against an embedded sandbox (with two demo routes, {@code pbx} and {@code backup})
 * unless given {@code --live}. {@code --port N} chooses the port (default 8080).
 */
public final class ReactiveProvisioningService implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReactiveFlowrouteClient flowroute;
    private final DisposableServer server;

    /** Starts the service on 127.0.0.1:{@code port} (0 for any free port) over {@code flowroute}. */
    public ReactiveProvisioningService(ReactiveFlowrouteClient flowroute, int port) {
        this.flowroute = flowroute;
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .route(routes -> routes
                        .post("/numbers", this::provision)
                        .get("/numbers", this::streamNumbers))
                .bindNow();
    }

    /** The port the service listens on. */
    public int port() {
        return server.port();
    }

    /**
     * Starts the service and serves until the process is stopped.
     *
     * @param args {@code --live} for the real API; {@code --port N}
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 8080;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        Target target = Target.fromArgs(args);
        ReactiveFlowrouteClient flowroute = target.configure(ReactiveFlowrouteClient.builder()).build();
        if (!target.live()) {
            // The sandbox starts with only the sip-reg route: add two to assign.
            flowroute.routes().create(NewRoute.host("pbx", "24.239.23.40:5060"))
                    .then(flowroute.routes().create(NewRoute.uri("backup", "sip:backup@example.com")))
                    .block();
        }
        ReactiveProvisioningService service = new ReactiveProvisioningService(flowroute, port);
        System.out.println(target.describe());
        System.out.println("Listening on http://127.0.0.1:" + service.port());
        System.out.println("  curl -X POST 'http://127.0.0.1:" + service.port() + "/numbers?areaCode=206&primary=pbx&failover=backup'");
        System.out.println("  curl http://127.0.0.1:" + service.port() + "/numbers");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            flowroute.close();
            target.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private Mono<Void> provision(HttpServerRequest request, HttpServerResponse response) {
        Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
        String areaCode = first(query, "areaCode");
        String primary = first(query, "primary");
        String failover = first(query, "failover");
        if (areaCode == null || primary == null || failover == null) {
            return json(response, HttpResponseStatus.BAD_REQUEST, error("areaCode, primary and failover are required"));
        }
        Mono<ObjectNode> provisioned = Mono.defer(() -> flowroute.availableNumbers()
                        .search(NumberSearch.builder().npa(areaCode).pageSize(1).build())
                        .next())
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("no number for sale in area code " + areaCode)))
                .flatMap(found -> flowroute.numbers().purchase(found.number())
                        .then(flowroute.numbers().updateRoutes(found.number(), primary, failover))
                        .thenReturn(JSON.createObjectNode()
                                .put("number", found.number().toString())
                                .put("rateCenter", found.rateCenter())
                                .put("state", found.state())
                                .put("primary", primary)
                                .put("failover", failover)));
        return provisioned
                .flatMap(body -> json(response, HttpResponseStatus.CREATED, body))
                .onErrorResume(IllegalArgumentException.class,
                        e -> json(response, HttpResponseStatus.BAD_REQUEST, error(e.getMessage())))
                .onErrorResume(BadRequestException.class,
                        e -> json(response, HttpResponseStatus.BAD_REQUEST, error(e.getMessage())))
                // Flowroute answers an unknown route name with a 404: the caller named it.
                .onErrorResume(NotFoundException.class,
                        e -> json(response, HttpResponseStatus.BAD_REQUEST, error(e.getMessage())))
                .onErrorResume(FlowrouteApiException.class,
                        e -> json(response, HttpResponseStatus.BAD_GATEWAY, error(e.getMessage())));
    }

    private Mono<Void> streamNumbers(HttpServerRequest request, HttpServerResponse response) {
        return response.header("Content-Type", "application/x-ndjson")
                .sendString(flowroute.numbers().list().map(ReactiveProvisioningService::ndjsonLine), java.nio.charset.StandardCharsets.UTF_8)
                .then();
    }

    private static String ndjsonLine(AccountNumber number) {
        ObjectNode line = JSON.createObjectNode()
                .put("number", number.number().toString())
                .put("billingMethod", number.billingMethod().map(BillingMethod::value).orElse(null))
                .put("primary", number.primaryRoute().name())
                .put("failover", number.failoverRoute().name());
        return line + "\n";
    }

    private static Mono<Void> json(HttpServerResponse response, HttpResponseStatus status, ObjectNode body) {
        try {
            return response.status(status).header("Content-Type", "application/json")
                    .sendString(Mono.just(JSON.writeValueAsString(body))).then();
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    /** Stops the service (not the Flowroute client, which the caller owns). */
    @Override
    public void close() {
        server.disposeNow();
    }
}
