package com.flowroute.numbers.reactive;

import com.flowroute.numbers.internal.PreparedRequest;
import com.flowroute.numbers.internal.WireRequest;
import java.util.function.IntSupplier;
import reactor.core.publisher.Mono;

/**
 * Where calls and their attempts are observed: nowhere ({@link #NONE}, the default, which costs
 * nothing), or a Micrometer {@code ObservationRegistry} ({@link MicrometerCallObserver}, the only
 * class that touches Micrometer, loaded only when a registry is given).
 */
interface CallObserver {
    /** Observes nothing. */
    CallObserver NONE = new CallObserver() {
        @Override
        public <T> Mono<T> call(String operation, WireRequest request, Mono<T> call) {
            return call;
        }

        @Override
        public <T> Mono<T> attempt(PreparedRequest request, int number, IntSupplier status, Mono<T> attempt) {
            return attempt;
        }

        @Override
        public Mono<Void> reconciled() {
            return Mono.empty();
        }
    };

    /** {@code call} (the whole operation: attempts, waits and reconciliation) of {@code request}, observed as {@code operation}. */
    <T> Mono<T> call(String operation, WireRequest request, Mono<T> call);

    /** One attempt of the current call; {@code status} reads its HTTP status once known (0 for none). */
    <T> Mono<T> attempt(PreparedRequest request, int number, IntSupplier status, Mono<T> attempt);

    /** Marks the current call as completed by reconciliation (a look-up found it had taken effect). */
    Mono<Void> reconciled();

    /** The observer for a builder's registry: {@link #NONE} without one. */
    static CallObserver of(Object observationRegistry) {
        return observationRegistry == null ? NONE : new MicrometerCallObserver(observationRegistry);
    }
}
