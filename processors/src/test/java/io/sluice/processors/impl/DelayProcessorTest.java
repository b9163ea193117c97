package io.sluice.processors.impl;

import static io.sluice.processors.OptionChecks.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.pipeline.Outcome;
import io.sluice.processors.PipelineFixture;
import io.sluice.testing.Await;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

class DelayProcessorTest extends PipelineFixture {

    private static String pipeline(String id, String processor) {
        return "sources: [{name: " + id + "-in, type: manual}]\n"
                + "sinks: [{name: " + id + "-out, type: scripted}]\n"
                + "routes: [{name: " + id + ", from: " + id + "-in, to: " + id + "-out, processors: [" + processor
                + "]}]\n";
    }

    @Test
    void passesEachEventOnAfterTheDelay() {
        start("delay-pass", pipeline("dp", "{type: delay, delay: 300ms}"));
        long started = System.nanoTime();

        Future<Outcome> settled = dispatch("dp-in", event("a", "{}"));
        boolean heldAtFirst = !settled.isComplete();
        Outcome outcome = Await.result(settled);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(heldAtFirst).isTrue();
        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        assertThat(tookMillis).isGreaterThanOrEqualTo(300);
        assertThat(received("dp-out")).hasSize(1);
    }

    @Test
    void heldEventsStayUnsettledWhenTheRouteStops() {
        start("delay-stop", pipeline("ds", "{type: delay, delay: 1h}"));
        Future<Outcome> held = dispatch("ds-in", event("a", "{}"));

        Await.result(sluice.stop());
        sluice = null;

        assertThat(held.isComplete()).isFalse();
        assertThat(received("ds-out")).isEmpty();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void badOptionsAreRejectedByName() {
        Throwable zero = startFailure("delay-bad2", pipeline("db2", "{type: delay, delay: 0s}"));

        assertThat(zero).hasMessageContaining("/routes/0/processors/0/delay: must be a positive duration");
        assertRejects(new DelayProcessorFactory(), "{}").hasMessageContaining("/delay: is required");
        assertRejects(new DelayProcessorFactory(), "{\"delay\": \"soon\"}").hasMessageContaining("/delay: ");
    }
}
