package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.RateLimitException;
import com.flowroute.numbers.ServerException;
import com.flowroute.numbers.internal.Operation;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Runs a call's attempts under a {@link RetryPolicy}: which failures are retried, how long to
 * wait, and the reconciliation of a non-idempotent request (a purchase, a message sent) after an
 * ambiguous failure, where a look-up decides whether the request took effect before anything is
 * sent again.
 */
final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(ReactiveFlowrouteClient.class);

    private static final byte[] NO_BODY = new byte[0];

    private final RetryPolicy policy;
    private final CallObserver observer;

    Retrier(RetryPolicy policy, CallObserver observer) {
        this.policy = policy;
        this.observer = observer;
    }

    /**
     * Runs {@code attempt} (1-based attempt number) until it succeeds or the rules say stop.
     *
     * @param appliedCheck for a non-idempotent operation: the value it took effect with, or empty
     *     when it did not; null for an idempotent one
     */
    <T> Mono<T> run(Operation<T> operation, Mono<Optional<T>> appliedCheck, IntFunction<Mono<T>> attempt) {
        return new Run<>(operation, appliedCheck, attempt).from(1, false);
    }

    private final class Run<T> {
        private final Operation<T> operation;
        private final Mono<Optional<T>> appliedCheck;
        private final IntFunction<Mono<T>> attempt;

        Run(Operation<T> operation, Mono<Optional<T>> appliedCheck, IntFunction<Mono<T>> attempt) {
            if (!operation.idempotent() && appliedCheck == null) {
                throw new IllegalArgumentException("a non-idempotent " + operation.request() + " needs an applied check");
            }
            this.operation = operation;
            this.appliedCheck = appliedCheck;
            this.attempt = attempt;
        }

        /** @param mayHaveApplied whether an earlier attempt of a non-idempotent request failed ambiguously */
        Mono<T> from(int number, boolean mayHaveApplied) {
            return attempt.apply(number).onErrorResume(error -> afterFailure(number, mayHaveApplied, error));
        }

        private Mono<T> afterFailure(int number, boolean mayHaveApplied, Throwable error) {
            boolean retriesLeft = number <= policy.maxRetries();
            boolean idempotent = operation.idempotent();
            if (!idempotent && policy.maxRetries() > 0 && ambiguous(error)) {
                return reconcile(number, error,
                        () -> retriesLeft ? retryAfter(number, true, policy.backoff(number)) : Mono.error(error));
            }
            if (!idempotent && mayHaveApplied && refusedAsIfDone(error)) {
                // An earlier attempt whose look-up found nothing may still have been applied after the
                // look-up (a server finishing a request the client had given up on): this refusal, such
                // as "already on your account", may be that attempt's doing.
                return reconcile(number, error, () -> Mono.error(error));
            }
            if (mayHaveApplied && error instanceof NotFoundException && operation.request().method().equals("DELETE")) {
                // A delete retried after an attempt that may have been applied: gone is done.
                return Mono.justOrEmpty(operation.decode().decode(204, NO_BODY));
            }
            Duration wait = retriesLeft ? plainRetryWait(error, number) : null;
            return wait == null ? Mono.error(error) : retryAfter(number, mayHaveApplied || ambiguous(error), wait);
        }

        /** Completes with the applied value if the request took effect despite {@code error}; otherwise what {@code notApplied} gives. */
        private Mono<T> reconcile(int number, Throwable error, Supplier<Mono<T>> notApplied) {
            return appliedCheck
                    .onErrorResume(checkFailed -> {
                        if (checkFailed instanceof UnknownOutcomeException unknown) {
                            unknown.addSuppressed(error);
                            return Mono.error(unknown);
                        }
                        error.addSuppressed(checkFailed);
                        return Mono.error(error);
                    })
                    .flatMap(applied -> {
                        if (applied.isPresent()) {
                            LOG.debug("{}: the request took effect although attempt {} failed ({})",
                                    operation.request(), number, error.toString());
                            return observer.reconciled().thenReturn(applied.get());
                        }
                        return notApplied.get();
                    });
        }

        private Mono<T> retryAfter(int number, boolean mayHaveApplied, Duration wait) {
            return Mono.delay(wait).then(Mono.defer(() -> from(number + 1, mayHaveApplied)));
        }

        /** The wait before a plain retry, or null when this failure is not retried. */
        private Duration plainRetryWait(Throwable error, int number) {
            if (error instanceof RateLimitException limited) {
                Duration asked = limited.retryAfter().orElse(Duration.ZERO);
                if (asked.compareTo(policy.maxRetryAfter()) > 0) {
                    return null;
                }
                Duration backoff = policy.backoff(number);
                return asked.compareTo(backoff) > 0 ? asked : backoff;
            }
            if (error instanceof AttemptFailure failure) {
                // Nothing reached the server, or the request is idempotent: repeating it is safe.
                boolean safe = operation.idempotent() || !failure.mayHaveReachedServer();
                return safe ? policy.backoff(number) : null;
            }
            if (operation.idempotent() && error instanceof ServerException server && retriedStatus(server.statusCode())) {
                return policy.backoff(number);
            }
            return null;
        }
    }

    private static boolean retriedStatus(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    /** A refusal a request could get because an earlier attempt of it took effect (not auth, not rate limiting). */
    private static boolean refusedAsIfDone(Throwable error) {
        if (!(error instanceof FlowrouteApiException api)) {
            return false;
        }
        int status = api.statusCode();
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 429;
    }

    /** A failure after which a write may or may not have been applied. */
    private static boolean ambiguous(Throwable error) {
        if (error instanceof AttemptFailure failure) {
            return failure.mayHaveReachedServer();
        }
        if (error instanceof ServerException server) {
            int status = server.statusCode();
            return status == 500 || retriedStatus(status);
        }
        return false;
    }
}
