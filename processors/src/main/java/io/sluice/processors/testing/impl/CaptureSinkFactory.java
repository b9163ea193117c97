package io.sluice.processors.testing.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.event.Event;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Sink;
import io.sluice.spi.SinkFactory;
import io.vertx.core.Future;
import java.util.Set;

/**
 * {@code type: test-capture}: stands in for a sink under {@code PipelineTestRunner}, recording
 * every event it is sent and delivering it at once, with no reply.
 */
public final class CaptureSinkFactory implements SinkFactory {

    /** The type the runner gives every sink. */
    public static final String TYPE = "test-capture";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Sink create(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(Set.of(TestRun.RUN));
        TestRun run = TestRun.of(config);
        String name = config.name();
        return new Sink() {
            @Override
            public Future<Delivery> send(Event event) {
                run.capture(name, event);
                return Future.succeededFuture(Delivery.done());
            }
        };
    }
}
