package io.sluice.processors.testing.impl;

import io.sluice.event.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One case of a pipeline test file.
 *
 * @param name what the case checks
 * @param source the source the input arrives from, or {@code null} when the configuration has one
 * @param input the event to dispatch
 * @param expected per sink, the events it must receive in order; sinks not named receive nothing
 * @param deadLetters how many letters the case must produce
 * @param timeout how long the input may take to settle
 */
public record TestCase(
        String name,
        String source,
        Event input,
        Map<String, List<ExpectedEvent>> expected,
        int deadLetters,
        Duration timeout) {}
