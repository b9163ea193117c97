package io.sluice.spi;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Processor;

/**
 * Creates processors of one {@code type}; found with {@link java.util.ServiceLoader}, so a jar on
 * the classpath adds a processor type. Called once per route that uses the type.
 */
public interface ProcessorFactory {

    /** The {@code type} this factory serves, e.g. {@code filter}. */
    String type();

    /**
     * Reads and checks the options, then creates the processor.
     *
     * @throws io.sluice.config.ConfigException naming the bad option
     */
    Processor create(ComponentConfig config, ComponentContext context);
}
