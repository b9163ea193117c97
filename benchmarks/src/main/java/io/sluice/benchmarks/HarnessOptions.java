package io.sluice.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * What one harness run does.
 *
 * @param smoke run each scenario for seconds, to prove the harness works (not to measure speed)
 * @param scenarios the scenario names, in order
 * @param reportDir where {@code report.md} and the SVG charts go
 * @param natsUrl the NATS server with JetStream, on 127.0.0.1
 * @param appJar {@code app/target/sluice-app.jar}, which the startup scenario launches
 */
public record HarnessOptions(boolean smoke, List<String> scenarios, Path reportDir, String natsUrl, Path appJar) {

    public HarnessOptions {
        scenarios = List.copyOf(scenarios);
    }
}
