package io.sluice.pipeline;

import com.codahale.metrics.MetricRegistry;
import io.sluice.config.SluiceConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.function.Function;

/** Services every component may use; one instance per running Sluice. */
public interface ComponentContext {

    Vertx vertx();

    /**
     * The registry {@code /metrics} exports; see {@link io.sluice.metrics.MetricNames} for naming.
     */
    MetricRegistry metrics();

    /** The public listener's router ({@code /async-function}, {@code /hooks}). */
    Router publicRouter();

    /** The whole configuration, for shared sections such as {@code nats}. */
    SluiceConfig config();

    /**
     * Returns the resource shared under the key, creating it on first use (a NATS connection used
     * by a source, a sink and the dead-letter store). Resources are closed when Sluice stops.
     */
    <T extends SharedResource> Future<T> shared(String key, Function<ComponentContext, Future<T>> factory);

    /** A resource several components share; closed once, when Sluice stops. */
    interface SharedResource {
        Future<Void> close();
    }
}
