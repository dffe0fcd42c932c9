package com.flowroute.numbers.cli;

import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.reactive.FlowrouteClientBuilder;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowroute sandbox [--port 8089]}: an embedded sandbox in the foreground until Ctrl-C,
 * printing the variables that point this CLI (or any SDK) at it. Its keys are throwaway keys of a
 * local test server: printing them is the point.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run a sandbox in the foreground, printing the variables to use.")
final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8089", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the inventory for sale (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--inventory-size", paramLabel = "N", defaultValue = "10000", description = "Numbers for sale at the start (default ${DEFAULT-VALUE}).")
    int inventorySize;

    @Override
    public Integer call() {
        FlowrouteCli cli = FlowrouteCli.of(spec);
        FlowrouteSandbox.Builder builder;
        try {
            builder = FlowrouteSandbox.builder().port(port).seed(seed).inventorySize(inventorySize);
        } catch (IllegalArgumentException e) {
            throw BadInput.usage(e.getMessage().replaceFirst("^port ", "--port ").replaceFirst("^inventorySize ", "--inventory-size "));
        }
        FlowrouteSandbox sandbox;
        try {
            sandbox = builder.start();
        } catch (IllegalStateException e) {
            throw new Refused(e.getMessage());
        }
        try (sandbox) {
            PrintWriter out = cli.out();
            out.println(FlowrouteClientBuilder.BASE_URL_VARIABLE + "=" + sandbox.baseUrl());
            out.println(FlowrouteCredentials.ACCESS_KEY_VARIABLE + "=" + sandbox.credentials().accessKey());
            out.println(FlowrouteCredentials.SECRET_KEY_VARIABLE + "=" + sandbox.credentials().secretKey());
            if (cli.api != null) {
                out.println(FlowrouteClientBuilder.API_VERSION_VARIABLE + "=" + cli.api.name().toLowerCase(Locale.ROOT));
            }
            out.flush();
            if (!cli.quiet()) {
                cli.err().println("flowroute: sandbox listening on " + sandbox.baseUrl() + " (API v1, v2; throwaway keys)."
                        + " Ctrl-C to stop.");
                cli.err().flush();
            }
            try {
                // Until Ctrl-C interrupts this thread: Reactor Netty serves on its own threads.
                new CountDownLatch(1).await();
            } catch (InterruptedException stopped) {
                if (!cli.quiet()) {
                    cli.err().println("flowroute: sandbox stopped");
                    cli.err().flush();
                }
            }
        }
        return Exit.INTERRUPTED;
    }
}
