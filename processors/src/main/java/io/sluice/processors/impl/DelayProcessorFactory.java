package io.sluice.processors.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Processor;
import io.sluice.spi.ProcessorFactory;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code type: delay}: passes every event on after a fixed wait. */
public final class DelayProcessorFactory implements ProcessorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DelayProcessorFactory.class);

    /** Required positive duration each event waits. */
    static final String DELAY = "delay";

    /** Every option, as the schema {@code processor-delay.schema.json} declares them. */
    static final Set<String> OPTIONS = Set.of(DELAY);

    @Override
    public String type() {
        return "delay";
    }

    @Override
    public Processor create(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(OPTIONS);
        if (!config.has(DELAY)) {
            throw config.problem(DELAY, "is required", null);
        }
        Duration delay = config.positiveDuration(DELAY, null);
        LOG.info("Route '{}' delay: {}", config.name(), delay);
        return new DelayProcessor(delay);
    }
}
