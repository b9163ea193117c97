package io.sluice.processors.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Processor;
import io.sluice.processors.cel.EventExpression;
import io.sluice.spi.ProcessorFactory;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code type: dedupe}: drops an event whose key was already seen within the window. */
public final class DedupeProcessorFactory implements ProcessorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DedupeProcessorFactory.class);

    /** CEL expression giving the key; default {@code id}. */
    static final String KEY = "key";
    /** How long a key is remembered after it is first seen; default 10m. */
    static final String WINDOW = "window";
    /** The most keys remembered; the oldest is forgotten early beyond it. Default 100000. */
    static final String MAX_ENTRIES = "max-entries";

    /** Every option, as the schema {@code processor-dedupe.schema.json} declares them. */
    static final Set<String> OPTIONS = Set.of(KEY, WINDOW, MAX_ENTRIES);

    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    private static final int DEFAULT_MAX_ENTRIES = 100_000;

    @Override
    public String type() {
        return "dedupe";
    }

    @Override
    public Processor create(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(OPTIONS);
        EventExpression key = Options.expression(config, KEY, config.string(KEY, "id"), EventExpression::compile);
        Duration window = config.positiveDuration(WINDOW, DEFAULT_WINDOW);
        int maxEntries = config.integer(MAX_ENTRIES, DEFAULT_MAX_ENTRIES, 1, 10_000_000);
        LOG.info(
                "Route '{}' dedupe: key '{}', window {}, max-entries {}; kept in memory, per replica",
                config.name(),
                key,
                window,
                maxEntries);
        DedupeWindow store = new DedupeWindow(window.toNanos(), maxEntries, System::nanoTime);
        return new DedupeProcessor(key, store, config.name(), context.metrics());
    }
}
