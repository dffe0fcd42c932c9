package com.flowroute.numbers.sandbox;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs one {@link FlowrouteSandbox} per test class, resets it before each
 * test and injects it into constructors, test methods and lifecycle methods that take one.
 *
 * <pre>{@code
 * @ExtendWith(FlowrouteSandboxExtension.class)
 * class PurchaseTest {
 *     @Test
 *     void buysANumber(FlowrouteSandbox sandbox) { ... }
 * }
 * }</pre>
 *
 * <p>For other settings, register it with a builder:
 * {@code @RegisterExtension static FlowrouteSandboxExtension sandbox =
 * new FlowrouteSandboxExtension(FlowrouteSandbox.builder().inventorySize(500));}.
 * The sandbox is closed when the test class is done; {@code @Nested} classes share their enclosing
 * class's sandbox.
 *
 * <p>One default differs from {@link FlowrouteSandbox#start()}: the message rate limit is off
 * (tests send as fast as they like), unless the builder sets one with
 * {@link FlowrouteSandbox.Builder#messageRateLimit(int)}.
 */
public final class FlowrouteSandboxExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FlowrouteSandboxExtension.class);

    private final Supplier<FlowrouteSandbox> starter;

    /** An extension whose sandboxes have the defaults of {@link FlowrouteSandbox#start()}, without a message rate limit. */
    public FlowrouteSandboxExtension() {
        this(FlowrouteSandbox.builder());
    }

    /** An extension whose sandboxes are started with {@code builder}'s settings; no message rate limit unless it sets one. */
    public FlowrouteSandboxExtension(FlowrouteSandbox.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        this.starter = () -> FlowrouteSandbox.startForTests(builder);
    }

    /** A new sandbox with this extension's settings. */
    FlowrouteSandbox startSandbox() {
        return starter.get();
    }

    /** Resets the class's sandbox, starting it first if this is the class's first test. */
    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox(context).reset();
    }

    /** Whether the parameter is a {@link FlowrouteSandbox}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FlowrouteSandbox.class;
    }

    /** The test class's sandbox. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sandbox(extensionContext);
    }

    private FlowrouteSandbox sandbox(ExtensionContext context) {
        // Constructors and @BeforeAll see the class's context, tests a method's: both use the class's
        // store, whose lookups fall back to an enclosing class's, so @Nested classes share its sandbox.
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(startSandbox()), Running.class)
                .sandbox;
    }

    /**
     * The sandbox in the class's store; JUnit closes it when the class is done. Both interfaces:
     * JUnit before 5.13 closes only a CloseableResource, later ones prefer AutoCloseable (and
     * close it once).
     */
    @SuppressWarnings("deprecation")
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final FlowrouteSandbox sandbox;

        Running(FlowrouteSandbox sandbox) {
            this.sandbox = sandbox;
        }

        @Override
        public void close() {
            sandbox.close();
        }
    }
}
