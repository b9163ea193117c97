package io.sluice.runtime.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.sluice.spi.ConditionCompiler;
import io.sluice.spi.DeadLetterStoreFactory;
import io.sluice.spi.ProcessorFactory;
import io.sluice.spi.SinkFactory;
import io.sluice.spi.SourceFactory;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/** The component types found on the classpath, by kind and {@code type}. */
final class Factories {

    final Map<String, SourceFactory> sources = load(SourceFactory.class, SourceFactory::type);
    final Map<String, SinkFactory> sinks = load(SinkFactory.class, SinkFactory::type);
    final Map<String, ProcessorFactory> processors = load(ProcessorFactory.class, ProcessorFactory::type);
    final Map<String, DeadLetterStoreFactory> deadLetterStores =
            load(DeadLetterStoreFactory.class, DeadLetterStoreFactory::type);
    final Optional<ConditionCompiler> conditions =
            ServiceLoader.load(ConditionCompiler.class).findFirst();

    /** The factory for the component's type, or a config error listing the known types. */
    <T> T of(Map<String, T> factories, ComponentConfig component, String kind) {
        T factory = factories.get(component.type());
        if (factory == null) {
            throw component.problem(
                    "type",
                    "is not a known " + kind + " type; known: " + String.join(", ", factories.keySet()),
                    component.type());
        }
        return factory;
    }

    private static <T> Map<String, T> load(Class<T> kind, Function<T, String> type) {
        Map<String, T> factories = new TreeMap<>();
        for (T factory : ServiceLoader.load(kind)) {
            T previous = factories.put(type.apply(factory), factory);
            if (previous != null) {
                throw new ConfigException(new io.sluice.config.ConfigProblem(
                        null,
                        0,
                        "",
                        "two "
                                + kind.getSimpleName()
                                + "s serve type '"
                                + type.apply(factory)
                                + "': "
                                + previous.getClass().getName()
                                + " and "
                                + factory.getClass().getName(),
                        null));
            }
        }
        return factories;
    }
}
