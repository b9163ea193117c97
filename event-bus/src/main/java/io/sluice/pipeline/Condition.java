package io.sluice.pipeline;

import io.sluice.event.Event;

/** A compiled route condition. */
@FunctionalInterface
public interface Condition {

    /** A condition every event meets. */
    Condition ALWAYS = event -> true;

    /**
     * Tells whether the event meets the condition.
     *
     * @throws RuntimeException when evaluation fails (a missing field, a wrong type): that event
     *     alone is dead-lettered with the error as its cause
     */
    boolean test(Event event);
}
