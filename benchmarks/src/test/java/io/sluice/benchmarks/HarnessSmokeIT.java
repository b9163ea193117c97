package io.sluice.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the harness in {@code --smoke} mode for {@code queue}, {@code async}, {@code startup} and
 * {@code kafka} against the real NATS server and Kafka broker, a local function server and the
 * built {@code sluice-app.jar}, and
 * checks that the report and its charts come out with numeric figures. It proves the harness works;
 * it asserts nothing about speed.
 */
class HarnessSmokeIT {

    private static final String NUMBER = "[\\d,]+(\\.\\d+)?";
    private static final List<String> CHARTS = List.of(
            "queue-throughput.svg",
            "queue-latency.svg",
            "async-throughput.svg",
            "async-latency.svg",
            "startup-ready.svg",
            "startup-rss.svg",
            "kafka-throughput.svg",
            "kafka-latency.svg");

    @TempDir
    Path reports;

    @Test
    void smokeRunWritesReportWithNumericRatiosAndEmbeddedSvgCharts() throws Exception {
        // The kafka scenario reads the variable itself; this fails in CI (skips elsewhere) when unset.
        TestServices.kafkaBootstrap();
        HarnessOptions options = new HarnessOptions(
                true,
                List.of("queue", "async", "startup", "kafka"),
                reports,
                TestServices.natsUrl(),
                Path.of(System.getProperty("sluice.app.jar", "../app/target/sluice-app.jar")));

        Harness.Outcome outcome = Harness.run(options);

        assertThat(outcome.allMeasured()).isTrue();
        String report = Files.readString(outcome.report());
        assertThat(report)
                .containsPattern(row("queue", "throughput", "msg/s"))
                .containsPattern(row("async", "completed invocations/s", "/s"))
                .containsPattern(row("startup", "launch → /health/ready 200 (median)", "ms"))
                .containsPattern(row("kafka", "throughput", "records/s"))
                .contains("Cores: ", "JDK: ", "Load average");
        for (String chart : CHARTS) {
            assertThat(report).contains("](" + chart + ")");
            assertThat(Files.readString(reports.resolve(chart)))
                    .startsWith("<svg")
                    .containsPattern("<polyline [^>]*points=\"" + NUMBER + "," + NUMBER);
        }
    }

    /** A table row: scenario, metric, Sluice figure, baseline figure and ratio, all numbers. */
    private static Pattern row(String scenario, String metric, String unit) {
        String figure = NUMBER + " " + Pattern.quote(unit);
        return Pattern.compile("\\| " + scenario + " \\| " + Pattern.quote(metric) + " \\| " + figure + " \\| " + figure
                + " \\| \\d+\\.\\d{2} \\|");
    }
}
