package io.sluice.processors.cel;

import io.sluice.event.Event;
import io.sluice.processors.cel.impl.CelValues;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The variables an expression sees, taken from one event. The data is parsed lazily, on the first
 * expression that reads it, and then shared by every expression evaluated over the same instance.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>Name</th><th>CEL type</th><th>Value</th></tr>
 *   <tr><td>{@code id}, {@code source}, {@code type}</td><td>string</td><td>the CloudEvents
 *       attributes</td></tr>
 *   <tr><td>{@code subject}, {@code datacontenttype}</td><td>dyn</td><td>a string, or
 *       {@code null}</td></tr>
 *   <tr><td>{@code time}</td><td>dyn</td><td>a timestamp, or {@code null}</td></tr>
 *   <tr><td>{@code extensions}</td><td>map(string, string)</td><td>CloudEvents extension
 *       attributes</td></tr>
 *   <tr><td>{@code headers}</td><td>map(string, string)</td><td>lower-cased header name to its
 *       first value</td></tr>
 *   <tr><td>{@code header_values}</td><td>map(string, list(string))</td><td>lower-cased header
 *       name to every value</td></tr>
 *   <tr><td>{@code data}</td><td>dyn</td><td>the data parsed as JSON (maps, lists, int, double,
 *       string, bool, null) when the content type is absent or JSON and the bytes parse;
 *       {@code null} otherwise</td></tr>
 * </table>
 *
 * <p>JSON integers are CEL {@code int}s and other numbers {@code double}s; ints and doubles compare
 * with each other ({@code data.amount > 100} holds for 100.5). Reading a key a map lacks is an
 * error; test for it with {@code has(data.key)}.
 *
 * <p>Not thread-safe: build one per event on the thread that evaluates it.
 */
public final class EventVariables {

    private final Event event;
    private final Map<String, Object> values = new HashMap<>();

    private EventVariables(Event event) {
        this.event = event;
    }

    /** The variables of the event; nothing is computed until an expression reads it. */
    public static EventVariables of(Event event) {
        return new EventVariables(event);
    }

    /** The event the variables come from. */
    public Event event() {
        return event;
    }

    /** The value of a variable, computed on first use; empty for an unknown name. */
    Optional<Object> find(String name) {
        Object value = values.get(name);
        if (value == null) {
            value = compute(name);
            if (value == null) {
                return Optional.empty();
            }
            values.put(name, value);
        }
        return Optional.of(value);
    }

    private Object compute(String name) {
        switch (name) {
            case "id":
                return event.id();
            case "source":
                return event.source();
            case "type":
                return event.type();
            case "subject":
                return CelValues.orNull(event.subject());
            case "datacontenttype":
                return CelValues.orNull(event.dataContentType());
            case "time":
                return CelValues.orNull(event.time());
            case "extensions":
                return event.extensions();
            case "headers":
                return firstHeaderValues();
            case "header_values":
                return allHeaderValues();
            case "data":
                return CelValues.data(event);
            default:
                return null;
        }
    }

    private Map<String, String> firstHeaderValues() {
        Map<String, String> headers = new HashMap<>();
        event.headers().forEach((name, list) -> {
            if (!list.isEmpty()) {
                headers.putIfAbsent(name.toLowerCase(Locale.ROOT), list.get(0));
            }
        });
        return headers;
    }

    private Map<String, List<String>> allHeaderValues() {
        Map<String, List<String>> headers = new HashMap<>();
        event.headers().forEach((name, list) -> headers.put(name.toLowerCase(Locale.ROOT), list));
        return headers;
    }
}
