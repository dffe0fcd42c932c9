/**
 * Flowroute Numbers SDK core: the models, queries, {@code PhoneNumber}, credentials and errors of
 * {@code com.flowroute.numbers}. The {@code internal} packages (the wire protocols, signing,
 * checks) are exported only to the SDK's own modules.
 */
module com.flowroute.numbers {
    requires com.fasterxml.jackson.databind;
    requires static org.immutables.value;

    exports com.flowroute.numbers;

    exports com.flowroute.numbers.internal to
            com.flowroute.numbers.reactive,
            com.flowroute.numbers.blocking,
            com.flowroute.numbers.sandbox;
    exports com.flowroute.numbers.internal.v1 to
            com.flowroute.numbers.reactive,
            com.flowroute.numbers.blocking,
            com.flowroute.numbers.sandbox;
    exports com.flowroute.numbers.internal.v2 to
            com.flowroute.numbers.reactive,
            com.flowroute.numbers.blocking,
            com.flowroute.numbers.sandbox;
}
