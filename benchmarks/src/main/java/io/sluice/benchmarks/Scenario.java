package io.sluice.benchmarks;

/**
 * One load scenario: it measures Sluice and a baseline doing the same work in the same run, on the
 * same machine, and returns figures as ratios of the two.
 *
 * <p>A scenario must be bounded in message count and wall time, talk to 127.0.0.1 only, stop by
 * itself (failing with a message when a bound is hit) and log a progress line every few seconds
 * while it runs longer than that. {@link ScenarioContext#smoke()} asks for a run of seconds that
 * only proves the scenario works.
 *
 * <p>To add one (the planned {@code webhook} and {@code cdc} scenarios), implement this interface
 * in {@code io.sluice.benchmarks.scenario} and list it in {@code Scenarios}.
 */
public interface Scenario {

    /** The command-line name, e.g. {@code queue}. */
    String name();

    /** One line saying what is measured against what. */
    String description();

    /**
     * Runs the scenario.
     *
     * @throws Exception when the harness itself could not measure (a service is down, a bound was
     *     hit); a slow Sluice is a failing figure, not an exception
     */
    ScenarioResult run(ScenarioContext context) throws Exception;
}
