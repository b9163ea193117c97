package io.sluice.processors.testing.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.sluice.config.ConfigProblem;
import io.sluice.event.Event;
import io.sluice.event.Headers;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a pipeline test file: a YAML list of cases. The format is described in the README. */
public final class TestCaseReader {

    /** The key under {@code expect} that counts dead letters rather than naming a sink. */
    public static final String DEAD_LETTERS = "dead-letters";

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private TestCaseReader() {}

    /**
     * Parses the cases.
     *
     * @throws ConfigException listing every problem with its file and line
     */
    public static List<TestCase> read(String file, String text) {
        YamlDocument document = YamlDocument.parse(file, text);
        if (!(document.root() instanceof JsonArray)) {
            throw new ConfigException(
                    new ConfigProblem(file, 1, "", "must be a list of test cases ({name, input, expect})", null));
        }
        JsonArray items = (JsonArray) document.root();
        List<TestCase> cases = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.getValue(i) instanceof JsonObject)) {
                problems.add(document.source().problem("/" + i, "must be an object", items.getValue(i)));
                continue;
            }
            ComponentConfig item = new ComponentConfig(
                    "case " + (i + 1), "test case", items.getJsonObject(i), "/" + i, document.source());
            try {
                cases.add(testCase(item));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return cases;
    }

    private static TestCase testCase(ComponentConfig item) {
        item.rejectUnknown(Set.of("input", "expect", "timeout"));
        String name = item.requiredString("name");
        ComponentConfig input = item.section("input");
        input.rejectUnknown(Set.of("source", "event"));
        if (!input.has("event")) {
            throw input.problem("event", "is required", null);
        }
        Event event = event(input.section("event"));
        ComponentConfig expect = item.section("expect");
        Map<String, List<ExpectedEvent>> expected = new LinkedHashMap<>();
        for (String sink : expect.json().fieldNames()) {
            if (!sink.equals(DEAD_LETTERS)) {
                List<ExpectedEvent> events = new ArrayList<>();
                expect.sections(sink).forEach(section -> events.add(expectedEvent(section)));
                expected.put(sink, events);
            }
        }
        return new TestCase(
                name,
                input.string("source", null),
                event,
                expected,
                expect.integer(DEAD_LETTERS, 0, 0, 1_000_000),
                item.positiveDuration("timeout", DEFAULT_TIMEOUT));
    }

    private static Event event(ComponentConfig event) {
        event.rejectUnknown(
                Set.of("id", "source", "subject", "time", "datacontenttype", "extensions", "headers", "data"));
        Event.Builder builder = Event.builder()
                .source(event.string("source", "/test"))
                .type(event.requiredString("type"))
                .subject(event.string("subject", null))
                .headers(headers(event.section("headers")));
        if (event.has("id")) {
            builder.id(event.requiredString("id"));
        }
        if (event.has("time")) {
            builder.time(instant(event, "time"));
        }
        ComponentConfig extensions = event.section("extensions");
        for (String name : extensions.json().fieldNames()) {
            try {
                builder.extension(name, extensions.requiredString(name));
            } catch (IllegalArgumentException e) {
                throw extensions.problem(name, e.getMessage(), name);
            }
        }
        data(builder, event);
        return builder.build();
    }

    private static void data(Event.Builder builder, ComponentConfig event) {
        Object data = event.json().getValue("data");
        String contentType = event.string("datacontenttype", null);
        if (data instanceof String) {
            // A string is the data as text, as is: the way to give non-JSON data.
            builder.data(Buffer.buffer((String) data));
            builder.dataContentType(contentType == null ? "text/plain" : contentType);
        } else if (data != null || event.has("data")) {
            builder.data(Buffer.buffer(Json.encode(data)));
            builder.dataContentType(contentType == null ? "application/json" : contentType);
        } else {
            builder.dataContentType(contentType);
        }
    }

    private static Headers headers(ComponentConfig section) {
        Headers.Builder headers = Headers.builder();
        for (String name : section.json().fieldNames()) {
            Object value = section.json().getValue(name);
            if (value instanceof JsonArray) {
                ((JsonArray) value).forEach(item -> headers.add(name, String.valueOf(item)));
            } else {
                // Not strings(): a header value may itself hold commas.
                headers.add(name, section.requiredString(name));
            }
        }
        return headers.build();
    }

    private static Instant instant(ComponentConfig config, String key) {
        String text = config.requiredString(key);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw config.problem(key, "must be an RFC 3339 time such as 2024-05-01T12:00:00Z", text);
        }
    }

    private static ExpectedEvent expectedEvent(ComponentConfig expected) {
        expected.rejectUnknown(
                Set.of("source", "subject", "datacontenttype", "data", "data-contains", "data-text", "headers"));
        Map<String, String> headers = new LinkedHashMap<>();
        ComponentConfig section = expected.section("headers");
        section.json().fieldNames().forEach(name -> headers.put(name, section.requiredString(name)));
        return new ExpectedEvent(
                expected.string("type", null),
                expected.string("source", null),
                expected.string("subject", null),
                expected.string("datacontenttype", null),
                expected.json().getValue("data"),
                expected.has("data"),
                expected.json().getValue("data-contains"),
                expected.has("data-contains"),
                expected.string("data-text", null),
                headers);
    }
}
