package io.sluice.processors.example;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Processor;
import io.sluice.spi.ProcessorFactory;
import java.util.Set;

/**
 * An example custom processor type, {@code uppercase}, as a project outside Sluice would write it:
 * this factory, the processor, and a line naming the factory in {@code
 * META-INF/services/io.sluice.spi.ProcessorFactory}. A jar holding the three on Sluice's classpath
 * adds the type.
 *
 * <pre>
 * processors:
 *   - type: uppercase
 *     field: name        # optional: upper-case one string field of JSON data; default the whole data
 * </pre>
 */
public final class UppercaseProcessorFactory implements ProcessorFactory {

    static final String FIELD = "field";

    @Override
    public String type() {
        return "uppercase";
    }

    @Override
    public Processor create(ComponentConfig config, ComponentContext context) {
        // Check every option here, at start-up, and name the bad one: the core reports it with its line.
        config.rejectUnknown(Set.of(FIELD));
        String field = config.string(FIELD, null);
        if (field != null && field.isBlank()) {
            throw config.problem(FIELD, "must name a field", field);
        }
        return new UppercaseProcessor(field);
    }
}
