package io.sluice.runtime;

import com.codahale.metrics.MetricRegistry;
import io.sluice.config.ConfigProblem;
import io.sluice.config.SluiceConfig;
import io.sluice.deadletter.DeadLetter;
import io.sluice.deadletter.DeadLetterStore;
import io.sluice.pipeline.Outcome;
import io.sluice.runtime.impl.SluiceImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * A running Sluice: its sources, routes and sinks deployed as verticles, its public and admin HTTP
 * listeners open.
 *
 * <p>Components are found with {@link java.util.ServiceLoader} ({@link io.sluice.spi}), so the
 * modules on the classpath decide which {@code type}s a configuration may use.
 */
public interface Sluice {

    /**
     * Builds every component from the configuration and starts them: the dead-letter store, then
     * sinks, routes, sources, and the HTTP listeners. Fails with a {@link
     * io.sluice.config.ConfigException} listing every bad option, or with the first start failure.
     */
    static Future<Sluice> start(Vertx vertx, SluiceConfig config) {
        return SluiceImpl.start(vertx, config);
    }

    /**
     * Checks what the schema cannot: that every {@code type} exists, every option is valid for its
     * component and every condition compiles; connects to nothing.
     *
     * @throws io.sluice.config.ConfigException listing every problem
     */
    static void check(Vertx vertx, SluiceConfig config) {
        SluiceImpl.check(vertx, config, List.of());
    }

    /**
     * Checks, like {@link #check(Vertx, SluiceConfig)}, the components the problems already known
     * (the schema's, on a configuration that could still be read) do not touch, so one pass lists
     * every problem.
     *
     * @throws io.sluice.config.ConfigException listing the problems found besides the known ones
     */
    static void check(Vertx vertx, SluiceConfig config, List<ConfigProblem> known) {
        SluiceImpl.check(vertx, config, known);
    }

    /** Opens only the configuration's dead-letter store, for inspection; the caller closes it. */
    static Future<DeadLetterStore> openDeadLetters(Vertx vertx, SluiceConfig config) {
        return SluiceImpl.openDeadLetters(vertx, config);
    }

    /**
     * Stops taking new work, lets in-flight events settle for up to the configured grace period,
     * then stops every component. Unsettled messages stay unacknowledged and are redelivered.
     */
    Future<Void> stop();

    /**
     * Sends a dead letter's event again to the sink it failed at (or through the route whose
     * processor or condition failed); completes once it settled. An event that fails again is
     * dead-lettered again, as a new letter, so the caller may delete the old one either way.
     */
    Future<Outcome> replay(DeadLetter letter);

    /** Whether every source is connected and the dead-letter store is open. */
    boolean ready();

    /** The registry {@code /metrics} exports. */
    MetricRegistry metrics();

    /** The dead-letter store. */
    DeadLetterStore deadLetters();

    /** The bound port of the public listener. */
    int publicPort();

    /** The bound port of the admin listener. */
    int adminPort();
}
