package io.sluice.spi;

import io.sluice.config.ComponentConfig;
import io.sluice.dedupe.DedupeStore;
import io.sluice.pipeline.ComponentContext;
import java.time.Duration;
import java.util.Set;

/**
 * Creates the store a {@code dedupe} processor keeps its window in, chosen by the processor's {@code
 * store} option; found with {@link java.util.ServiceLoader} by the processor. {@code memory} ships
 * with sluice-processors, {@code jetstream} with sluice-connector-nats, so the processors need no
 * NATS client and the NATS connector no CEL.
 *
 * <p>A store's options sit beside the processor's own ({@code key}, {@code window}, {@code store})
 * and must be declared in the processor's schema, {@code processor-dedupe.schema.json}.
 */
public interface DedupeStoreFactory {

    /** The {@code store} this factory serves, e.g. {@code jetstream}. */
    String type();

    /** The processor options this store reads; the processor rejects them under any other store. */
    Set<String> options();

    /**
     * Reads and checks this store's options, then creates the store of one processor. Connects to
     * nothing: that is {@link DedupeStore#start}'s work, so {@code sluice validate} stays offline.
     *
     * @param config the processor's options; its {@code name()} is the route's name, or the
     *     processor's own {@code name} when it has one, and names the keys' namespace
     * @param window how long a key is held after it was first seen
     * @throws io.sluice.config.ConfigException naming the bad option
     */
    DedupeStore create(ComponentConfig config, Duration window, ComponentContext context);
}
