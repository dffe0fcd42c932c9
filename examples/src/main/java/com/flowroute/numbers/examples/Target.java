package com.flowroute.numbers.examples;

import com.flowroute.numbers.CnamRecord;
import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.reactive.FlowrouteClientBuilder;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where an example sends its calls: an embedded sandbox started in-process (the default), or
 * the real Flowroute API when the program is given {@code --live} and the environment holds
 * {@code FLOWROUTE_ACCESS_KEY} and {@code FLOWROUTE_SECRET_KEY}. Without {@code --live} an
 * example never reaches the real API, since buying a real number costs money.
 */
final class Target implements AutoCloseable {
    /** The environment variable naming the phone that receives the tour's text on the real API. */
    static final String TEXT_TO_VARIABLE = "FLOWROUTE_TOUR_TEXT_TO";
    // A number outside the sandbox's account: the sandbox accepts and delivers any recipient.
    private static final PhoneNumber SANDBOX_RECIPIENT = PhoneNumber.parse("12065550123");

    private final boolean live;
    private final FlowrouteSandbox ownedSandbox;
    private final String baseUrl;
    private final FlowrouteCredentials credentials;
    private final FlowrouteApiVersion apiVersion;
    private final FlowrouteSandbox borrowedSandbox;

    private Target(boolean live, FlowrouteSandbox ownedSandbox, String baseUrl, FlowrouteCredentials credentials,
            FlowrouteApiVersion apiVersion) {
        this(live, ownedSandbox, null, baseUrl, credentials, apiVersion);
    }

    private Target(boolean live, FlowrouteSandbox ownedSandbox, FlowrouteSandbox borrowedSandbox, String baseUrl,
            FlowrouteCredentials credentials, FlowrouteApiVersion apiVersion) {
        this.borrowedSandbox = borrowedSandbox;
        this.live = live;
        this.ownedSandbox = ownedSandbox;
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.apiVersion = apiVersion;
    }

    /**
     * The target the command line asks for: {@code --live} for the real API, else a new sandbox;
     * {@code --api v1|v2} for the API version (default v1).
     */
    static Target fromArgs(String... args) {
        List<String> given = Arrays.asList(args);
        int api = given.indexOf("--api");
        FlowrouteApiVersion version = api >= 0 && api + 1 < given.size()
                ? FlowrouteApiVersion.parse("--api", given.get(api + 1)) : FlowrouteApiVersion.V1;
        if (given.contains("--live")) {
            String url = System.getenv(FlowrouteClientBuilder.BASE_URL_VARIABLE);
            return new Target(true, null, url != null ? url : FlowrouteClientBuilder.DEFAULT_BASE_URL,
                    FlowrouteCredentials.fromEnvironment(), version);
        }
        FlowrouteSandbox sandbox = FlowrouteSandbox.start();
        return new Target(false, sandbox, sandbox.baseUrl(), sandbox.credentials(), version);
    }

    /** A target on a sandbox the caller started and will close, as the examples' tests do. */
    static Target sandbox(FlowrouteSandbox sandbox) {
        return sandbox(sandbox, FlowrouteApiVersion.V1);
    }

    /** A target on a sandbox the caller started and will close, over {@code apiVersion}. */
    static Target sandbox(FlowrouteSandbox sandbox, FlowrouteApiVersion apiVersion) {
        return new Target(false, null, sandbox, sandbox.baseUrl(), sandbox.credentials(), apiVersion);
    }

    boolean live() {
        return live;
    }

    /**
     * Approves a new CNAM record where this target can: the sandbox approves at once on request;
     * Flowroute itself takes up to 48 hours, so on the real API this says no.
     */
    boolean approve(CnamRecord record) {
        FlowrouteSandbox sandbox = ownedSandbox != null ? ownedSandbox : borrowedSandbox;
        if (sandbox == null) {
            return false;
        }
        sandbox.approveCnam(record.id());
        return true;
    }

    /**
     * Who receives the tour's text: on the sandbox a made-up number; on the real API the phone
     * {@value #TEXT_TO_VARIABLE} names, or nobody (a real text reaches a real phone, and is billed).
     */
    Optional<PhoneNumber> textRecipient() {
        if (!live) {
            return Optional.of(SANDBOX_RECIPIENT);
        }
        String to = System.getenv(TEXT_TO_VARIABLE);
        return to == null || to.isBlank() ? Optional.empty() : Optional.of(PhoneNumber.parse(to.trim()));
    }

    /** Applies the target to a client builder. */
    <B extends FlowrouteClientBuilder<B>> B configure(B builder) {
        return builder.baseUrl(baseUrl).credentials(credentials).apiVersion(apiVersion);
    }

    /** One line saying where calls go, for the first line of an example's output. */
    String describe() {
        return live
                ? "Target: the real Flowroute API " + apiVersion + " at " + baseUrl + " (--live: purchases are real and billed)"
                : "Target: embedded Flowroute sandbox, API " + apiVersion + ", at " + baseUrl
                        + " (no network, no account, nothing is billed)";
    }

    @Override
    public void close() {
        if (ownedSandbox != null) {
            ownedSandbox.close();
        }
    }
}
