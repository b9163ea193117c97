package io.sluice.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HarnessTest {

    @Test
    void allExpandsToEveryRunnableScenarioInOrder() {
        HarnessOptions options = Harness.parse(new String[] {"--smoke", "all"});

        assertThat(options.smoke()).isTrue();
        assertThat(options.scenarios())
                .containsExactly("queue", "async", "stall", "startup", "webhook", "cdc", "kafka");
    }

    @Test
    void noScenarioMeansAllAndOutDefaultsToATimestampedReportDirectory() {
        HarnessOptions options = Harness.parse(new String[] {});

        assertThat(options.smoke()).isFalse();
        assertThat(options.scenarios())
                .containsExactly("queue", "async", "stall", "startup", "webhook", "cdc", "kafka");
        assertThat(options.reportDir().toString()).matches("benchmarks/reports/\\d{8}-\\d{6}");
    }

    @Test
    void rejectsUnknownScenarioNamingIt() {
        assertThatThrownBy(() -> Harness.parse(new String[] {"queue", "pulsar"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pulsar'");
    }

    @Test
    void scenariosRunInTheOrderGivenIntoTheDirectoryGiven() {
        HarnessOptions options = Harness.parse(new String[] {"--out", "/tmp/x", "cdc", "queue"});

        assertThat(options.scenarios()).containsExactly("cdc", "queue");
        assertThat(options.reportDir().toString()).isEqualTo("/tmp/x");
    }
}
