package io.sluice.processors.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.pipeline.Outcome;
import io.sluice.processors.PipelineFixture;
import io.sluice.spi.ProcessorFactory;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * A processor type from a jar on the classpath: {@code uppercase} is registered only by this test
 * source set's {@code META-INF/services} entry, exactly as a separate jar would register it.
 */
class CustomProcessorTest extends PipelineFixture {

    private static final String PIPELINE = "sources: [{name: up-in, type: manual}]\n"
            + "sinks: [{name: up-out, type: scripted}]\n"
            + "routes: [{name: up, from: up-in, to: up-out, processors: [{type: uppercase, field: name}]}]\n";

    @Test
    void jarOnTheClasspathAddsAProcessorType() {
        boolean registered = ServiceLoader.load(ProcessorFactory.class).stream()
                .anyMatch(provider -> provider.type() == UppercaseProcessorFactory.class);
        start("custom-type", PIPELINE);

        Outcome outcome = settle("up-in", event("u-1", "{\"name\": \"ada\", \"city\": \"london\"}"));

        assertThat(registered).isTrue();
        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        assertThat(received("up-out").get(0).dataAsJson().getString("name")).isEqualTo("ADA");
        assertThat(received("up-out").get(0).dataAsJson().getString("city")).isEqualTo("london");
    }

    @Test
    void customProcessorFailureDeadLettersTheEvent() {
        start("custom-fail", PIPELINE.replace("up-", "upf-").replace("name: up,", "name: upf,"));

        Outcome outcome = settle("upf-in", event("u-2", "{\"name\": 7}"));

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(deadLetters().get(0).cause()).isEqualTo("uppercase: field 'name' is not a string");
    }
}
