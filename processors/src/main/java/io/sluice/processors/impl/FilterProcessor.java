package io.sluice.processors.impl;

import io.sluice.event.Event;
import io.sluice.pipeline.Processor;
import io.sluice.processors.cel.EventExpression;
import io.vertx.core.Future;
import java.util.List;

/**
 * Passes the events its condition holds for and drops the others, which settle as delivered. An
 * event the condition cannot be evaluated for fails, and is dead-lettered with the CEL error.
 */
final class FilterProcessor implements Processor {

    private final EventExpression condition;

    FilterProcessor(EventExpression condition) {
        this.condition = condition;
    }

    @Override
    public Future<List<Event>> process(Event event) {
        return Outputs.of(() -> condition.test(event) ? List.of(event) : List.of());
    }
}
