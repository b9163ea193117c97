package io.sluice.connector.supabase.impl;

import io.sluice.event.DatabaseChange;
import io.sluice.event.DatabaseChange.Action;
import io.sluice.event.DatabaseChange.Column;
import io.sluice.event.Event;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns the payload of a {@code postgres_changes} push, {@code {"ids":[...], "data":{schema, table,
 * type, commit_timestamp, columns, record?, old_record?, errors}}}, into the shared change event.
 *
 * <ul>
 *   <li>{@code id}: Realtime gives a change no id, so it is the SHA-256 of the topic, the commit
 *       timestamp and the data object: the same change seen twice (two replicas, a rejoin
 *       overlap) gets the same id, so a {@code dedupe} processor can drop the copy;
 *   <li>{@code record} is absent for DELETE and {@code old_record} for INSERT, as Realtime sends
 *       them; under REPLICA IDENTITY DEFAULT {@code old_record} holds only the key, and with RLS on a
 *       DELETE's {@code old_record} too;
 *   <li>{@code commit_timestamp} is kept as Realtime wrote it; the CloudEvents {@code time} is set
 *       from it when it parses;
 *   <li>{@code position} and {@code xid} are {@code null}: Realtime exposes neither;
 *       {@code unchanged_toast} is empty, because Realtime fills unchanged TOAST columns from {@code
 *       old_record}, complete only under REPLICA IDENTITY FULL.
 * </ul>
 */
final class ChangeDecoder {

    private final String topic;
    private final String source;

    ChangeDecoder(String topic, String sourceName) {
        this.topic = topic;
        this.source = "/supabase-realtime/" + sourceName;
    }

    /**
     * The change event of a push.
     *
     * @throws RealtimeChangeException when the server reported {@code errors} for the change (no
     *     primary key, no rights, payload too large)
     * @throws IllegalArgumentException when the payload is not a change, naming the field
     */
    Event decode(JsonObject payload) {
        JsonObject data = object(payload.getValue("data"), "data");
        List<String> errors = errors(data);
        if (!errors.isEmpty()) {
            throw new RealtimeChangeException(errors);
        }
        Action action = action(data.getValue("type"));
        String commitTimestamp = data.getValue("commit_timestamp") instanceof String text ? text : null;
        DatabaseChange change = new DatabaseChange(
                action,
                name(data, "schema"),
                name(data, "table"),
                action == Action.DELETE ? null : object(data.getValue("record"), "record"),
                action == Action.INSERT ? null : optionalObject(data.getValue("old_record"), "old_record"),
                commitTimestamp,
                null,
                null,
                columns(data.getValue("columns")),
                List.of());
        return change.toEvent(source, id(commitTimestamp, data));
    }

    /** An event keeping a push that is not a deliverable change, for the dead-letter store. */
    Event raw(JsonObject payload) {
        Object data = payload.getValue("data");
        String subject =
                data instanceof JsonObject json ? json.getValue("schema") + "." + json.getValue("table") : topic;
        return Event.builder()
                .id(id(null, payload))
                .source(source)
                .type("io.sluice.undecodable")
                .subject(subject)
                .data(payload)
                .build();
    }

    private String id(String commitTimestamp, JsonObject data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((topic + "\n" + commitTimestamp + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(data.toBuffer().getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static List<String> errors(JsonObject data) {
        Object errors = data.getValue("errors");
        if (errors == null) {
            return List.of();
        }
        if (errors instanceof JsonArray array) {
            return array.stream().map(String::valueOf).toList();
        }
        return List.of(errors.toString());
    }

    private static Action action(Object type) {
        return Action.named(type instanceof String text ? text : null)
                .orElseThrow(() -> new IllegalArgumentException(
                        "field 'type' must be one of INSERT, UPDATE, DELETE, got " + type));
    }

    private static String name(JsonObject data, String field) {
        if (data.getValue(field) instanceof String text && !text.isEmpty()) {
            return text;
        }
        throw new IllegalArgumentException("field '" + field + "' must be a non-empty string");
    }

    private static JsonObject object(Object value, String field) {
        if (value instanceof JsonObject json) {
            return json;
        }
        throw new IllegalArgumentException("field '" + field + "' must be an object");
    }

    private static JsonObject optionalObject(Object value, String field) {
        return value == null ? null : object(value, field);
    }

    /**
     * Realtime's {@code [{name, type}]}; anything else counts as not known ({@code null}) rather
     * than failing the change, since the rows themselves are intact.
     */
    private static List<Column> columns(Object value) {
        if (!(value instanceof JsonArray array)) {
            return null;
        }
        List<Column> columns = new ArrayList<>(array.size());
        for (Object element : array) {
            if (!(element instanceof JsonObject column
                    && column.getValue("name") instanceof String name
                    && column.getValue("type") instanceof String type)) {
                return null;
            }
            columns.add(new Column(name, type));
        }
        return columns;
    }
}
