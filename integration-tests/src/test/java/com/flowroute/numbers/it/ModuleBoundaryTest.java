package com.flowroute.numbers.it;

import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toCollection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library modules' descriptors, read from the artifacts this build put on the test class path
 * (in a reactor {@code verify}, the jars under each module's {@code target/}) and resolved into a
 * module layer of their own: every library is an explicit module, its public package is exported
 * to everyone, core's internal packages only to the SDK's own modules, and an outside module that
 * imports an internal class does not compile.
 */
class ModuleBoundaryTest {
    private static final String CORE = "com.flowroute.numbers";
    private static final String REACTIVE = CORE + ".reactive";
    private static final String BLOCKING = CORE + ".blocking";
    private static final String SANDBOX = CORE + ".sandbox";
    private static final List<String> LIBRARIES = List.of(CORE, REACTIVE, BLOCKING, SANDBOX);
    /** The modules that may see core's internal packages. */
    private static final Set<String> SDK = Set.of(REACTIVE, BLOCKING, SANDBOX);
    private static final String INTERNAL = CORE + ".internal";
    private static final List<String> NAMED_INTERNAL_PACKAGES = List.of(INTERNAL, INTERNAL + ".v1", INTERNAL + ".v2");

    /** The libraries and the modules they require (not the optional ones), as module-path entries. */
    private static List<Path> modulePath;
    private static ModuleLayer layer;

    @BeforeAll
    static void resolveTheLibrariesInALayerOfTheirOwn() {
        Map<String, ModuleReference> observable = classPathModules();
        for (String library : LIBRARIES) {
            assertTrue(observable.containsKey(library), () -> library + " is not on the test class path: "
                    + System.getProperty("java.class.path"));
        }
        modulePath = requiredClosure(observable);
        ModuleFinder finder = ModuleFinder.of(modulePath.toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), LIBRARIES);
        layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void everyLibraryIsANamedExplicitModule() {
        for (String library : LIBRARIES) {
            Module module = module(library);
            ModuleDescriptor descriptor = module.getDescriptor();
            String where = library + " from " + location(library);
            assertTrue(module.isNamed(), where);
            assertEquals(library, module.getName());
            assertFalse(descriptor.isAutomatic(), where + " is an automatic module: its jar has no module-info.class");
            assertFalse(descriptor.isOpen(), where + " is an open module: every package is open to reflection");
        }
    }

    @Test
    void theLibrariesResolveWithoutTheirOptionalDependencies() {
        // The sandbox's JUnit extension and the models' Immutables annotations are "requires static".
        assertEquals(Optional.empty(), layer.findModule("org.junit.jupiter.api"));
        assertEquals(Optional.empty(), layer.findModule("org.immutables.value"));
    }

    @Test
    void coresInternalPackagesAreExportedOnlyToTheSdksModules() {
        Module core = module(CORE);
        Set<String> internal = core.getPackages().stream()
                .filter(p -> p.equals(INTERNAL) || p.startsWith(INTERNAL + "."))
                .collect(toCollection(TreeSet::new));
        assertTrue(internal.contains(INTERNAL), () -> "no " + INTERNAL + " in " + core.getPackages());

        // internal itself is shared with the other SDK modules; a package that only they may
        // see is either exported to exactly them or not at all (javac cannot export a package
        // that holds no class).
        Exports shared = exportOf(core.getDescriptor(), INTERNAL).orElseGet(() -> fail(INTERNAL + " is not exported"));
        assertEquals(SDK, shared.targets(), INTERNAL + " is not exported to exactly the SDK's modules");
        for (String pkg : internal) {
            exportOf(core.getDescriptor(), pkg).ifPresent(export -> {
                assertTrue(export.isQualified(), pkg + " is exported to every module");
                assertEquals(SDK, export.targets(), pkg + " is exported to the wrong modules");
            });
            boolean exported = exportOf(core.getDescriptor(), pkg).isPresent();
            for (String sdk : SDK) {
                assertEquals(exported, core.isExported(pkg, module(sdk)), pkg + " to " + sdk);
            }
        }
        assertTrue(core.isExported(INTERNAL, module(REACTIVE)));

        Module outside = ModuleBoundaryTest.class.getModule();
        for (String pkg : NAMED_INTERNAL_PACKAGES) {
            assertFalse(core.isExported(pkg), pkg + " is exported unqualified");
            assertFalse(core.isExported(pkg, outside), pkg + " is exported to the unnamed module");
            assertFalse(core.isOpen(pkg, outside), pkg + " is open to the unnamed module");
        }
        assertTrue(core.getDescriptor().opens().stream().noneMatch(o -> internal.contains(o.source())),
                () -> "an internal package is open: " + core.getDescriptor().opens());
    }

    @Test
    void everyPublicPackageIsExportedToEveryone() {
        Module outside = ModuleBoundaryTest.class.getModule();
        for (String library : LIBRARIES) {
            Module module = module(library);
            Set<String> publicPackages = module.getPackages().stream()
                    .filter(p -> !p.equals(INTERNAL) && !p.startsWith(INTERNAL + "."))
                    .collect(toCollection(TreeSet::new));
            Set<String> unqualified = module.getDescriptor().exports().stream()
                    .filter(e -> !e.isQualified())
                    .map(Exports::source)
                    .collect(toCollection(TreeSet::new));
            assertEquals(Set.of(library), publicPackages, library + " holds packages other than its own");
            assertEquals(publicPackages, unqualified, "the packages that " + library + " exports to everyone");
            for (String pkg : publicPackages) {
                assertTrue(module.isExported(pkg), pkg + " is not exported");
                assertTrue(module.isExported(pkg, outside), pkg + " is not exported to the unnamed module");
            }
        }
        // The JSON is written and read by hand in the protocol packages: nothing reflects on the models.
        Module core = module(CORE);
        assertTrue(core.getDescriptor().opens().isEmpty(), () -> "core opens " + core.getDescriptor().opens());
        assertFalse(core.isOpen(CORE, outside));
        assertFalse(core.isOpen(CORE));
    }

    @Test
    void anOutsideModuleCanUseThePublicPackageButNotAnInternalOne(@TempDir Path dir) throws IOException {
        String requiresCore = "module outside.probe { requires " + CORE + "; }";
        Compilation usesPublic = compile(dir.resolve("public"), requiresCore, """
                package outside.probe;

                import com.flowroute.numbers.PhoneNumber;

                public class Probe {
                    public static String areaCode() {
                        return PhoneNumber.parse("12066417744").npa();
                    }
                }
                """);
        assertTrue(usesPublic.succeeded(), usesPublic::report);

        Compilation usesInternal = compile(dir.resolve("internal"), requiresCore, """
                package outside.probe;

                import com.flowroute.numbers.internal.Validation;

                public class Probe {
                    public static RuntimeException refusal() {
                        return Validation.invalid("field", "value", "rule");
                    }
                }
                """);
        assertFalse(usesInternal.succeeded(), "an outside module compiled against " + INTERNAL);
        assertTrue(usesInternal.errors().stream().anyMatch(e -> e.contains(INTERNAL)
                        && (e.contains("does not export") || e.contains("not visible"))),
                usesInternal::report);
    }

    @Test
    void anOutsideModuleThatRequiresBlockingSeesTheTypesOfItsApi(@TempDir Path dir) throws IOException {
        // Only the blocking module is required: the reactive client, core's values and Reactor's
        // and Reactor Netty's types come through "requires transitive".
        Compilation compilation = compile(dir, "module outside.probe { requires " + BLOCKING + "; }", """
                package outside.probe;

                import com.flowroute.numbers.AvailableNumber;
                import com.flowroute.numbers.PhoneNumber;
                import com.flowroute.numbers.blocking.PagedIterable;
                import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
                import reactor.core.publisher.Mono;
                import reactor.netty.http.client.HttpClient;

                public class Probe {
                    public static Mono<Void> purchase(ReactiveFlowrouteClient client) {
                        return client.numbers().purchase(PhoneNumber.parse("12066417744"));
                    }

                    public static PagedIterable<AvailableNumber> search(ReactiveFlowrouteClient client) {
                        return new PagedIterable<>(client.availableNumbers().search());
                    }

                    public static ReactiveFlowrouteClient.Builder over(HttpClient http) {
                        return ReactiveFlowrouteClient.builder().httpClient(http);
                    }
                }
                """);
        assertTrue(compilation.succeeded(), compilation::report);
    }

    /** What javac said about one outside module. */
    private record Compilation(boolean succeeded, List<String> errors, String report) {}

    private static Compilation compile(Path dir, String moduleInfo, String probe) throws IOException {
        Path sources = dir.resolve("src");
        Path probeFile = sources.resolve("outside/probe/Probe.java");
        Files.createDirectories(probeFile.getParent());
        Files.writeString(sources.resolve("module-info.java"), moduleInfo);
        Files.writeString(probeFile, probe);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertTrue(javac != null, "tests need a JDK, not a JRE");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            List<String> options = List.of(
                    "--module-path", modulePath.stream().map(Path::toString).collect(joining(File.pathSeparator)),
                    "-proc:none",
                    "-d", dir.resolve("classes").toString());
            boolean succeeded = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(sources.resolve("module-info.java"), probeFile)).call();
            List<String> errors = new ArrayList<>();
            StringBuilder report = new StringBuilder(moduleInfo).append('\n').append(probe);
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                String message = d.getMessage(null);
                report.append(d.getKind()).append(" line ").append(d.getLineNumber()).append(": ").append(message).append('\n');
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(message);
                }
            }
            return new Compilation(succeeded, errors, report.toString());
        }
    }

    private static Module module(String name) {
        return layer.findModule(name).orElseGet(() -> fail(name + " is not in the layer"));
    }

    private static String location(String name) {
        return layer.configuration().findModule(name)
                .flatMap(m -> m.reference().location())
                .map(URI::toString)
                .orElse("?");
    }

    private static Optional<Exports> exportOf(ModuleDescriptor descriptor, String pkg) {
        return descriptor.exports().stream().filter(e -> e.source().equals(pkg)).findFirst();
    }

    /**
     * Every module on the test class path, by name: jars, and directories holding a
     * module-info.class (what a reactor build short of {@code package} puts there).
     */
    private static Map<String, ModuleReference> classPathModules() {
        Map<String, ModuleReference> byName = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            boolean artifact = entry.endsWith(".jar")
                    ? Files.isRegularFile(path)
                    : Files.isRegularFile(path.resolve("module-info.class"));
            if (!artifact) {
                continue;
            }
            try {
                ModuleFinder.of(path).findAll().forEach(ref -> byName.putIfAbsent(ref.descriptor().name(), ref));
            } catch (FindException notAModule) {
                // Test tooling whose jar name makes no module name; no library requires it.
            }
        }
        return byName;
    }

    /**
     * The libraries and, transitively, the modules they require other than "requires static":
     * exactly what a module path needs. Automatic modules pull in every other automatic module
     * when resolved, so the rest of the class path (test tooling) stays out.
     */
    private static List<Path> requiredClosure(Map<String, ModuleReference> observable) {
        List<Path> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(LIBRARIES);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            ModuleReference ref = observable.get(name);
            if (!seen.add(name) || ref == null) {
                continue; // a JDK module, or one that resolve() will report missing
            }
            paths.add(Path.of(ref.location().orElseThrow()));
            for (Requires requires : ref.descriptor().requires()) {
                if (!requires.modifiers().contains(Requires.Modifier.STATIC)) {
                    todo.add(requires.name());
                }
            }
        }
        return paths;
    }
}
