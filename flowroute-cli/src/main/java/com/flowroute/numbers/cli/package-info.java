/**
 * The {@code flowroute} command line: picocli commands over the blocking client
 * ({@link com.flowroute.numbers.blocking.FlowrouteClient}), with bulk work on the reactive client
 * beneath it. {@link com.flowroute.numbers.cli.FlowrouteCli} is the entry point; everything else
 * is package-private.
 */
package com.flowroute.numbers.cli;
