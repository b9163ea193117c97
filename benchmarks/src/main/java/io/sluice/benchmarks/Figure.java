package io.sluice.benchmarks;

/**
 * One row of the report: a Sluice figure, the same-run baseline figure, their ratio, and whether
 * the target holds.
 *
 * @param scenario the scenario's name
 * @param metric what was measured, e.g. {@code throughput}
 * @param unit the unit of both figures, e.g. {@code msg/s}
 * @param sluice Sluice's figure; {@code NaN} when unmeasured
 * @param baseline the baseline's figure; {@code NaN} when unmeasured
 * @param target the target in words, e.g. {@code ratio ≥ 0.8}
 * @param verdict whether the target holds
 * @param sluiceLatency Sluice's latency percentiles, or {@code null}
 * @param baselineLatency the baseline's latency percentiles, or {@code null}
 */
public record Figure(
        String scenario,
        String metric,
        String unit,
        double sluice,
        double baseline,
        String target,
        Verdict verdict,
        Latency sluiceLatency,
        Latency baselineLatency) {

    /** Whether a target holds. */
    public enum Verdict {
        PASS,
        FAIL,
        /** No target: the figure is for information. */
        INFO
    }

    /** A row saying the scenario could not measure, and why. */
    public static Figure unmeasured(String scenario, String cause) {
        return new Figure(scenario, "not measured: " + cause, "", Double.NaN, Double.NaN, "", Verdict.FAIL, null, null);
    }

    /** Sluice's figure over the baseline's. */
    public double ratio() {
        return sluice / baseline;
    }
}
