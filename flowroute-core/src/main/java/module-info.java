/**
 * Flowroute Numbers SDK core: the models, queries, {@code PhoneNumber}, credentials and errors of
 * {@code com.flowroute.numbers}. The {@code internal} packages (wire formats, signing, checks) are
 * exported only to the SDK's own modules.
 */
module com.flowroute.numbers {
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires static org.immutables.value;

    exports com.flowroute.numbers;
    // The models carry Jackson annotations for users who serialize them; databind reaches the
    // generated Immutable* accessors and the package-private Json creators by reflection.
    opens com.flowroute.numbers to com.fasterxml.jackson.databind;

    // internal.v1 and internal.v2 get this same qualified export with their first class: javac
    // rejects exporting a package that holds only a package-info.java.
    exports com.flowroute.numbers.internal to
            com.flowroute.numbers.reactive,
            com.flowroute.numbers.blocking,
            com.flowroute.numbers.sandbox;
}
