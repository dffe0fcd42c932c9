package com.flowroute.numbers;

/**
 * What the SDK's open enumerations share (route types, billing methods, message statuses and
 * directions): a wire value that is one of the known constants or kept as the server sent it,
 * compared by value within its own type.
 */
abstract class OpenValue {
    private final String value;

    OpenValue(String value) {
        this.value = value;
    }

    /** The wire value, as the server sends it. */
    public final String value() {
        return value;
    }

    @Override
    public final String toString() {
        return value;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((OpenValue) other).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }
}
