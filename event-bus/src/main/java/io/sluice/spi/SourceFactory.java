package io.sluice.spi;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;

/**
 * Creates sources of one {@code type}; found with {@link java.util.ServiceLoader}, so a jar on the
 * classpath adds a source type.
 */
public interface SourceFactory {

    /** The {@code type} this factory serves, e.g. {@code openfaas-queue}. */
    String type();

    /**
     * Reads and checks the options, then creates the source; it is started later.
     *
     * @throws io.sluice.config.ConfigException naming the bad option
     */
    Source create(ComponentConfig config, SourceContext context);
}
