package io.sluice.connector.supabase.impl;

import io.sluice.config.ComponentConfig;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the join's {@code config.postgres_changes}: which changes of which table the channel
 * wants. Sent as {@code {event, schema, table, filter}}, absent members left out; Realtime echoes it
 * in the join reply with the {@code id} it gave the subscription.
 *
 * @param event {@code *}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param schema the schema, or {@code *}
 * @param table the table, {@code *}, or {@code null} for every table of the schema
 * @param filter a PostgREST-style filter such as {@code id=eq.1}, or {@code null}
 */
record Binding(String event, String schema, String table, String filter) {

    static final Set<String> KEYS = Set.of("event", "schema", "table", "filter");
    private static final String[] EVENTS = {"*", "INSERT", "UPDATE", "DELETE"};

    Binding {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(schema, "schema");
    }

    /** Reads one entry of {@code changes}; the event is case-insensitive, as Realtime takes it. */
    static Binding from(ComponentConfig entry) {
        entry.rejectUnknown(KEYS);
        String event = entry.string("event", "*").toUpperCase(Locale.ROOT);
        if (!Set.of(EVENTS).contains(event)) {
            // Realtime would silently treat an unknown event as '*'; a typo should not widen the feed.
            throw entry.problem("event", "must be one of *, INSERT, UPDATE, DELETE", entry.string("event", null));
        }
        String filter = blankToNull(entry.string("filter", null));
        if (filter != null && (filter.equals("undefined") || !filter.contains("="))) {
            throw entry.problem("filter", "must read <column>=<operator>.<value>, e.g. id=eq.42", filter);
        }
        return new Binding(event, entry.string("schema", "public"), blankToNull(entry.string("table", null)), filter);
    }

    /** The binding as the join sends it. */
    JsonObject toJson() {
        JsonObject json = new JsonObject().put("event", event).put("schema", schema);
        if (table != null) {
            json.put("table", table);
        }
        if (filter != null) {
            json.put("filter", filter);
        }
        return json;
    }

    /**
     * Whether a join reply entry echoes this binding: event, schema, table and filter equal, a
     * {@code null} member equal to a missing one, as realtime-js compares them.
     */
    boolean echoedBy(JsonObject entry) {
        return Objects.equals(event, text(entry, "event"))
                && Objects.equals(schema, text(entry, "schema"))
                && Objects.equals(table, text(entry, "table"))
                && Objects.equals(filter, text(entry, "filter"));
    }

    @Override
    public String toString() {
        return event + " " + schema + "." + (table == null ? "*" : table) + (filter == null ? "" : " " + filter);
    }

    private static String text(JsonObject entry, String key) {
        Object value = entry.getValue(key);
        return value == null ? null : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
