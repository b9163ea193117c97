package io.sluice.spi;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Sink;

/** Creates sinks of one {@code type}; found with {@link java.util.ServiceLoader}. */
public interface SinkFactory {

    /** The {@code type} this factory serves, e.g. {@code openfaas-function}. */
    String type();

    /**
     * Reads and checks the sink's own options (the core reads {@code concurrency}, {@code rate},
     * {@code timeout}, {@code retry} and {@code circuit-breaker}), then creates the sink.
     *
     * @throws io.sluice.config.ConfigException naming the bad option
     */
    Sink create(ComponentConfig config, ComponentContext context);
}
