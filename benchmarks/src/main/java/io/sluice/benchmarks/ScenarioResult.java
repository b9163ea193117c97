package io.sluice.benchmarks;

import io.sluice.benchmarks.report.Chart;
import java.util.List;

/**
 * What a scenario measured: the report rows, the charts drawn from its time series, and notes on
 * settings and caveats that a reader needs to judge the figures.
 */
public record ScenarioResult(String scenario, List<Figure> figures, List<Chart> charts, List<String> notes) {

    public ScenarioResult {
        figures = List.copyOf(figures);
        charts = List.copyOf(charts);
        notes = List.copyOf(notes);
    }

    /** A scenario that could not run: one failing row naming the cause. */
    public static ScenarioResult failed(String scenario, String cause) {
        return new ScenarioResult(scenario, List.of(Figure.unmeasured(scenario, cause)), List.of(), List.of());
    }
}
