package io.sluice.processors;

import io.sluice.config.ConfigLoader;
import io.sluice.config.SluiceConfig;
import io.sluice.config.Substitutions;
import io.sluice.deadletter.DeadLetter;
import io.sluice.event.Event;
import io.sluice.pipeline.Outcome;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.ManualSourceFactory;
import io.sluice.testing.MemoryDeadLetterStoreFactory;
import io.sluice.testing.ScriptedSinkFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts a whole Sluice from YAML with the core's test components ({@code manual} sources, {@code
 * scripted} sinks, the {@code memory} dead-letter store), as the core's PipelineTest does. Sources,
 * sinks and stores are found by name in static registries, so every test uses names of its own.
 */
public abstract class PipelineFixture {

    protected Vertx vertx;
    protected Sluice sluice;
    private String store;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopAll() {
        if (sluice != null) {
            Await.result(sluice.stop());
        }
        Await.result(vertx.close());
    }

    /** Parses a configuration whose dead-letter store is {@code memory} under the name. */
    protected static SluiceConfig config(String name, String yaml) {
        return config(name, yaml, false);
    }

    private static SluiceConfig config(String name, String yaml, boolean deadLettersFail) {
        String text = "http: {port: 0, host: 127.0.0.1}\n"
                + "admin: {port: 0, host: 127.0.0.1}\n"
                + "shutdown-grace: 200ms\n"
                + "dead-letter: {type: memory, name: " + name + ", fail: " + deadLettersFail + "}\n"
                + yaml;
        return new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).parse(name + ".yaml", text);
    }

    /** Starts the configuration; the test fails when it does not start. */
    protected void start(String name, String yaml) {
        start(config(name, yaml));
    }

    /**
     * Starts the configuration with a dead-letter store that refuses every letter, so an event its
     * sink refuses can be neither delivered nor dead-lettered, and its dispatch fails.
     */
    protected void startWithFailingDeadLetters(String name, String yaml) {
        start(config(name, yaml, true));
    }

    protected void start(SluiceConfig config) {
        sluice = Await.result(Sluice.start(vertx, config));
        store = config.deadLetter().json().getString("name");
    }

    /** Starts the configuration expecting it to be refused; returns why. */
    protected Throwable startFailure(String name, String yaml) {
        return Await.failure(Sluice.start(vertx, config(name, yaml)));
    }

    protected static Event event(String id, String json) {
        return Event.builder()
                .id(id)
                .source("/test")
                .type("test.event")
                .dataContentType("application/json")
                .data(Buffer.buffer(json))
                .build();
    }

    protected static Future<Outcome> dispatch(String source, Event event) {
        return ManualSourceFactory.context(source).dispatch(event);
    }

    protected static Outcome settle(String source, Event event) {
        return Await.result(dispatch(source, event));
    }

    protected static List<Event> received(String sink) {
        return ScriptedSinkFactory.sink(sink).received();
    }

    protected List<DeadLetter> deadLetters() {
        return MemoryDeadLetterStoreFactory.store(store).letters();
    }
}
