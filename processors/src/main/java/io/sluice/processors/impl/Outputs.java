package io.sluice.processors.impl;

import io.sluice.event.Event;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/** Turns a synchronous processing step into the future the Processor contract asks for. */
final class Outputs {

    private Outputs() {}

    /** The step's outputs, or a failed future carrying what it threw (an expression error). */
    static Future<List<Event>> of(Supplier<List<Event>> step) {
        try {
            return Future.succeededFuture(step.get());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
