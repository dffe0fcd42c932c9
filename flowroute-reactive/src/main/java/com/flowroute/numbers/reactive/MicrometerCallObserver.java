package com.flowroute.numbers.reactive;

import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.internal.PreparedRequest;
import com.flowroute.numbers.internal.WireRequest;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Observes each call as {@code flowroute.client.call} and each attempt as its child
 * {@code flowroute.client.attempt}, the parent of a call being the caller's observation in the
 * Reactor context (key {@code micrometer.observation}, as Micrometer's context propagation and
 * Spring put it there). Low-cardinality keys: {@code operation}, {@code api.version},
 * {@code http.request.method}, {@code http.response.status_code}, {@code outcome},
 * {@code error} (the exception's class), {@code reconciled}, and on attempts
 * {@code http.request.resend_count} (OpenTelemetry's convention: 0 for the first attempt); the
 * path with its number is a high-cardinality {@code url.path}. Never a secret, a signature, an
 * {@code Authorization} value, a query value or a message body.
 */
final class MicrometerCallObserver implements CallObserver {
    static final String CALL = "flowroute.client.call";
    static final String ATTEMPT = "flowroute.client.attempt";
    /** Where Micrometer's context propagation keeps the current observation in a Reactor context. */
    static final String CONTEXT_KEY = "micrometer.observation";

    private final ObservationRegistry registry;

    MicrometerCallObserver(Object registry) {
        this.registry = (ObservationRegistry) registry;
    }

    /** Per-call state the attempts and the retrier report into. */
    private static final class CallState {
        volatile int lastStatus;
        volatile boolean reconciled;
    }

    @Override
    public <T> Mono<T> call(String operation, WireRequest request, Mono<T> call) {
        return Mono.deferContextual(context -> {
            Observation parent = context.getOrDefault(CONTEXT_KEY, null);
            CallState state = new CallState();
            Observation observation = Observation.createNotStarted(CALL, registry)
                    .parentObservation(parent)
                    .contextualName(operation)
                    .lowCardinalityKeyValue("operation", operation)
                    .lowCardinalityKeyValue("api.version", apiVersion(request.rawPath()))
                    .lowCardinalityKeyValue("http.request.method", request.method())
                    .start();
            Runnable reconciled = () -> observation.lowCardinalityKeyValue("reconciled", Boolean.toString(state.reconciled));
            return stopped(call, observation, () -> state.lastStatus, reconciled)
                    .contextWrite(c -> c.put(CONTEXT_KEY, observation).put(CallState.class, state));
        });
    }

    @Override
    public <T> Mono<T> attempt(PreparedRequest request, int number, IntSupplier status, Mono<T> attempt) {
        return Mono.deferContextual(context -> {
            Observation parent = context.getOrDefault(CONTEXT_KEY, null);
            CallState state = context.getOrDefault(CallState.class, null);
            Observation observation = Observation.createNotStarted(ATTEMPT, registry)
                    .parentObservation(parent)
                    .lowCardinalityKeyValue("api.version", apiVersion(request.pathAndQuery()))
                    .lowCardinalityKeyValue("http.request.method", request.method())
                    .lowCardinalityKeyValue("http.request.resend_count", Integer.toString(number - 1))
                    .highCardinalityKeyValue("url.path", path(request.pathAndQuery()))
                    .start();
            IntSupplier reported = () -> {
                int code = status.getAsInt();
                if (state != null && code != 0) {
                    state.lastStatus = code;
                }
                return code;
            };
            return stopped(attempt, observation, reported, () -> {})
                    .contextWrite(c -> c.put(CONTEXT_KEY, observation));
        });
    }

    @Override
    public Mono<Void> reconciled() {
        return Mono.deferContextual(context -> {
            CallState state = context.getOrDefault(CallState.class, null);
            if (state != null) {
                state.reconciled = true;
            }
            return Mono.empty();
        });
    }

    /**
     * {@code source}, its observation stopped once, on its first terminal signal or cancellation,
     * before that signal travels on: an attempt is stopped (and reports its status to the call)
     * before its call is, and a call before its subscriber sees the outcome; a cancel that follows
     * the value (a subscriber taking one element) leaves it a success.
     */
    private static <T> Mono<T> stopped(Mono<T> source, Observation observation, IntSupplier status, Runnable beforeStop) {
        AtomicBoolean done = new AtomicBoolean();
        return source
                .doOnSuccess(value -> {
                    if (done.compareAndSet(false, true)) {
                        beforeStop.run();
                        stop(observation, SignalType.ON_COMPLETE, status.getAsInt(), null);
                    }
                })
                .doOnError(error -> {
                    if (done.compareAndSet(false, true)) {
                        observation.error(error);
                        beforeStop.run();
                        stop(observation, SignalType.ON_ERROR, status.getAsInt(), error);
                    }
                })
                .doOnCancel(() -> {
                    if (done.compareAndSet(false, true)) {
                        beforeStop.run();
                        stop(observation, SignalType.CANCEL, status.getAsInt(), null);
                    }
                });
    }

    private static void stop(Observation observation, SignalType signal, int status, Throwable error) {
        String outcome;
        if (signal == SignalType.CANCEL) {
            outcome = "CANCELLED";
        } else if (error == null) {
            outcome = "SUCCESS";
        } else if (error instanceof FlowrouteApiException api) {
            outcome = api.statusCode() >= 500 ? "SERVER_ERROR" : "CLIENT_ERROR";
            status = api.statusCode();
        } else {
            outcome = "TRANSPORT_ERROR";
        }
        observation.lowCardinalityKeyValue("outcome", outcome)
                .lowCardinalityKeyValue(KeyValue.of("http.response.status_code", status == 0 ? "NONE" : Integer.toString(status)))
                .lowCardinalityKeyValue("error", error == null ? "none" : publicClass(error).getSimpleName());
        observation.stop();
    }

    // The exception's nearest public class: internal subclasses (AttemptFailure) are not part of the API.
    private static Class<?> publicClass(Throwable error) {
        Class<?> type = error.getClass();
        while (!java.lang.reflect.Modifier.isPublic(type.getModifiers()) && type.getSuperclass() != null) {
            type = type.getSuperclass();
        }
        return type;
    }

    // The version a path names: every operation carries its own (v2-only calls on a v1 client too).
    private static String apiVersion(String path) {
        if (path.contains("/v2.1/")) {
            return "v2.1";
        }
        return path.contains("/v2/") ? "v2" : "v1";
    }

    // The path only: query values (a search's digits, a message period) stay out of every key.
    private static String path(String pathAndQuery) {
        int question = pathAndQuery.indexOf('?');
        return question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    }
}
