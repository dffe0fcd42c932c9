package com.flowroute.numbers.internal;

/**
 * One call of an operation as a protocol describes it: the request, how to read a 2xx answer,
 * whether that answer's body matters, and whether repeating the request is harmless.
 * Not part of the SDK's contract.
 *
 * @param request what to send
 * @param decode how to read a 2xx answer
 * @param readsBody false when a 2xx answer's body means nothing: it is then read past, not kept
 *     (however large), and {@code decode} gets an empty body
 * @param idempotent whether sending it twice has the effect of sending it once
 * @param name the operation as observations name it, such as {@code numbers.purchase}; null
 *     until {@link #named} gives it one
 * @param <T> what the call completes with (null for {@code Void})
 */
public record Operation<T>(WireRequest request, Decoder<T> decode, boolean readsBody, boolean idempotent, String name) {
    private static final Decoder<Void> NOTHING = (status, body) -> null;

    /** Reads a 2xx answer. */
    @FunctionalInterface
    public interface Decoder<T> {
        /**
         * The value of an answer.
         *
         * @param status the 2xx status
         * @param body the body, empty when there is none or it was not kept (never null)
         */
        T decode(int status, byte[] body);
    }

    /** A read, or a write that may be repeated, whose answer's body is decoded. */
    public static <T> Operation<T> idempotent(WireRequest request, Decoder<T> decode) {
        return new Operation<>(request, decode, true, true, null);
    }

    /** A write that may be repeated and whose status is its whole outcome. */
    public static Operation<Void> write(WireRequest request) {
        return new Operation<>(request, NOTHING, false, true, null);
    }

    /** A write that must never be repeated blindly (a purchase, a message sent). */
    public static <T> Operation<T> nonIdempotent(WireRequest request, Decoder<T> decode, boolean readsBody) {
        return new Operation<>(request, decode, readsBody, false, null);
    }

    /** This operation named {@code operationName}, such as {@code numbers.purchase}. */
    public Operation<T> named(String operationName) {
        return new Operation<>(request, decode, readsBody, idempotent, operationName);
    }
}
