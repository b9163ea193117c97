package io.sluice.runtime.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.ComponentConfig;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SinkPolicyTest {

    private static ComponentConfig sink(JsonObject options) {
        return ComponentConfig.of("s", "x", options);
    }

    @Test
    void aSinkThatOwnsItsRetriesIsNotCutShortByTheCoreTimeout() {
        SinkPolicy owning = SinkPolicy.from(sink(new JsonObject()), true);
        SinkPolicy plain = SinkPolicy.from(sink(new JsonObject()), false);

        assertThat(owning.timeout).isGreaterThan(Duration.ofHours(1));
        assertThat(owning.maxAttempts).isEqualTo(1);
        assertThat(plain.timeout).isEqualTo(Duration.ofSeconds(30));
        assertThat(plain.maxAttempts).isEqualTo(5);
    }

    @Test
    void slowButAnsweringCallsDoNotOpenTheBreaker() {
        SinkPolicy policy = SinkPolicy.from(
                sink(new JsonObject().put("timeout", "90s").put("circuit-breaker", new JsonObject())), false);

        assertThat(policy.breaker.getCircuitBreakerConfig().getSlowCallDurationThreshold())
                .isGreaterThan(Duration.ofSeconds(90));
    }

    @Test
    void retryOptionsAreRefusedForASinkThatOwnsItsRetries() {
        assertThatThrownBy(() -> SinkPolicy.from(sink(new JsonObject().put("retry", new JsonObject())), true))
                .hasMessageContaining("/retry: is not read for sink type 'x'");
    }

    @Test
    void retryAfterRaisesTheBackoffButNeverBeyondMaxWait() {
        SinkPolicy policy = SinkPolicy.from(
                sink(new JsonObject()
                        .put(
                                "retry",
                                new JsonObject().put("initial-wait", "100ms").put("max-wait", "2s"))),
                false);

        assertThat(policy.delayMillis(1, null)).isEqualTo(100);
        assertThat(policy.delayMillis(1, Duration.ofSeconds(1))).isEqualTo(1000);
        assertThat(policy.delayMillis(1, Duration.ofMinutes(5))).isEqualTo(2000);
    }
}
