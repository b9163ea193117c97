package io.sluice.runtime.impl;

import com.codahale.metrics.MetricRegistry;
import io.sluice.config.SluiceConfig;
import io.sluice.pipeline.ComponentContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shared services, and the shared resources to close when Sluice stops. */
final class ComponentContextImpl implements ComponentContext {

    private final Vertx vertx;
    private final MetricRegistry metrics;
    private final Router publicRouter;
    private final SluiceConfig config;
    private final Map<String, Future<? extends SharedResource>> shared = new LinkedHashMap<>();

    ComponentContextImpl(Vertx vertx, MetricRegistry metrics, Router publicRouter, SluiceConfig config) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.publicRouter = publicRouter;
        this.config = config;
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public MetricRegistry metrics() {
        return metrics;
    }

    @Override
    public Router publicRouter() {
        return publicRouter;
    }

    @Override
    public SluiceConfig config() {
        return config;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T extends SharedResource> Future<T> shared(
            String key, Function<ComponentContext, Future<T>> factory) {
        Future<T> opened = (Future<T>) shared.computeIfAbsent(key, k -> factory.apply(this));
        // The resource's future belongs to whichever component opened it first; hand each caller a
        // future completed on its own context, so its continuations stay on its own event loop.
        Context caller = vertx.getOrCreateContext();
        Promise<T> mine = Promise.promise();
        opened.onComplete(done -> caller.runOnContext(v -> mine.handle(done)));
        return mine.future();
    }

    /** Closes every shared resource that opened, in reverse order of creation. */
    synchronized Future<Void> closeShared() {
        List<Future<? extends SharedResource>> opened = new ArrayList<>(shared.values());
        shared.clear();
        List<Future<Void>> closed = new ArrayList<>();
        for (int i = opened.size() - 1; i >= 0; i--) {
            closed.add(opened.get(i).compose(SharedResource::close, failure -> Future.succeededFuture()));
        }
        return Future.join(closed).mapEmpty();
    }
}
