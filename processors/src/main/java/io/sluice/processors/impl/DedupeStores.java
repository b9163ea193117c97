package io.sluice.processors.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.spi.DedupeStoreFactory;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The dedupe stores on the classpath, by {@code store} name; loaded once. */
final class DedupeStores {

    private static final Map<String, DedupeStoreFactory> FACTORIES = load();

    private DedupeStores() {}

    /** The factory the processor's {@code store} option names, or an error listing the known ones. */
    static DedupeStoreFactory named(ComponentConfig config, String option, String store) {
        DedupeStoreFactory factory = FACTORIES.get(store);
        if (factory == null) {
            throw config.problem(
                    option, "is not a known dedupe store; known: " + String.join(", ", FACTORIES.keySet()), store);
        }
        return factory;
    }

    /**
     * Rejects an option that belongs to another store than the chosen one, naming the store it
     * belongs to: a clearer message than "unknown option" for {@code bucket} under {@code memory}.
     */
    static void rejectOtherStoresOptions(ComponentConfig config, String option, DedupeStoreFactory chosen) {
        for (DedupeStoreFactory other : FACTORIES.values()) {
            for (String key : other.options()) {
                if (config.has(key) && !chosen.options().contains(key)) {
                    throw config.problem(
                            key,
                            "applies only to " + option + ": " + other.type() + " (" + option + " is " + chosen.type()
                                    + ")",
                            config.json().getValue(key));
                }
            }
        }
    }

    private static Map<String, DedupeStoreFactory> load() {
        Map<String, DedupeStoreFactory> factories = new TreeMap<>();
        for (DedupeStoreFactory factory : ServiceLoader.load(DedupeStoreFactory.class)) {
            DedupeStoreFactory previous = factories.put(factory.type(), factory);
            if (previous != null) {
                throw new IllegalStateException("two dedupe stores serve '" + factory.type() + "': "
                        + previous.getClass().getName() + " and "
                        + factory.getClass().getName());
            }
        }
        return factories;
    }
}
