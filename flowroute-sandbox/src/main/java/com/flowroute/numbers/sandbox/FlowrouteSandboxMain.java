package com.flowroute.numbers.sandbox;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox on its own until the process is stopped (Ctrl-C or SIGTERM):
 * {@code java -jar flowroute-sandbox-VERSION-all.jar --port 8089}. It prints the base URL and
 * the keys to use, as environment variables the SDK reads. The keys are throwaway keys of a
 * local test server: printing them is the point. With {@code --control} it also serves the
 * unsigned control interface under {@code /_sandbox/} (reset, journal, faults, inbound messages) to loopback
 * clients, for tests written in other languages.
 */
public final class FlowrouteSandboxMain {
    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar flowroute-sandbox-all.jar [options]",
            "  --port N            port to listen on (default 8089; 0 = any free port)",
            "  --host ADDRESS      address to listen on (default 127.0.0.1)",
            "  --access-key KEY    access key to accept (default: random)",
            "  --secret-key KEY    secret key to accept (default: random)",
            "  --seed N            seed of the inventory (default 42)",
            "  --inventory-size N  numbers for sale at the start (default 10000)",
            "  --message-rate-limit N  messages the account may send per second (default 5,",
            "                      Flowroute's; 0 = no limit)",
            "  --control           serve the unsigned control interface under /_sandbox/ (reset,",
            "                      journal, faults, inbound messages) to loopback clients; see README.md",
            "  --help              print this and exit");

    private FlowrouteSandboxMain() {}

    /**
     * Starts the sandbox and serves until the process is stopped.
     *
     * @param args the options of {@code --help}
     */
    public static void main(String[] args) throws InterruptedException {
        FlowrouteSandbox.Builder builder;
        try {
            builder = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.println(USAGE);
            return;
        }
        FlowrouteSandbox sandbox = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "flowroute-sandbox-shutdown"));
        print(sandbox, System.out);
        // Reactor Netty's event loop threads are daemons: this thread keeps the JVM alive.
        stopped.await();
    }

    /** The builder the options describe, or null for {@code --help}. */
    static FlowrouteSandbox.Builder options(String[] args) {
        FlowrouteSandbox.Builder builder = FlowrouteSandbox.builder().port(8089);
        String accessKey = null;
        String secretKey = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (option.equals("--control")) {
                builder.controlInterface(true);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value, or is unknown");
            }
            String value = args[++i];
            switch (option) {
                case "--port":
                    builder.port(integer(option, value));
                    break;
                case "--host":
                    builder.host(value);
                    break;
                case "--access-key":
                    accessKey = value;
                    break;
                case "--secret-key":
                    secretKey = value;
                    break;
                case "--seed":
                    builder.seed(longInteger(option, value));
                    break;
                case "--inventory-size":
                    builder.inventorySize(integer(option, value));
                    break;
                case "--message-rate-limit":
                    builder.messageRateLimit(integer(option, value));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("give both --access-key and --secret-key, or neither");
        }
        if (accessKey != null) {
            builder.credentials(accessKey, secretKey);
        }
        return builder;
    }

    static void print(FlowrouteSandbox sandbox, PrintStream out) {
        out.println("Flowroute sandbox listening on " + sandbox.baseUrl() + " (Ctrl-C to stop)");
        out.println("FLOWROUTE_BASE_URL=" + sandbox.baseUrl());
        out.println("FLOWROUTE_ACCESS_KEY=" + sandbox.credentials().accessKey());
        out.println("FLOWROUTE_SECRET_KEY=" + sandbox.credentials().secretKey());
        if (sandbox.controlUrl() != null) {
            out.println("Control interface on " + sandbox.controlUrl() + " (unsigned, loopback clients only)");
        }
        out.flush();
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + " needs a whole number, not \"" + value + "\"");
        }
    }

    private static long longInteger(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + " needs a whole number, not \"" + value + "\"");
        }
    }
}
