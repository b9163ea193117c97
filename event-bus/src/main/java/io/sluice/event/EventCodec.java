package io.sluice.event;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Encodes events in the CloudEvents 1.0 JSON format, the form Sluice journals, dead-letters and
 * replays them in.
 *
 * <p>JSON data is embedded as {@code data}; anything else as {@code data_base64}, so bytes survive
 * untouched. Sluice adds one member that is not a CloudEvents attribute, {@code headers}, an object
 * of header name to list of values, so that an event replayed from the dead-letter store reaches
 * its sink with the headers it arrived with. Its JSON Schema is {@code
 * io/sluice/schemas/event/envelope.schema.json}.
 */
public final class EventCodec {

    private static final Set<String> CONTEXT_MEMBERS = Set.of(
            "specversion",
            "id",
            "source",
            "type",
            "subject",
            "time",
            "datacontenttype",
            "dataschema",
            "data",
            "data_base64",
            "headers");

    private EventCodec() {}

    /** Encodes the event as a CloudEvents JSON object. */
    public static JsonObject toJson(Event event) {
        JsonObject json = new JsonObject()
                .put("specversion", Event.SPEC_VERSION)
                .put("id", event.id())
                .put("source", event.source())
                .put("type", event.type());
        putIfPresent(json, "subject", event.subject());
        putIfPresent(json, "time", event.time() == null ? null : event.time().toString());
        putIfPresent(json, "datacontenttype", event.dataContentType());
        putIfPresent(json, "dataschema", event.dataSchema());
        event.extensions().forEach(json::put);
        if (!event.headers().isEmpty()) {
            JsonObject headers = new JsonObject();
            event.headers().forEach((name, values) -> headers.put(name, new JsonArray(values)));
            json.put("headers", headers);
        }
        putData(json, event);
        return json;
    }

    /** Encodes the event as CloudEvents JSON bytes. */
    public static Buffer encode(Event event) {
        return toJson(event).toBuffer();
    }

    /**
     * Decodes a CloudEvents JSON object.
     *
     * @throws IllegalArgumentException naming the member that is missing or malformed
     */
    public static Event decode(Buffer bytes) {
        JsonObject json;
        try {
            json = new JsonObject(bytes);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("event envelope is not a JSON object: " + e.getMessage(), e);
        }
        return fromJson(json);
    }

    /**
     * Builds an event from a CloudEvents JSON object.
     *
     * @throws IllegalArgumentException naming the member that is missing or malformed
     */
    public static Event fromJson(JsonObject json) {
        if (!Event.SPEC_VERSION.equals(json.getValue("specversion"))) {
            throw new IllegalArgumentException(
                    "envelope member 'specversion' must be \"1.0\", got " + json.getValue("specversion"));
        }
        Event.Builder builder = Event.builder()
                .id(text(json, "id"))
                .source(text(json, "source"))
                .type(text(json, "type"))
                .subject(text(json, "subject"))
                .dataContentType(text(json, "datacontenttype"))
                .dataSchema(text(json, "dataschema"))
                .time(time(json));
        for (Map.Entry<String, Object> member : json) {
            if (!CONTEXT_MEMBERS.contains(member.getKey()) && member.getValue() != null) {
                builder.extension(member.getKey(), String.valueOf(member.getValue()));
            }
        }
        builder.headers(headers(json));
        if (json.containsKey("data_base64")) {
            builder.data(Base64.getDecoder().decode(text(json, "data_base64")));
        } else if (json.containsKey("data")) {
            Object data = json.getValue("data");
            builder.data(data instanceof String ? Buffer.buffer((String) data) : Buffer.buffer(Json.encode(data)));
        }
        return builder.build();
    }

    private static void putData(JsonObject json, Event event) {
        if (event.data().length() == 0) {
            return;
        }
        if (isJson(event.dataContentType())) {
            try {
                Object value = Json.decode(event.data());
                // Embed JSON only when writing it back gives the very same bytes: a signed webhook
                // body replayed from the dead-letter store must still verify.
                if (Buffer.buffer(Json.encode(value)).equals(event.data())) {
                    json.put("data", value);
                    return;
                }
            } catch (DecodeException e) {
                // Labelled JSON but not JSON: keep the exact bytes rather than fail the event.
            }
        }
        json.put("data_base64", Base64.getEncoder().encodeToString(event.data().getBytes()));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase().split(";", 2)[0].trim();
        return type.equals("application/json") || type.endsWith("+json") || type.equals("text/json");
    }

    private static Headers headers(JsonObject json) {
        Object value = json.getValue("headers");
        if (value == null) {
            return Headers.empty();
        }
        if (!(value instanceof JsonObject)) {
            throw new IllegalArgumentException("envelope member 'headers' must be an object of string arrays");
        }
        Headers.Builder builder = Headers.builder();
        for (Map.Entry<String, Object> header : (JsonObject) value) {
            if (!(header.getValue() instanceof JsonArray)) {
                throw new IllegalArgumentException(
                        "envelope header '" + header.getKey() + "' must be an array of strings");
            }
            ((JsonArray) header.getValue()).forEach(v -> builder.add(header.getKey(), String.valueOf(v)));
        }
        return builder.build();
    }

    private static Instant time(JsonObject json) {
        String time = text(json, "time");
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("envelope member 'time' is not RFC 3339: '" + time + "'", e);
        }
    }

    private static String text(JsonObject json, String member) {
        Object value = json.getValue(member);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException("envelope member '" + member + "' must be a string, got " + value);
    }

    private static void putIfPresent(JsonObject json, String member, String value) {
        if (value != null) {
            json.put(member, value);
        }
    }
}
