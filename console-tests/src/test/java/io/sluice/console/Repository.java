package io.sluice.console;

import java.nio.file.Path;

/** Paths in the repository: tests run in the module's directory, {@code console-tests/}. */
final class Repository {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final Path METRICS_DOC = ROOT.resolve("docs/metrics.md");

    static final Path DASHBOARD = ROOT.resolve("charts/sluice/dashboards/sluice.json");

    private Repository() {}
}
