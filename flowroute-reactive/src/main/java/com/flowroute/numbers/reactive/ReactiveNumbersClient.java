package com.flowroute.numbers.reactive;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AccountNumberQuery;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.NumberDetails;
import com.flowroute.numbers.NumberUpdate;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.PurchaseResult;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteRole;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.Operation;
import com.flowroute.numbers.internal.PhoneNumbers;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The account's numbers: purchase, list, details and route assignment over the client's API
 * version, and release, alias and CNAM-lookup updates and route clearing, always over v2.
 * Obtained from {@link ReactiveFlowrouteClient#numbers()}. Every method returns a cold
 * {@code Mono} or {@link PagedFlux}; methods taking a {@code String} number parse it as
 * {@link PhoneNumber#parse(String)} does and signal an {@link IllegalArgumentException} (before
 * anything is sent) when it is not a NANP number.
 */
public final class ReactiveNumbersClient {
    private static final Logger LOG = LoggerFactory.getLogger(ReactiveFlowrouteClient.class);

    private final ClientContext context;
    private final ReactiveRoutesClient routes;

    ReactiveNumbersClient(ClientContext context, ReactiveRoutesClient routes) {
        this.context = context;
        this.routes = routes;
    }

    /** Buys {@code number} with {@link BillingMethod#METERED}. See {@link #purchaseWithResult(PhoneNumber, BillingMethod)}. */
    public Mono<Void> purchase(String number) {
        return purchase(number, BillingMethod.METERED);
    }

    /** Buys {@code number}. See {@link #purchaseWithResult(PhoneNumber, BillingMethod)}. */
    public Mono<Void> purchase(String number, BillingMethod billingMethod) {
        return parsed(number, n -> purchase(n, billingMethod));
    }

    /** Buys {@code number} with {@link BillingMethod#METERED}. See {@link #purchaseWithResult(PhoneNumber, BillingMethod)}. */
    public Mono<Void> purchase(PhoneNumber number) {
        return purchase(number, BillingMethod.METERED);
    }

    /** Buys {@code number}; completes empty once it is on the account. See {@link #purchaseWithResult(PhoneNumber, BillingMethod)}. */
    public Mono<Void> purchase(PhoneNumber number, BillingMethod billingMethod) {
        return purchaseWithResult(number, billingMethod).then();
    }

    /** Buys {@code number} with {@link BillingMethod#METERED}. See {@link #purchaseWithResult(PhoneNumber, BillingMethod)}. */
    public Mono<PurchaseResult> purchaseWithResult(String number) {
        return parsed(number, n -> purchaseWithResult(n, BillingMethod.METERED));
    }

    /** Buys {@code number}. See {@link #purchaseWithResult(PhoneNumber, BillingMethod)}. */
    public Mono<PurchaseResult> purchaseWithResult(String number, BillingMethod billingMethod) {
        return parsed(number, n -> purchaseWithResult(n, billingMethod));
    }

    /** Buys {@code number} with {@link BillingMethod#METERED}. See {@link #purchaseWithResult(PhoneNumber, BillingMethod)}. */
    public Mono<PurchaseResult> purchaseWithResult(PhoneNumber number) {
        return purchaseWithResult(number, BillingMethod.METERED);
    }

    /**
     * Buys {@code number} from the inventory (v1 {@code PUT /v1/tns/{number}}, v2
     * {@code POST /v2/numbers/{number}}; v2 has no billing method, so it is not sent). The cold
     * {@code Mono} emits the result once the number is on the account: over v2 a 207 is a
     * success whose warning (messaging could not be enabled) is logged and kept in
     * {@link PurchaseResult#warnings()}.
     *
     * <p>A purchase is never blindly repeated: when an attempt fails in a way that leaves its
     * outcome unknown (the connection broke or timed out after sending, or a 500, 502, 503 or
     * 504), the client looks the number up; if it is on the account the purchase completes
     * normally, otherwise it is retried within the {@link RetryPolicy}. A 429 or a failure to
     * connect is retried plainly. Errors: {@link com.flowroute.numbers.BadRequestException} when
     * the number is not purchasable, and the other exceptions of the contract.
     */
    public Mono<PurchaseResult> purchaseWithResult(PhoneNumber number, BillingMethod billingMethod) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(billingMethod, "billingMethod");
        Mono<Optional<PurchaseResult>> onAccount = details(number)
                .map(details -> Optional.of(PurchaseResult.of(number, List.of())))
                .onErrorResume(NotFoundException.class, notThere -> Mono.just(Optional.empty()));
        return Mono.defer(() -> context.transport.call(context.numbers.authenticator(),
                        context.numbers.purchase(number, billingMethod), onAccount))
                .doOnNext(result -> result.warnings().forEach(warning -> LOG.warn("purchase of {}: {}", number, warning)));
    }

    /** Every number on the account. */
    public PagedFlux<AccountNumber> list() {
        return list(AccountNumberQuery.all());
    }

    /**
     * The account's numbers matching {@code query}, such as a partial {@code pattern} (v1
     * {@code GET /v1/tns/}, v2 {@code GET /v2/numbers}). Over v2 the listing carries no routes:
     * {@link AccountNumber#routes()} is empty there and {@link #details} has them.
     */
    public PagedFlux<AccountNumber> list(AccountNumberQuery query) {
        Objects.requireNonNull(query, "query");
        return context.list(() -> context.numbers.accountNumbers(query));
    }

    /** The details of {@code number}. See {@link #details(PhoneNumber)}. */
    public Mono<NumberDetails> details(String number) {
        return parsed(number, this::details);
    }

    /**
     * The details of a number on the account: its routes, primary first (over v2 only those that
     * are set), and what the version tells (v1 the billing method; v2 alias, rate center, type,
     * CNAM lookups, the E911 and CNAM records). Errors with {@link NotFoundException} when it is
     * not on the account.
     */
    public Mono<NumberDetails> details(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        return Mono.defer(() -> context.transport.call(context.numbers.authenticator(), context.numbers.details(number)));
    }

    /** Assigns routes to {@code number}. See {@link #updateRoutes(PhoneNumber, String, String)}. */
    public Mono<Void> updateRoutes(String number, String primary, String failover) {
        return parsed(number, n -> updateRoutes(n, primary, failover));
    }

    /**
     * Sets the primary and failover routes of a number on the account. Over v1 they are route
     * names ({@code PATCH /v1/tns/{number}}); over v2 they are aliases, resolved to ids once per
     * call by listing the account's routes, then set with one {@code PATCH} per role. An alias
     * that matches no route errors with {@link NotFoundException}, one that matches several with
     * an {@link IllegalArgumentException} naming their ids; in both cases nothing is changed.
     */
    public Mono<Void> updateRoutes(PhoneNumber number, String primary, String failover) {
        Objects.requireNonNull(number, "number");
        return Mono.defer(() -> {
            Validation.text(primary, "primary");
            Validation.text(failover, "failover");
            if (context.version == FlowrouteApiVersion.V1) {
                return send(context.numbers.setRoutes(number, primary, failover));
            }
            return routes.list().collectList().flatMap(all -> send(context.numbers.setRoutes(number,
                    byAlias(all, primary, "primary"), byAlias(all, failover, "failover"))));
        });
    }

    /** Assigns routes to {@code number}. See {@link #updateRoutes(PhoneNumber, Route, Route)}. */
    public Mono<Void> updateRoutes(String number, Route primary, Route failover) {
        return parsed(number, n -> updateRoutes(n, primary, failover));
    }

    /**
     * Sets the primary and failover routes of a number on the account to routes as listed: by
     * name over v1, by id over v2 (a route listed over v1 has no id: an
     * {@link IllegalArgumentException} says so, before anything is sent).
     */
    public Mono<Void> updateRoutes(PhoneNumber number, Route primary, Route failover) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(failover, "failover");
        return Mono.defer(() -> context.version == FlowrouteApiVersion.V1
                ? send(context.numbers.setRoutes(number, primary.name(), failover.name()))
                : send(context.numbers.setRoutes(number, ReactiveRoutesClient.id(primary, "primary"),
                        ReactiveRoutesClient.id(failover, "failover"))));
    }

    /** Releases {@code number}. See {@link #release(PhoneNumber)}. */
    public Mono<Void> release(String number) {
        return parsed(number, this::release);
    }

    /**
     * Releases a number from the account ({@code DELETE /v2/numbers/{number}}, always over v2).
     * Completes empty once it is gone; a retry answered 404 after an ambiguous failure counts as
     * done.
     */
    public Mono<Void> release(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        return Mono.defer(() -> context.transport.call(context.v2.authenticator(), context.v2.release(number)));
    }

    /** Changes {@code number}'s settings. See {@link #update(PhoneNumber, NumberUpdate)}. */
    public Mono<NumberDetails> update(String number, NumberUpdate update) {
        return parsed(number, n -> update(n, update));
    }

    /**
     * Changes a number's alias and CNAM lookups ({@code PATCH /v2/numbers/{number}}, always over
     * v2). Emits the number's details as the server answers them.
     */
    public Mono<NumberDetails> update(PhoneNumber number, NumberUpdate update) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(update, "update");
        return Mono.defer(() -> context.transport.call(context.v2.authenticator(), context.v2.update(number, update)));
    }

    /** Clears one of {@code number}'s routes. See {@link #clearRoute(PhoneNumber, RouteRole)}. */
    public Mono<Void> clearRoute(String number, RouteRole role) {
        return parsed(number, n -> clearRoute(n, role));
    }

    /**
     * Clears a number's primary or failover route
     * ({@code DELETE /v2/numbers/{number}/relationships/primary_route}, always over v2).
     */
    public Mono<Void> clearRoute(PhoneNumber number, RouteRole role) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(role, "role");
        return Mono.defer(() -> context.transport.call(context.v2.authenticator(), context.v2.clearRoute(number, role)));
    }

    private Mono<Void> send(List<Operation<Void>> operations) {
        return Flux.fromIterable(operations)
                .concatMap(operation -> context.transport.call(context.numbers.authenticator(), operation))
                .then();
    }

    private static String byAlias(List<Route> all, String alias, String role) {
        List<Route> matches = all.stream().filter(route -> route.name().equals(alias)).toList();
        if (matches.isEmpty()) {
            throw new NotFoundException(404, "GET", "/v2/routes", "", List.of("no route of the account has the alias \""
                    + alias + "\" (the " + role + " route asked for); nothing was changed"));
        }
        if (matches.size() > 1) {
            throw Validation.invalid(role, alias, "matches " + matches.size() + " routes (ids "
                    + matches.stream().map(route -> route.id().orElse("?")).toList()
                    + "): aliases are not unique over v2, so pass the Route itself; nothing was changed");
        }
        return matches.get(0).id().orElseThrow();
    }

    private static <T> Mono<T> parsed(String number, Function<PhoneNumber, Mono<T>> call) {
        return Mono.defer(() -> call.apply(PhoneNumbers.parse("number", number)));
    }
}
