/**
 * An embedded, stateful Flowroute v1 numbers API for tests, examples and offline work:
 * {@link com.flowroute.numbers.sandbox.FlowrouteSandbox}, its JUnit 5 extension
 * {@link com.flowroute.numbers.sandbox.FlowrouteSandboxExtension}, and
 * {@link com.flowroute.numbers.sandbox.FlowrouteSandboxMain} to run it on its own.
 */
package com.flowroute.numbers.sandbox;
