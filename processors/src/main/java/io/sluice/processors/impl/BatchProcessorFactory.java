package io.sluice.processors.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.config.RouteConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Processor;
import io.sluice.spi.ProcessorFactory;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code type: batch}: gathers events into one whose data is a JSON array of theirs. */
public final class BatchProcessorFactory implements ProcessorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessorFactory.class);

    /** Events per batch at most; a full batch is emitted at once. Default 100. */
    static final String MAX_COUNT = "max-count";
    /** How long the first event of a batch waits for the others; default 1s. */
    static final String MAX_WAIT = "max-wait";

    /** Every option, as the schema {@code processor-batch.schema.json} declares them. */
    static final Set<String> OPTIONS = Set.of(MAX_COUNT, MAX_WAIT);

    private static final int DEFAULT_MAX_COUNT = 100;
    private static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(1);

    @Override
    public String type() {
        return "batch";
    }

    @Override
    public Processor create(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(OPTIONS);
        int maxCount = config.integer(MAX_COUNT, DEFAULT_MAX_COUNT, 1, 100_000);
        Duration maxWait = config.positiveDuration(MAX_WAIT, DEFAULT_MAX_WAIT);
        for (RouteConfig route : context.config().routes()) {
            // A route holds at most max-inflight events, and a batch holds its events until it is
            // emitted: a larger batch could never fill and would only ever leave on max-wait.
            boolean ours = config.pointer().startsWith(route.config().pointer() + "/processors/");
            if (ours && maxCount > route.maxInflight()) {
                throw config.problem(
                        MAX_COUNT,
                        "must not exceed the route's max-inflight (" + route.maxInflight()
                                + "), which bounds the events a batch can gather",
                        maxCount);
            }
        }
        LOG.info("Route '{}' batch: max-count {}, max-wait {}", config.name(), maxCount, maxWait);
        return new BatchProcessor(config.name(), maxCount, maxWait);
    }
}
