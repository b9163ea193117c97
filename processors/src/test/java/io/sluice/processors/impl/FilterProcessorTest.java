package io.sluice.processors.impl;

import static io.sluice.processors.OptionChecks.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.ConfigException;
import io.sluice.event.Event;
import io.sluice.pipeline.Outcome;
import io.sluice.processors.PipelineFixture;
import org.junit.jupiter.api.Test;

class FilterProcessorTest extends PipelineFixture {

    private static String pipeline(String id, String processor) {
        return "sources: [{name: " + id + "-in, type: manual}]\n"
                + "sinks: [{name: " + id + "-out, type: scripted}]\n"
                + "routes: [{name: " + id + ", from: " + id + "-in, to: " + id + "-out, processors: [" + processor
                + "]}]\n";
    }

    @Test
    void keepsTheEventsTheConditionHoldsForAndSettlesTheOthers() {
        start("filter-keep", pipeline("fk", "{type: filter, condition: 'data.status == \"paid\"'}"));

        Outcome paid = settle("fk-in", event("paid", "{\"status\": \"paid\"}"));
        Outcome open = settle("fk-in", event("open", "{\"status\": \"open\"}"));

        assertThat(paid).isEqualTo(Outcome.DELIVERED);
        assertThat(open).isEqualTo(Outcome.DELIVERED);
        assertThat(received("fk-out")).extracting(Event::id).containsExactly("paid");
    }

    @Test
    void eventTheConditionFailsOnIsDeadLetteredWithTheCelError() {
        start("filter-fail", pipeline("ff", "{type: filter, condition: 'data.status == \"paid\"'}"));

        Outcome outcome = settle("ff-in", event("no-status", "{}"));
        Outcome next = settle("ff-in", event("paid", "{\"status\": \"paid\"}"));

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(next).isEqualTo(Outcome.DELIVERED);
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.event().id()).isEqualTo("no-status");
            assertThat(letter.route()).isEqualTo("ff");
            assertThat(letter.cause()).contains("data.status == \"paid\"").contains("key 'status' is not present");
        });
    }

    @Test
    void invalidConditionIsRejectedNamingTheOptionAndPosition() {
        Throwable failure = startFailure("filter-bad", pipeline("fb", "{type: filter, condition: 'data.status ='}"));

        assertThat(failure)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/routes/0/processors/0/condition: is not a valid CEL expression: 1:13:");
    }

    @Test
    void missingConditionAndUnknownOptionsAreRejectedByName() {
        FilterProcessorFactory factory = new FilterProcessorFactory();

        assertRejects(factory, "{}").hasMessageContaining("/condition: is required");
        assertRejects(factory, "{\"conditon\": \"true\"}")
                .hasMessageContaining("/conditon: is not an option of 'filter'; known options: condition");
    }
}
