package io.sluice.processors.testing.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.sluice.spi.SourceFactory;
import io.vertx.core.Future;
import java.util.Set;

/**
 * {@code type: test-input}: stands in for a source under {@code PipelineTestRunner}, which
 * dispatches each case's input event through it. It connects to nothing.
 */
public final class TestInputSourceFactory implements SourceFactory {

    /** The type the runner gives every source. */
    public static final String TYPE = "test-input";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Source create(ComponentConfig config, SourceContext context) {
        config.rejectUnknown(Set.of(TestRun.RUN));
        TestRun.of(config).input(config.name(), context);
        return new Source(context) {
            @Override
            public Future<?> start() {
                sluice.connected(true);
                return Future.succeededFuture();
            }
        };
    }
}
