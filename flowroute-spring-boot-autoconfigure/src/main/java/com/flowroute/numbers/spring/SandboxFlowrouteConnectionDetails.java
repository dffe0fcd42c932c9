package com.flowroute.numbers.spring;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;

/** The embedded sandbox's address and its only credentials. */
final class SandboxFlowrouteConnectionDetails implements FlowrouteConnectionDetails {
    private final FlowrouteSandbox sandbox;

    SandboxFlowrouteConnectionDetails(FlowrouteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String baseUrl() {
        return sandbox.baseUrl();
    }

    @Override
    public FlowrouteCredentials credentials() {
        return sandbox.credentials();
    }

    @Override
    public String toString() {
        return "SandboxFlowrouteConnectionDetails{baseUrl=" + baseUrl() + "}";
    }
}
