package io.sluice.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The facts a reader needs to compare runs: cores, memory, CPU, JDK, OS, and the load average,
 * read from {@code /proc} (what {@code uptime} prints) since other work may share the machine.
 */
public record Machine(int cores, String memory, String cpu, String jdk, String os) {

    /** This machine, now. */
    public static Machine current() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                procLine("/proc/meminfo", "MemTotal:")
                        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MiB")
                        .orElse("unknown"),
                procLine("/proc/cpuinfo", "model name")
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .orElse(System.getProperty("os.arch")),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                prettyOs() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version") + ")");
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String prettyOs() {
        return procLine("/etc/os-release", "PRETTY_NAME=")
                .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
                .orElse("unknown OS");
    }

    private static Optional<String> procLine(String file, String prefix) {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(path);
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
