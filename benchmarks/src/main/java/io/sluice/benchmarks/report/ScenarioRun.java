package io.sluice.benchmarks.report;

import io.sluice.benchmarks.ScenarioResult;
import java.time.Duration;

/**
 * A scenario's result with the conditions it ran under.
 *
 * @param description what the scenario measures against what
 * @param loadBefore the load average when it started
 * @param loadAfter the load average when it ended
 * @param took its wall time
 */
public record ScenarioRun(
        ScenarioResult result, String description, String loadBefore, String loadAfter, Duration took) {}
