package io.sluice.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import io.sluice.config.ComponentConfig;
import io.sluice.event.Event;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mustache templates over an event: {@code {{id}}}, {@code {{type}}}, {@code {{source}}}, {@code
 * {{subject}}}, {@code {{time}}} and {@code {{data.…}}}, the data parsed as JSON (or its text when
 * it is not JSON). Partials are refused, so a template can never read a file. Thread-safe.
 */
public final class EventTemplates {

    private final DefaultMustacheFactory factory;

    private EventTemplates(DefaultMustacheFactory factory) {
        this.factory = factory;
    }

    /** Templates whose output is plain text (prompts, subjects, text bodies): values are not escaped. */
    public static EventTemplates plainText() {
        return new EventTemplates(new DefaultMustacheFactory(name -> null) {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    /** Templates whose output is HTML: {@code {{x}}} escapes, {@code {{{x}}}} does not. */
    public static EventTemplates html() {
        return new EventTemplates(new DefaultMustacheFactory(name -> null));
    }

    /**
     * Compiles the template at the key, or returns {@code null} when the text is {@code null}.
     *
     * @throws io.sluice.config.ConfigException naming the key when the template does not compile
     */
    public EventTemplate compile(ComponentConfig config, String key, String text) {
        if (text == null) {
            return null;
        }
        try {
            return new EventTemplate(factory.compile(new StringReader(text), config.name() + "/" + key));
        } catch (MustacheException e) {
            throw config.problem(key, "must be a Mustache template without partials: " + e.getMessage(), text);
        }
    }

    /** The names templates see for an event. */
    public static Map<String, Object> scope(Event event) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("id", event.id());
        scope.put("type", event.type());
        scope.put("source", event.source());
        scope.put("subject", event.subject());
        scope.put("time", event.time() == null ? null : event.time().toString());
        scope.put("data", data(event));
        return scope;
    }

    /** The event's data as plain maps and lists, or its text when it is not JSON; {@code null} when empty. */
    public static Object data(Event event) {
        if (event.data().length() == 0) {
            return null;
        }
        try {
            return plain(Json.decodeValue(event.data()));
        } catch (DecodeException e) {
            return event.data().toString();
        }
    }

    // Mustache resolves names through java.util.Map and List; Vert.x's JSON types are neither.
    private static Object plain(Object value) {
        if (value instanceof JsonObject) {
            Map<String, Object> map = new LinkedHashMap<>();
            ((JsonObject) value).forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (value instanceof JsonArray) {
            List<Object> list = new ArrayList<>();
            ((JsonArray) value).forEach(item -> list.add(plain(item)));
            return list;
        }
        return value;
    }
}
