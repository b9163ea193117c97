package io.sluice.processors.impl;

import com.github.mustachejava.Mustache;
import io.sluice.event.Event;
import io.sluice.pipeline.Processor;
import io.sluice.processors.cel.impl.JsonData;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders its template over {@code id}, {@code source}, {@code type}, {@code subject}, {@code time}
 * (RFC 3339), {@code datacontenttype}, {@code extensions}, {@code headers} (lower-cased name to
 * first value) and {@code data} (the JSON data as maps and lists, or the data as text when it is
 * not JSON). A missing value renders as nothing, as Mustache does.
 */
final class TemplateProcessor implements Processor {

    private final Mustache template;
    private final String contentType;
    private final FieldPath field;

    TemplateProcessor(Mustache template, String contentType, FieldPath field) {
        this.template = template;
        this.contentType = contentType;
        this.field = field;
    }

    @Override
    public Future<List<Event>> process(Event event) {
        return Outputs.of(() -> List.of(render(event)));
    }

    private Event render(Event event) {
        Object data = JsonData.parse(event);
        String text = template.execute(new StringWriter(), scope(event, data)).toString();
        if (field == null) {
            return event.toBuilder()
                    .dataContentType(contentType)
                    .data(Buffer.buffer(text))
                    .build();
        }
        if (!(data instanceof JsonObject)) {
            throw new IllegalArgumentException(
                    "field '" + field + "' needs the data to be a JSON object, but it is " + JsonData.describe(data));
        }
        JsonObject object = ((JsonObject) data).copy();
        field.set(object, text);
        return event.toBuilder().data(object).build();
    }

    private static Map<String, Object> scope(Event event, Object data) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("id", event.id());
        scope.put("source", event.source());
        scope.put("type", event.type());
        scope.put("subject", event.subject());
        scope.put("time", event.time() == null ? null : event.time().toString());
        scope.put("datacontenttype", event.dataContentType());
        scope.put("extensions", event.extensions());
        Map<String, String> headers = new LinkedHashMap<>();
        event.headers()
                .forEach((name, values) -> headers.putIfAbsent(
                        name.toLowerCase(Locale.ROOT), event.headers().first(name)));
        scope.put("headers", headers);
        scope.put("data", data == JsonData.NOT_JSON ? event.data().toString() : JsonData.plain(data));
        return scope;
    }
}
