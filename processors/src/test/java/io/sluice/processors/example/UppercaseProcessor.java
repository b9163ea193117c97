package io.sluice.processors.example;

import io.sluice.event.Event;
import io.sluice.pipeline.Processor;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * Upper-cases the data, or one string field of JSON data. It runs on its route's event loop, keeps
 * no state, and answers at once; data it cannot handle fails the future, which dead-letters that
 * event with the message as its cause.
 */
final class UppercaseProcessor implements Processor {

    private final String field;

    UppercaseProcessor(String field) {
        this.field = field;
    }

    @Override
    public Future<List<Event>> process(Event event) {
        if (field == null) {
            String text = event.data().toString().toUpperCase(Locale.ROOT);
            return Future.succeededFuture(
                    List.of(event.toBuilder().data(Buffer.buffer(text)).build()));
        }
        JsonObject data;
        try {
            data = event.dataAsJson();
        } catch (DecodeException e) {
            return Future.failedFuture(new IllegalArgumentException(
                    "uppercase: field '" + field + "' needs JSON object data: " + e.getMessage(), e));
        }
        Object value = data.getValue(field);
        if (!(value instanceof String)) {
            return Future.failedFuture(
                    new IllegalArgumentException("uppercase: field '" + field + "' is not a string"));
        }
        data.put(field, ((String) value).toUpperCase(Locale.ROOT));
        return Future.succeededFuture(List.of(event.toBuilder().data(data).build()));
    }
}
