package io.sluice.connector.postgres.impl;

import io.sluice.config.ComponentConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options of a {@code postgres-cdc} source, read and checked once at start-up.
 *
 * @param url the database; the role needs {@code REPLICATION} (or superuser)
 * @param slot the logical replication slot, persistent, shared by every replica
 * @param tables which tables and actions to emit
 * @param createSlot whether to create the slot when it does not exist
 * @param heartbeatInterval how often an idle leader writes a heartbeat so the slot advances; zero
 *     turns heartbeats off
 * @param maxInflight changes handed to the routes and not yet settled, at most
 * @param statusInterval how often the confirmed position is reported to the server
 */
record CdcSettings(
        PostgresUrl url,
        String slot,
        TableFilter tables,
        boolean createSlot,
        Duration heartbeatInterval,
        int maxInflight,
        Duration statusInterval) {

    static final Set<String> OPTIONS = Set.of(
            "url", "slot", "tables", "filters", "create-slot", "heartbeat-interval", "max-inflight", "status-interval");

    private static final String SLOT_PATTERN = "[a-z0-9_]{1,63}";
    private static final Duration MAX_STATUS_INTERVAL = Duration.ofSeconds(30);

    /** Reads the options; errors name the key, the rule and the value. */
    static CdcSettings from(ComponentConfig config) {
        config.rejectUnknown(OPTIONS);
        PostgresUrl url = url(config, "url");
        String slot = config.string("slot", defaultSlot(config.name()));
        if (!slot.matches(SLOT_PATTERN)) {
            throw config.problem("slot", "must be 1 to 63 lower-case letters, digits or underscores", slot);
        }
        if (config.has("tables") && config.has("filters")) {
            throw config.problem("filters", "is another name for 'tables'; give only one of them", null);
        }
        String tablesKey = config.has("filters") ? "filters" : "tables";
        TableFilter tables;
        try {
            tables = TableFilter.parse(config.strings(tablesKey, List.of()));
        } catch (IllegalArgumentException e) {
            throw config.problem(tablesKey, e.getMessage(), config.json().getValue(tablesKey));
        }
        Duration heartbeat = config.duration("heartbeat-interval", Duration.ofSeconds(10));
        Duration status = config.positiveDuration("status-interval", Duration.ofSeconds(10));
        if (status.compareTo(MAX_STATUS_INTERVAL) > 0) {
            throw config.problem(
                    "status-interval",
                    "must be at most 30s, well below the server's wal_sender_timeout (60s by default)",
                    config.json().getValue("status-interval"));
        }
        return new CdcSettings(
                url,
                slot,
                tables,
                config.bool("create-slot", true),
                heartbeat,
                config.integer("max-inflight", 1000, 1, 100_000),
                status);
    }

    /** Reads a required PostgreSQL URL option. */
    static PostgresUrl url(ComponentConfig config, String key) {
        String text = config.requiredString(key);
        try {
            return PostgresUrl.parse(text);
        } catch (IllegalArgumentException e) {
            // The value may hold a password: never echo it.
            throw config.problem(key, e.getMessage(), null);
        }
    }

    /** {@code sluice_<name>}, with what a slot name may not hold turned into underscores. */
    static String defaultSlot(String sourceName) {
        String slot = ("sluice_" + sourceName).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return slot.length() > 63 ? slot.substring(0, 63) : slot;
    }
}
