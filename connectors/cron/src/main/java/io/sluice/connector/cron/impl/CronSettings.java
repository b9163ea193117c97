package io.sluice.connector.cron.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.cron.CronTick;
import io.sluice.connector.nats.PullSettings;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.Set;

/**
 * The options of a {@code type: cron} source, read and checked at start-up.
 *
 * @param schedule when ticks fire ({@code schedule} in {@code time-zone})
 * @param eventType the ticks' CloudEvents type
 * @param data the ticks' data, {@code {}} when not configured
 * @param pull the journal: stream, subject and durable consumer; the source creates the stream itself
 * @param captured what a new journal stream captures: {@code sluice.cron.>} for the default stream
 *     and a subject under it, so every cron source sharing it is captured; else the subject
 */
record CronSettings(Schedule schedule, String eventType, JsonObject data, PullSettings pull, String captured) {

    /** The option names read here. */
    static final Set<String> KEYS = Set.of(
            "schedule",
            "time-zone",
            "event-type",
            "data",
            "catch-up",
            "stream",
            "subject",
            "durable",
            "max-inflight",
            "ack-wait",
            "fetch-batch",
            "fetch-wait");

    private static final String STREAM = "sluice-cron";
    private static final String UNDER = "sluice.cron.";

    /**
     * Reads the options.
     *
     * @param syntax the expressions {@code schedule} accepts
     * @throws io.sluice.config.ConfigException naming the bad option, the rule and the value
     */
    static CronSettings from(ComponentConfig config, ScheduleSyntax syntax) {
        if (config.bool("catch-up", false)) {
            throw config.problem(
                    "catch-up", "must be false: ticks missed while no replica ran are never fired afterwards", true);
        }
        String expression = config.requiredString("schedule");
        Schedule schedule;
        try {
            schedule = Schedule.parse(expression, zone(config), syntax);
        } catch (IllegalArgumentException e) {
            throw config.problem("schedule", e.getMessage(), expression);
        }
        PullSettings read = PullSettings.from(config, STREAM, UNDER + config.name(), "sluice-cron-" + config.name(), 8);
        if (read.subject().contains("*")
                || read.subject().contains(">")
                || read.subject().isBlank()) {
            throw config.problem(
                    "subject", "must be a subject without wildcards: ticks are published to it", read.subject());
        }
        PullSettings pull = new PullSettings(
                read.stream(),
                read.subject(),
                read.durable(),
                false,
                read.maxInflight(),
                read.ackWait(),
                read.fetchBatch(),
                read.fetchWait());
        boolean shared = pull.stream().equals(STREAM) && pull.subject().startsWith(UNDER);
        return new CronSettings(schedule, eventType(config), data(config), pull, shared ? UNDER + ">" : pull.subject());
    }

    private static ZoneId zone(ComponentConfig config) {
        String id = config.string("time-zone", "UTC");
        // ZoneId.of also takes offsets such as +02:00, which know nothing of daylight saving time.
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw config.problem("time-zone", "must be an IANA time-zone id such as UTC or Europe/Berlin", id);
        }
        return ZoneId.of(id);
    }

    private static String eventType(ComponentConfig config) {
        String type = config.string("event-type", CronTick.DEFAULT_TYPE);
        if (type.isBlank()) {
            throw config.problem("event-type", "must not be empty", type);
        }
        return type;
    }

    private static JsonObject data(ComponentConfig config) {
        Object data = config.json().getValue("data");
        if (data == null) {
            return new JsonObject();
        }
        if (!(data instanceof JsonObject)) {
            throw config.problem("data", "must be a JSON object", data);
        }
        return ((JsonObject) data).copy();
    }
}
