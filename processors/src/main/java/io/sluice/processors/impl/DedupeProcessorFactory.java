package io.sluice.processors.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.dedupe.DedupeStore;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Processor;
import io.sluice.processors.cel.EventExpression;
import io.sluice.spi.DedupeStoreFactory;
import io.sluice.spi.ProcessorFactory;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: dedupe}: drops an event whose key was already seen within the window. The window
 * lives in the store the {@code store} option names ({@code memory} by default); the store reads
 * its own options beside these.
 */
public final class DedupeProcessorFactory implements ProcessorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DedupeProcessorFactory.class);

    /** CEL expression giving the key; default {@code id}. */
    static final String KEY = "key";
    /** How long a key is remembered after it is first seen; default 10m. */
    static final String WINDOW = "window";
    /** Where the window lives: a {@link DedupeStoreFactory} type; default {@code memory}. */
    static final String STORE = "store";

    /**
     * The options of every store; the schema {@code processor-dedupe.schema.json} declares these
     * and the options of each store ({@code memory}: {@code max-entries}; {@code jetstream}: see
     * sluice-connector-nats).
     */
    static final Set<String> OPTIONS = Set.of(KEY, WINDOW, STORE);

    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    private static final String DEFAULT_STORE = "memory";

    @Override
    public String type() {
        return "dedupe";
    }

    @Override
    public Processor create(ComponentConfig config, ComponentContext context) {
        DedupeStoreFactory stores = DedupeStores.named(config, STORE, config.string(STORE, DEFAULT_STORE));
        DedupeStores.rejectOtherStoresOptions(config, STORE, stores);
        Set<String> known = new HashSet<>(OPTIONS);
        known.addAll(stores.options());
        config.rejectUnknown(known);
        EventExpression key = Options.expression(config, KEY, config.string(KEY, "id"), EventExpression::compile);
        Duration window = config.positiveDuration(WINDOW, DEFAULT_WINDOW);
        DedupeStore store = stores.create(config, window, context);
        LOG.info("Route '{}' dedupe: key '{}', window {}, store {}", config.name(), key, window, store);
        return new DedupeProcessor(key, store, config.name(), context.metrics());
    }

    /**
     * The options with the window moved to memory, whatever store they name: pipeline tests run
     * the processor this way so that they need no broker.
     */
    public static JsonObject inMemory(JsonObject options) {
        if (options.getValue(STORE, DEFAULT_STORE).equals(DEFAULT_STORE)) {
            return options;
        }
        JsonObject local = new JsonObject();
        for (String option : Set.of("name", "type", KEY, WINDOW)) {
            if (options.containsKey(option)) {
                local.put(option, options.getValue(option));
            }
        }
        return local.put(STORE, DEFAULT_STORE);
    }
}
