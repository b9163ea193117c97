package io.sluice.processors.testing.impl;

import io.sluice.deadletter.DeadLetter;
import io.sluice.event.Event;
import io.sluice.processors.cel.impl.JsonData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares what a case's sinks captured and what it dead-lettered with what the case expects,
 * writing one readable line per difference: the sink, the event's position, the field, the expected
 * and the actual value.
 */
public final class Expectations {

    private Expectations() {}

    /**
     * The differences between the case's expectations and the run; empty when it passed.
     *
     * @param sinks every sink of the configuration, in order
     */
    public static List<String> differences(TestCase testCase, List<String> sinks, TestRun run) {
        List<String> out = unknownSinks(testCase, sinks);
        for (String sink : sinks) {
            compareSink(sink, testCase.expected().getOrDefault(sink, List.of()), run.captured(sink), out);
        }
        compareDeadLetters(testCase.deadLetters(), run.deadLetters(), out);
        return out;
    }

    /** A line for every name under {@code expect} that is not a sink of the configuration. */
    public static List<String> unknownSinks(TestCase testCase, List<String> sinks) {
        List<String> out = new ArrayList<>();
        for (String named : testCase.expected().keySet()) {
            if (!sinks.contains(named)) {
                out.add("expect names '" + named + "', which is not a sink; sinks: " + String.join(", ", sinks));
            }
        }
        return out;
    }

    private static void compareSink(String sink, List<ExpectedEvent> expected, List<Event> actual, List<String> out) {
        String at = "sink '" + sink + "'";
        if (expected.size() != actual.size()) {
            out.add(at + ": expected " + expected.size() + " event(s), got " + actual.size());
        }
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String event = at + " event " + (i + 1);
            if (i >= actual.size()) {
                out.add(event + ": missing");
            } else if (i >= expected.size()) {
                out.add(event + ": unexpected " + summary(actual.get(i)));
            } else {
                compareEvent(event, expected.get(i), actual.get(i), out);
            }
        }
    }

    private static void compareEvent(String at, ExpectedEvent expected, Event actual, List<String> out) {
        attribute(at, "type", expected.type(), actual.type(), out);
        attribute(at, "source", expected.source(), actual.source(), out);
        attribute(at, "subject", expected.subject(), actual.subject(), out);
        attribute(at, "datacontenttype", expected.contentType(), actual.dataContentType(), out);
        expected.headers().forEach((name, value) -> {
            String got = actual.headers().first(name);
            if (!value.equals(got)) {
                out.add(at + " header " + name + ": expected " + JsonDiff.show(value) + ", got "
                        + (got == null ? "no such header" : JsonDiff.show(got)));
            }
        });
        if (expected.dataText() != null) {
            attribute(at, "data-text", expected.dataText(), actual.data().toString(), out);
        }
        Object data = JsonData.parse(actual);
        if (expected.hasData()) {
            compareData(at + " data", expected.data(), data, actual, false, out);
        }
        if (expected.hasDataContains()) {
            compareData(at + " data", expected.dataContains(), data, actual, true, out);
        }
    }

    private static void compareData(
            String at, Object expected, Object data, Event actual, boolean subset, List<String> out) {
        if (data != JsonData.NOT_JSON) {
            JsonDiff.compare(at, expected, data, subset, out);
        } else if (expected instanceof String) {
            attribute(at, "(text)", (String) expected, actual.data().toString(), out);
        } else {
            out.add(at + ": expected JSON " + JsonDiff.show(expected) + ", got data that is not JSON: "
                    + JsonDiff.show(actual.data().toString()));
        }
    }

    private static void attribute(String at, String name, String expected, String actual, List<String> out) {
        if (expected != null && !Objects.equals(expected, actual)) {
            out.add(at + " " + name + ": expected " + JsonDiff.show(expected) + ", got " + JsonDiff.show(actual));
        }
    }

    private static void compareDeadLetters(int expected, List<DeadLetter> letters, List<String> out) {
        if (letters.size() == expected) {
            return;
        }
        out.add("dead-letters: expected " + expected + ", got " + letters.size());
        for (DeadLetter letter : letters) {
            out.add("  dead letter of " + summary(letter.event()) + " at route '" + letter.route() + "'"
                    + (letter.sink() == null ? "" : " sink '" + letter.sink() + "'") + ": " + letter.cause());
        }
    }

    private static String summary(Event event) {
        Object data = JsonData.parse(event);
        Object shown = data == JsonData.NOT_JSON ? event.data().toString() : data;
        return "event {type: " + JsonDiff.show(event.type()) + ", data: " + JsonDiff.show(shown) + "}";
    }
}
