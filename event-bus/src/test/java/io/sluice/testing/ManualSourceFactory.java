package io.sluice.testing;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.sluice.spi.SourceFactory;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code type: manual} sources for tests of the core: the test dispatches through the context. */
public final class ManualSourceFactory implements SourceFactory {

    private static final Map<String, SourceContext> CONTEXTS = new ConcurrentHashMap<>();

    /** The context of the source created under the name. */
    public static SourceContext context(String name) {
        return CONTEXTS.get(name);
    }

    @Override
    public String type() {
        return "manual";
    }

    @Override
    public Source create(ComponentConfig config, SourceContext context) {
        CONTEXTS.put(config.name(), context);
        return new Source(context) {
            @Override
            public Future<?> start() {
                sluice.connected(true);
                return Future.succeededFuture();
            }
        };
    }
}
