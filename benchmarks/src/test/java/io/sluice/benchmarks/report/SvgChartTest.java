package io.sluice.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    @Test
    void drawsOnePolylinePerSeriesWithinThePlotArea() {
        Chart chart = Chart.lines(
                "c.svg",
                "t",
                "seconds",
                "msg/s",
                List.of(
                        new Series("a", new double[] {0, 1, 2}, new double[] {0, 500, 1000}),
                        new Series("b", new double[] {0, 2}, new double[] {100, 200})));

        String svg = SvgChart.render(chart);

        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
        assertThat(svg).contains("points=\"80.0,310.0 410.0,").contains(">2,000<");
    }

    @Test
    void escapesMarkupInLabels() {
        Chart chart = Chart.lines("c.svg", "p50 < p99 & \"max\"", "x", "y", List.of());

        String svg = SvgChart.render(chart);

        assertThat(svg).contains("p50 &lt; p99 &amp; &quot;max&quot;").doesNotContain("p50 < p99");
    }

    @Test
    void shadesBandsAndLabelsCategories() {
        Chart chart = new Chart(
                "c.svg",
                "t",
                "percentile",
                "ms",
                List.of(new Series("s", new double[] {0, 1}, new double[] {1, 2})),
                List.of("p50", "p99"),
                List.of(new Chart.Band("stall", 0, 1)));

        String svg = SvgChart.render(chart);

        assertThat(svg)
                .contains("fill=\"#f5c6c6\"")
                .contains(">stall<")
                .contains(">p50<")
                .contains(">p99<");
    }

    @Test
    void roundsAxisMaximaUpToOneTwoOrFiveSteps() {
        assertThat(SvgChart.niceCeiling(730)).isEqualTo(1000);
        assertThat(SvgChart.niceCeiling(180)).isEqualTo(200);
        assertThat(SvgChart.niceCeiling(2.1)).isEqualTo(2.5);
        assertThat(SvgChart.niceCeiling(0.04)).isCloseTo(0.05, within(1e-12));
    }
}
