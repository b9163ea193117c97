package io.sluice.processors.cel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.ConfigException;
import io.sluice.deadletter.DeadLetter;
import io.sluice.pipeline.Outcome;
import io.sluice.processors.PipelineFixture;
import org.junit.jupiter.api.Test;

/** Route conditions ({@code when:}) compiled by this module and evaluated by the core. */
class CelRouteConditionTest extends PipelineFixture {

    private static final String ROUTES = "sources: [{name: cel-in, type: manual}]\n"
            + "sinks: [{name: cel-big, type: scripted}]\n"
            + "routes: [{name: big-orders, from: cel-in, when: 'data.amount > 100', to: cel-big}]\n";

    @Test
    void runtimeErrorDeadLettersThatEventOnlyAndTheNextEventRoutes() {
        start("cel-route", ROUTES);

        Outcome missing = settle("cel-in", event("no-amount", "{}"));
        Outcome wrongType = settle("cel-in", event("text-amount", "{\"amount\": \"lots\"}"));
        Outcome big = settle("cel-in", event("big", "{\"amount\": 250}"));
        Outcome small = settle("cel-in", event("small", "{\"amount\": 5}"));

        assertThat(missing).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(wrongType).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(big).isEqualTo(Outcome.DELIVERED);
        assertThat(small).isEqualTo(Outcome.UNROUTED);
        assertThat(received("cel-big")).extracting(e -> e.id()).containsExactly("big");
        assertThat(deadLetters())
                .extracting(DeadLetter::cause)
                .anySatisfy(cause -> assertThat(cause)
                        .contains("condition of route 'big-orders' failed")
                        .contains("key 'amount' is not present"))
                .anySatisfy(cause -> assertThat(cause).contains("No matching overload"));
    }

    @Test
    void syntaxErrorFailsStartUpWithTheKeyAndPosition() {
        Throwable failure = startFailure(
                "cel-bad",
                "sources: [{name: cel-bad-in, type: manual}]\n"
                        + "sinks: [{name: cel-bad-out, type: scripted}]\n"
                        + "routes: [{name: r, from: cel-bad-in, when: 'type ==', to: cel-bad-out}]\n");

        assertThat(failure).isInstanceOf(ConfigException.class).hasMessageContaining("/routes/0/when: 1:8: ");
    }
}
