package com.flowroute.numbers.cli;

import com.flowroute.numbers.FlowrouteApiVersion;
import com.flowroute.numbers.FlowrouteCredentials;
import com.flowroute.numbers.reactive.FlowrouteClientBuilder;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code flowroute}: Flowroute's numbers, routes and messages from a terminal, on the SDK's
 * blocking client. {@code java -jar flowroute.jar --help} lists the commands.
 *
 * <p>The options here are global: they may be given before or after the command
 * ({@code flowroute --api v2 numbers list} or {@code flowroute numbers list --api v2}).
 */
@Command(name = "flowroute", mixinStandardHelpOptions = true, versionProvider = FlowrouteCli.Version.class,
        description = "Flowroute numbers, routes and messages from the command line.",
        subcommands = {AreaCodesCommand.class, ExchangesCommand.class, NumbersCommand.class, RoutesCommand.class,
                MessagesCommand.class, SandboxCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nCredentials:%n",
        footer = {"  FLOWROUTE_ACCESS_KEY and FLOWROUTE_SECRET_KEY from the environment, or",
                "  --access-key KEY and the secret typed when asked (never on the command line).",
                "  FLOWROUTE_BASE_URL and FLOWROUTE_API_VERSION are read too.",
                "  --sandbox runs any command offline against a fresh embedded sandbox."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:Flowroute refused or failed (its message is printed)",
                "2:bad usage or input (nothing was sent)", "3:a bulk operation did part of what was asked",
                "130:interrupted (Ctrl-C); what was done and not is printed"})
public final class FlowrouteCli implements Callable<Integer> {
    static final int DEFAULT_CONCURRENCY = 4;
    static final int MAX_CONCURRENCY = 32;

    private final Shell shell;

    @Spec
    CommandSpec spec;

    @Option(names = "--api", scope = ScopeType.INHERIT, paramLabel = "v1|v2", converter = ApiVersionConverter.class,
            description = "Flowroute API version for numbers and routes (default: FLOWROUTE_API_VERSION, else v1).")
    FlowrouteApiVersion api;

    @Option(names = "--base-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "API root (default: FLOWROUTE_BASE_URL, else " + FlowrouteClientBuilder.DEFAULT_BASE_URL + ").")
    String baseUrl;

    @Option(names = "--access-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "Access key (default: FLOWROUTE_ACCESS_KEY); the secret comes from FLOWROUTE_SECRET_KEY"
                    + " or is asked for with echo off, never from the command line.")
    String accessKey;

    @Option(names = "--sandbox", scope = ScopeType.INHERIT,
            description = "Run against a fresh embedded sandbox: offline, no account, nothing billed.")
    boolean sandbox;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "table|json|csv",
            converter = OutputFormatConverter.class,
            description = "Output format (default: table on a terminal, JSON lines when piped).")
    OutputFormat output;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress bars or notes on stderr; results and errors only.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "The SDK's DEBUG lines on stderr, and the causes of errors.")
    boolean verbose;

    @Option(names = "--concurrency", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Calls in flight at once in bulk work, 1 to " + MAX_CONCURRENCY + " (default "
                    + DEFAULT_CONCURRENCY + ").")
    Integer concurrency;

    // Declared so that picocli takes the value as this option's (never echoing it in an
    // "unknown option" message), and refused in execute().
    @Option(names = "--secret-key", hidden = true, arity = "0..1", scope = ScopeType.INHERIT)
    String refusedSecret;

    FlowrouteCli(Shell shell) {
        this.shell = shell;
    }

    /**
     * Runs the command line and exits with its status; see {@code --help}. On Ctrl-C, work in
     * flight is cancelled, what was done and not is printed, and the status is 130.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Shell shell = Shell.system();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.getCount() > 0) {
                shell.interruption().request();
                try {
                    // Lets the command cancel its calls and print its report before the JVM halts.
                    finished.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "flowroute-ctrl-c"));
        int status = commandLine(shell).execute(args);
        System.out.flush();
        System.err.flush();
        finished.countDown();
        // After Ctrl-C the JVM is already shutting down with status 130, and System.exit would
        // wait for the shutdown hook forever.
        if (!shell.interruption().requested()) {
            System.exit(status);
        }
    }

    /** The command line, ready to {@code execute}, reading its environment from {@code shell}. */
    static CommandLine commandLine(Shell shell) {
        FlowrouteCli root = new FlowrouteCli(shell);
        CommandLine line = new CommandLine(root);
        // An @file could carry a secret option past the guard's view of the arguments.
        line.setExpandAtFiles(false);
        line.setExecutionStrategy(root::execute);
        line.setParameterExceptionHandler(FlowrouteCli::badUsage);
        line.setExecutionExceptionHandler((failure, command, parseResult) ->
                Exit.report(failure, command.getErr(), root.verbose, shell.interruption()));
        line.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
        return line;
    }

    /** The root command of {@code spec}'s command line, holding the global options. */
    static FlowrouteCli of(CommandSpec spec) {
        return (FlowrouteCli) spec.root().userObject();
    }

    /** No command given. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("flowroute: a command is required");
        spec.commandLine().usage(err);
        return Exit.USAGE;
    }

    Shell shell() {
        return shell;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    boolean quiet() {
        return quiet;
    }

    boolean verbose() {
        return verbose;
    }

    int concurrency() {
        return concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
    }

    /** The format to write results in: {@code --output}, else by whether stdout is a terminal. */
    OutputFormat format() {
        return output != null ? output : shell.stdoutIsTerminal() ? OutputFormat.TABLE : OutputFormat.JSON;
    }

    private int execute(ParseResult parseResult) {
        PrintWriter err = err();
        if (SecretGuard.matched(parseResult)) {
            err.println(SecretGuard.REFUSAL);
            err.flush();
            return Exit.USAGE;
        }
        if (quiet && verbose) {
            return Exit.report(BadInput.usage("--quiet and --verbose exclude each other: give one"), err, false,
                    shell.interruption());
        }
        if (concurrency != null && (concurrency < 1 || concurrency > MAX_CONCURRENCY)) {
            return Exit.report(BadInput.invalid("--concurrency", concurrency, "must be 1 to " + MAX_CONCURRENCY),
                    err, false, shell.interruption());
        }
        Logging.configure(verbose, quiet);
        shell.interruption().enter();
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } finally {
            shell.interruption().leave();
        }
    }

    private static int badUsage(ParameterException problem, String[] args) {
        PrintWriter err = problem.getCommandLine().getErr();
        if (SecretGuard.mentionsSecret(args)) {
            err.println(SecretGuard.REFUSAL);
        } else {
            err.println("flowroute: " + Exit.oneLine(problem.getMessage()));
            UnmatchedArgumentException.printSuggestions(problem, err);
            err.println("Try '" + problem.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        err.flush();
        return Exit.USAGE;
    }

    /**
     * Connects as the global options say: to a fresh sandbox with {@code --sandbox}, else to
     * {@code --base-url} or {@code FLOWROUTE_BASE_URL} with the credentials of the environment or
     * of {@code --access-key} and a prompt.
     *
     * @throws BadInput when the options or the environment leave no usable target or credentials
     */
    Session open() {
        if (sandbox && baseUrl != null) {
            throw BadInput.usage("--sandbox and --base-url exclude each other: give one");
        }
        if (sandbox) {
            FlowrouteSandbox embedded = FlowrouteSandbox.start();
            try {
                Session session = connect(embedded.baseUrl(), embedded.credentials(), embedded);
                session.note("flowroute: using a fresh embedded sandbox at " + embedded.baseUrl()
                        + " (offline; it is gone when the command ends)");
                return session;
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        }
        FlowrouteCredentials credentials = credentials();
        String url = baseUrl;
        String urlSource = "--base-url";
        if (url == null) {
            url = nonBlank(shell.environment().apply(FlowrouteClientBuilder.BASE_URL_VARIABLE));
            urlSource = FlowrouteClientBuilder.BASE_URL_VARIABLE;
        }
        if (url == null) {
            url = FlowrouteClientBuilder.DEFAULT_BASE_URL;
        }
        try {
            return connect(url, credentials, null);
        } catch (IllegalArgumentException e) {
            throw BadInput.from(e, Map.of("baseUrl", urlSource));
        }
    }

    private Session connect(String url, FlowrouteCredentials credentials, FlowrouteSandbox embedded) {
        FlowrouteApiVersion version = api;
        if (version == null) {
            String fromEnvironment = nonBlank(shell.environment().apply(FlowrouteClientBuilder.API_VERSION_VARIABLE));
            if (fromEnvironment != null) {
                version = FlowrouteApiVersion.parse(FlowrouteClientBuilder.API_VERSION_VARIABLE, fromEnvironment);
            } else if (Session.versionOf(url) == null) {
                // Set here, so that the SDK never falls back on System.getenv behind the shell's environment.
                version = FlowrouteApiVersion.V1;
            }
        }
        return new Session(this, url, credentials, version, embedded);
    }

    private FlowrouteCredentials credentials() {
        String access = accessKey != null ? accessKey : nonBlank(shell.environment().apply(FlowrouteCredentials.ACCESS_KEY_VARIABLE));
        String secret = nonBlank(shell.environment().apply(FlowrouteCredentials.SECRET_KEY_VARIABLE));
        if (access == null && secret == null) {
            throw BadInput.usage("no Flowroute credentials: set the environment variables FLOWROUTE_ACCESS_KEY and"
                    + " FLOWROUTE_SECRET_KEY (Flowroute portal, Preferences > API Control), or give --access-key KEY"
                    + " and type the secret when asked; or add --sandbox to try every command offline");
        }
        if (access == null) {
            throw BadInput.usage("FLOWROUTE_ACCESS_KEY is not set (FLOWROUTE_SECRET_KEY is): set it to your Flowroute"
                    + " access key or give --access-key KEY; or add --sandbox to try every command offline");
        }
        if (secret == null) {
            secret = askSecret(access);
        }
        try {
            return FlowrouteCredentials.of(access, secret);
        } catch (IllegalArgumentException e) {
            throw BadInput.from(e, Map.of("accessKey", accessKey != null ? "--access-key" : "FLOWROUTE_ACCESS_KEY",
                    "secretKey", "the secret key"));
        }
    }

    private String askSecret(String access) {
        if (shell.secretPrompt() == null) {
            throw BadInput.usage("FLOWROUTE_SECRET_KEY is not set and there is no terminal to ask for the secret key:"
                    + " set FLOWROUTE_SECRET_KEY; or add --sandbox to try every command offline");
        }
        char[] typed = shell.secretPrompt().read("Flowroute secret key for " + access + ": ");
        if (typed == null || typed.length == 0) {
            throw BadInput.usage("no secret key was typed: type it when asked, or set FLOWROUTE_SECRET_KEY");
        }
        String secret = new String(typed);
        Arrays.fill(typed, '\0');
        return secret;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code --api v1|v2}. */
    static final class ApiVersionConverter implements ITypeConverter<FlowrouteApiVersion> {
        @Override
        public FlowrouteApiVersion convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "v1", "1" -> FlowrouteApiVersion.V1;
                case "v2", "2" -> FlowrouteApiVersion.V2;
                default -> throw new TypeConversionException("\"" + value + "\" is invalid: must be v1 or v2");
            };
        }
    }

    /** {@code --output table|json|csv}. */
    static final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("\"" + value + "\" is invalid: must be table, json or csv");
            }
        }
    }

    /** The jar's version, from its manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"flowroute " + number()};
        }

        /** The version, such as {@code 0.1.0}; {@code dev} outside the jar (tests, an IDE). */
        static String number() {
            String version = FlowrouteCli.class.getPackage().getImplementationVersion();
            return version == null ? "dev" : version;
        }
    }
}
