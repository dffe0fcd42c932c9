package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.RateLimitException;
import com.flowroute.numbers.ServerException;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Applies a {@link RetryPolicy} to a call: which failures are retried, how long to wait, and
 * the reconciliation of a non-idempotent request (a purchase) after an ambiguous failure.
 */
final class RetryRules {
    private static final Logger LOG = LoggerFactory.getLogger(ReactiveFlowrouteClient.class);
    private static final byte[] NO_BODY = new byte[0];

    private final RetryPolicy policy;

    RetryRules(RetryPolicy policy) {
        this.policy = policy;
    }

    /** Runs {@code attempt} (1-based attempt number) until it succeeds or the rules say stop. */
    Mono<byte[]> run(ApiRequest request, IntFunction<Mono<byte[]>> attempt) {
        return run(request, attempt, 1, false);
    }

    /** @param mayHaveApplied whether an earlier attempt of a non-idempotent request failed ambiguously */
    private Mono<byte[]> run(ApiRequest request, IntFunction<Mono<byte[]>> attempt, int number, boolean mayHaveApplied) {
        return attempt.apply(number).onErrorResume(error -> afterFailure(request, attempt, number, mayHaveApplied, error));
    }

    private Mono<byte[]> afterFailure(ApiRequest request, IntFunction<Mono<byte[]>> attempt, int number, boolean mayHaveApplied,
            Throwable error) {
        boolean retriesLeft = number <= policy.maxRetries();
        if (!request.idempotent() && policy.maxRetries() > 0 && ambiguous(error)) {
            return reconcile(request, number, error,
                    () -> retriesLeft ? retryAfter(request, attempt, number, true, policy.backoff(number)) : Mono.error(error));
        }
        if (!request.idempotent() && mayHaveApplied && refusedAsIfDone(error)) {
            // An earlier attempt whose look-up found nothing may still have been applied after the
            // look-up (a server finishing a request the client had given up on): this refusal, such
            // as "already on your account", may be that attempt's doing.
            return reconcile(request, number, error, () -> Mono.error(error));
        }
        Duration wait = retriesLeft ? plainRetryWait(request, error, number) : null;
        return wait == null ? Mono.error(error) : retryAfter(request, attempt, number, mayHaveApplied, wait);
    }

    /** Completes if the request took effect despite {@code error}; otherwise what {@code notApplied} gives. */
    private Mono<byte[]> reconcile(ApiRequest request, int number, Throwable error, Supplier<Mono<byte[]>> notApplied) {
        return request.applied
                .onErrorResume(checkFailed -> {
                    error.addSuppressed(checkFailed);
                    return Mono.error(error);
                })
                .flatMap(applied -> {
                    if (applied) {
                        LOG.debug("{} {}: the request took effect although attempt {} failed ({})",
                                request.method, request.rawPath, number, error.toString());
                        return Mono.just(NO_BODY);
                    }
                    return notApplied.get();
                });
    }

    private Mono<byte[]> retryAfter(ApiRequest request, IntFunction<Mono<byte[]>> attempt, int number, boolean mayHaveApplied,
            Duration wait) {
        return Mono.delay(wait).then(Mono.defer(() -> run(request, attempt, number + 1, mayHaveApplied)));
    }

    /** The wait before a plain retry, or null when this failure is not retried. */
    private Duration plainRetryWait(ApiRequest request, Throwable error, int number) {
        if (error instanceof RateLimitException) {
            Duration asked = ((RateLimitException) error).retryAfter().orElse(Duration.ZERO);
            if (asked.compareTo(policy.maxRetryAfter()) > 0) {
                return null;
            }
            Duration backoff = policy.backoff(number);
            return asked.compareTo(backoff) > 0 ? asked : backoff;
        }
        if (error instanceof SendFailure) {
            // Nothing reached the server, or the request is idempotent: repeating it is safe.
            boolean safe = request.idempotent() || !((SendFailure) error).mayHaveReachedServer();
            return safe ? policy.backoff(number) : null;
        }
        if (request.idempotent() && error instanceof ServerException && retriedStatus(((FlowrouteApiException) error).statusCode())) {
            return policy.backoff(number);
        }
        return null;
    }

    private static boolean retriedStatus(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    /** A refusal a request could get because an earlier attempt of it took effect (not auth, not rate limiting). */
    private static boolean refusedAsIfDone(Throwable error) {
        if (!(error instanceof FlowrouteApiException)) {
            return false;
        }
        int status = ((FlowrouteApiException) error).statusCode();
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 429;
    }

    /** A failure after which a write may or may not have been applied. */
    private static boolean ambiguous(Throwable error) {
        if (error instanceof SendFailure) {
            return ((SendFailure) error).mayHaveReachedServer();
        }
        if (error instanceof ServerException) {
            int status = ((ServerException) error).statusCode();
            return status == 500 || retriedStatus(status);
        }
        return false;
    }
}
