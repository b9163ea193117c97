package io.sluice.connector.openfaas.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationsTest {

    @ParameterizedTest(name = "{0} -> {1}ns")
    @CsvSource({
        "0, 0",
        "-0, 0",
        "10s, 10000000000",
        "2m, 120000000000",
        "500ms, 500000000",
        "1m30s, 90000000000",
        "1h2m3s4ms5us6ns, 3723004005006",
        "1.5h, 5400000000000",
        ".5s, 500000000",
        "1.s, 1000000000",
        "-3s, -3000000000",
        "+5s, 5000000000",
        "1us, 1000",
        "1\u00b5s, 1000",
        "1\u03bcs, 1000",
        "0.000000001s, 1",
        "1.0000000001s, 1000000000",
        "9223372036854775807ns, 9223372036854775807",
        "-9223372036854775808ns, -9223372036854775808",
        "2562047h47m16.854775807s, 9223372036854775807"
    })
    void parsesLikeGoTimeParseDuration(String text, long nanos) {
        Duration duration = GoDurations.parse(text);

        assertThat(duration).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|expected a number and a unit",
                "-|expected a number and a unit",
                "10|missing unit",
                "1x|unknown unit \"x\"",
                "10 s|unknown unit \" s\"",
                "s|expected a digit",
                ".s|expected a digit",
                "1h-2m|unknown unit \"h-\"",
                "9223372036854775808ns|out of range",
                "2562048h|out of range"
            })
    void rejectsWithTheTextAndTheProblem(String text, String problem) {
        assertThatThrownBy(() -> GoDurations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid duration \"" + text + "\": ")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0}ns -> {1}")
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "1500, 1.5\u00b5s",
        "500000000, 500ms",
        "1500000000, 1.5s",
        "10000000000, 10s",
        "90000000000, 1m30s",
        "120000000000, 2m0s",
        "3600000000000, 1h0m0s",
        "-3000000000, -3s"
    })
    void formatsLikeGoDurationString(long nanos, String expected) {
        String text = GoDurations.format(Duration.ofNanos(nanos));

        assertThat(text).isEqualTo(expected);
        assertThat(GoDurations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }
}
