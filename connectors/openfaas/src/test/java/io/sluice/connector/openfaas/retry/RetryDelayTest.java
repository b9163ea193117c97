package io.sluice.connector.openfaas.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RetryDelayTest {

    private static final Instant NOW = Instant.parse("2026-04-10T09:46:00Z");

    private final RetryPolicy policy = RetryPolicy.defaults();

    @ParameterizedTest(name = "retry {0} -> {1}s")
    @CsvSource({"1, 10", "2, 20", "3, 40", "4, 80", "5, 120", "6, 120", "64, 120", "2147483647, 120"})
    void doublesFromTheInitialWaitUpToTheMaximum(int retryNumber, long seconds) {
        Duration delay = policy.backoffBefore(retryNumber, new Random(1));

        assertThat(delay).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void waitsNothingWhenTheInitialWaitIsZero() {
        RetryPolicy immediate =
                RetryPolicy.builder().initialRetryWait(Duration.ZERO).build();

        Duration delay = immediate.backoffBefore(5, new Random(1));

        assertThat(delay).isZero();
    }

    @Test
    void fullJitterStaysBetweenZeroAndTheExponentialDelay() {
        RetryPolicy full = RetryPolicy.builder().backoff(Backoff.FULL).build();
        Random random = new Random(42);

        IntStream.rangeClosed(1, 8).forEach(retry -> {
            Duration ceiling = policy.backoffBefore(retry, random);

            Duration[] delays = IntStream.range(0, 200)
                    .mapToObj(i -> full.backoffBefore(retry, random))
                    .toArray(Duration[]::new);

            assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(Duration.ZERO, ceiling));
            assertThat(delays).anySatisfy(delay -> assertThat(delay).isLessThan(ceiling.dividedBy(2)));
        });
    }

    @Test
    void equalJitterStaysBetweenHalfAndAllOfTheExponentialDelay() {
        RetryPolicy equal = RetryPolicy.builder().backoff(Backoff.EQUAL).build();
        Random random = new Random(7);

        IntStream.rangeClosed(1, 8).forEach(retry -> {
            Duration ceiling = policy.backoffBefore(retry, random);

            Duration[] delays = IntStream.range(0, 200)
                    .mapToObj(i -> equal.backoffBefore(retry, random))
                    .toArray(Duration[]::new);

            assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(ceiling.dividedBy(2), ceiling));
            assertThat(delays)
                    .anySatisfy(delay ->
                            assertThat(delay).isLessThan(ceiling.multipliedBy(3).dividedBy(4)));
        });
    }

    @ParameterizedTest
    @EnumSource(Backoff.class)
    void givesTheSameDelaysForTheSameSeed(Backoff backoff) {
        RetryPolicy jittered = RetryPolicy.builder().backoff(backoff).build();

        Duration first = jittered.backoffBefore(3, new Random(99));
        Duration second = jittered.backoffBefore(3, new Random(99));

        assertThat(first).isEqualTo(second);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}s")
    @CsvSource(
            delimiter = '|',
            value = {
                "429|30|30",
                "503|45|45",
                "429|1|10",
                "503|0|10",
                "429|3600|120",
                "429|99999999999999999999999|120",
                "429|' 30 '|30",
                "429|Fri, 10 Apr 2026 09:47:00 GMT|60",
                "503|Friday, 10-Apr-26 09:47:30 GMT|90",
                "429|Fri Apr 10 09:46:45 2026|45",
                "429|Fri, 10 Apr 2026 09:00:00 GMT|10",
                "429|Fri, 10 Apr 2026 12:00:00 GMT|120"
            })
    void honoursRetryAfterWithinTheInitialAndMaximumWait(int status, String retryAfter, long seconds) {
        Duration delay = policy.delayBefore(1, status, retryAfter, new Random(1), NOW);

        assertThat(delay).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {"500|30", "502|30", "429|soon", "429|-5", "429|''", "503|1.5", "429|Fri, 32 Apr 2026 09:47:00 GMT"
            })
    void fallsBackToBackoffWhenRetryAfterDoesNotApply(int status, String retryAfter) {
        Duration delay = policy.delayBefore(3, status, retryAfter, new Random(1), NOW);

        assertThat(delay).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void usesBackoffWithoutRetryAfter() {
        Duration delay = policy.delayBefore(2, 429, null, new Random(1));

        assertThat(delay).isEqualTo(Duration.ofSeconds(20));
    }
}
