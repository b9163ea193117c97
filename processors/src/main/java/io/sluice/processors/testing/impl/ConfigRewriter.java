package io.sluice.processors.testing.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.config.RouteConfig;
import io.sluice.config.SluiceConfig;
import io.sluice.processors.impl.DedupeProcessorFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a configuration for one test case: every source becomes a {@code test-input}, every
 * sink a {@code test-capture} and the dead-letter store {@code test-memory}, all bound to the case's
 * run, with both listeners on random loopback ports. Routes, conditions and processors stay as
 * written, so the case exercises exactly the configured pipeline while no real source, sink or
 * store is ever created; only a {@code dedupe} processor keeps its window in memory whatever its
 * {@code store}, as each case starts afresh anyway.
 */
public final class ConfigRewriter {

    /** Long enough for settled work to finish, short enough that a case that timed out ends soon. */
    private static final String SHUTDOWN_GRACE = "200ms";

    private ConfigRewriter() {}

    /** The configuration with its components replaced by the run's test doubles. */
    public static SluiceConfig rewrite(SluiceConfig config, String runId) {
        JsonObject root = config.root().copy();
        JsonObject listener = new JsonObject().put("port", 0).put("host", "127.0.0.1");
        root.put("http", listener.copy());
        root.put("admin", listener.copy());
        root.put("shutdown-grace", SHUTDOWN_GRACE);
        List<ComponentConfig> sources = replace(config.sources(), TestInputSourceFactory.TYPE, runId, config);
        List<ComponentConfig> sinks = replace(config.sinks(), CaptureSinkFactory.TYPE, runId, config);
        JsonObject store =
                new JsonObject().put("type", MemoryDeadLetterStoreFactory.TYPE).put(TestRun.RUN, runId);
        root.put("sources", json(sources));
        root.put("sinks", json(sinks));
        root.put("dead-letter", store);
        List<RouteConfig> routes = new ArrayList<>();
        config.routes().forEach(route -> routes.add(dedupeInMemory(route, config)));
        return new SluiceConfig(
                root,
                section("http", root, config),
                section("admin", root, config),
                new ComponentConfig("dead-letter", store.getString("type"), store, "/dead-letter", config.origin()),
                sources,
                routes,
                sinks,
                config.origin());
    }

    private static List<ComponentConfig> replace(
            List<ComponentConfig> components, String type, String runId, SluiceConfig config) {
        List<ComponentConfig> replaced = new ArrayList<>();
        for (ComponentConfig component : components) {
            JsonObject options = new JsonObject()
                    .put("name", component.name())
                    .put("type", type)
                    .put(TestRun.RUN, runId);
            replaced.add(new ComponentConfig(component.name(), type, options, component.pointer(), config.origin()));
        }
        return replaced;
    }

    private static RouteConfig dedupeInMemory(RouteConfig route, SluiceConfig config) {
        List<ComponentConfig> processors = new ArrayList<>();
        for (ComponentConfig processor : route.processors()) {
            processors.add(
                    processor.type().equals("dedupe")
                            ? new ComponentConfig(
                                    processor.name(),
                                    processor.type(),
                                    DedupeProcessorFactory.inMemory(processor.json()),
                                    processor.pointer(),
                                    config.origin())
                            : processor);
        }
        return new RouteConfig(
                route.name(),
                route.from(),
                route.when(),
                processors,
                route.to(),
                route.maxInflight(),
                route.continueMatching(),
                route.orderingKey(),
                route.config());
    }

    private static JsonArray json(List<ComponentConfig> components) {
        JsonArray array = new JsonArray();
        components.forEach(component -> array.add(component.json()));
        return array;
    }

    private static ComponentConfig section(String key, JsonObject root, SluiceConfig config) {
        return new ComponentConfig(key, key, root.getJsonObject(key), "/" + key, config.origin());
    }
}
