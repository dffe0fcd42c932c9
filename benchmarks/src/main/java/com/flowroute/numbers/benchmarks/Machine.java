package com.flowroute.numbers.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the benchmark ran on: cores, memory, CPU, Java, OS, JVM options. */
final class Machine {
    final int cores = Runtime.getRuntime().availableProcessors();
    final long memoryBytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    final long maxHeapBytes = Runtime.getRuntime().maxMemory();
    final String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
    /** As {@code java -version} prints it. */
    final String java = System.getProperty("java.runtime.name") + " (build " + System.getProperty("java.runtime.version")
            + "), " + System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.info", "") + ")";
    final String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map(name -> name + ", ").orElse("")
            + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    final List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    final String gc = String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(bean -> bean.getName()).toArray(String[]::new));

    /** The {@code java} command that started this JVM, as far as the JVM knows it. */
    String javaCommand() {
        String command = System.getProperty("sun.java.command", "");
        String jvm = jvmArguments.isEmpty() ? "" : String.join(" ", jvmArguments) + " ";
        // Started with -jar, the main "class" is the jar's path.
        return "java " + jvm + (command.endsWith(".jar") || command.contains(".jar ") ? "-jar " : "") + command;
    }

    /** The 1, 5 and 15 minute load averages, from {@code /proc/loadavg}; "unknown" elsewhere. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    String memory() {
        return String.format(Locale.ROOT, "%.1f GiB", memoryBytes / (1024.0 * 1024 * 1024));
    }

    String maxHeap() {
        return String.format(Locale.ROOT, "%.1f GiB", maxHeapBytes / (1024.0 * 1024 * 1024));
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                int separator = line.indexOf(line.contains("=") && !line.contains(":") ? '=' : ':');
                if (separator > 0 && line.substring(0, separator).trim().equals(key)) {
                    return Optional.of(line.substring(separator + 1).trim().replace("\"", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the caller falls back to what the JVM knows.
        }
        return Optional.empty();
    }
}
