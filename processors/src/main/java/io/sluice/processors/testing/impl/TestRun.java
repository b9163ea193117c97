package io.sluice.processors.testing.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.deadletter.DeadLetter;
import io.sluice.event.Event;
import io.sluice.pipeline.SourceContext;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the test components of one case share with the runner: the inputs to dispatch through,
 * what each sink captured, and the dead letters. Components find it by the {@code run} option the
 * runner writes into their configuration; every case gets its own, so cases never share state.
 */
public final class TestRun {

    /** The option naming the run in a test component's configuration. */
    public static final String RUN = "run";

    private static final Map<String, TestRun> RUNS = new ConcurrentHashMap<>();

    private final Map<String, SourceContext> inputs = new ConcurrentHashMap<>();
    private final Map<String, Queue<Event>> captured = new ConcurrentHashMap<>();
    private final Queue<DeadLetter> letters = new ConcurrentLinkedQueue<>();

    private TestRun() {}

    /** Opens a run under a new id. */
    public static TestRun open(String id) {
        TestRun run = new TestRun();
        RUNS.put(id, run);
        return run;
    }

    /**
     * The run a test component belongs to, named by its {@link #RUN} option.
     *
     * @throws io.sluice.config.ConfigException naming the component's type when no runner opened the
     *     run: the test-* types only stand in for real components under {@code sluice test}
     */
    public static TestRun of(ComponentConfig config) {
        String id = config.string(RUN, null);
        TestRun run = id == null ? null : RUNS.get(id);
        if (run == null) {
            throw config.problem(
                    "type",
                    "is for pipeline tests only: `sluice test` puts it in place of a real component",
                    config.json().getString("type"));
        }
        return run;
    }

    /** Forgets the run. */
    public static void close(String id) {
        RUNS.remove(id);
    }

    void input(String source, SourceContext context) {
        inputs.put(source, context);
    }

    /** The context of the test input that replaced the named source, or {@code null}. */
    public SourceContext input(String source) {
        return inputs.get(source);
    }

    void capture(String sink, Event event) {
        captured.computeIfAbsent(sink, k -> new ConcurrentLinkedQueue<>()).add(event);
    }

    /** The events the named sink received, in order. */
    public List<Event> captured(String sink) {
        Queue<Event> events = captured.get(sink);
        return events == null ? List.of() : List.copyOf(events);
    }

    void deadLetter(DeadLetter letter) {
        letters.add(letter);
    }

    /** Every letter written. */
    public List<DeadLetter> deadLetters() {
        return List.copyOf(letters);
    }
}
