package io.sluice.spi;

import io.sluice.config.ComponentConfig;
import io.sluice.deadletter.DeadLetterStore;
import io.sluice.pipeline.ComponentContext;
import io.vertx.core.Future;

/**
 * Creates the dead-letter store of one {@code type}; found with {@link java.util.ServiceLoader}.
 */
public interface DeadLetterStoreFactory {

    /** The {@code type} this factory serves, e.g. {@code jetstream}. */
    String type();

    /** Opens the store, creating what it needs (a stream, a table). */
    Future<DeadLetterStore> open(ComponentConfig config, ComponentContext context);
}
