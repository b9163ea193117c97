package io.sluice.connector.cron;

import java.time.Instant;

/**
 * The shape of the event a {@code type: cron} source emits at each scheduled time, for routes that
 * match on it and sinks that read it.
 *
 * <ul>
 *   <li>{@code id}: {@code <source name>:<scheduled epoch second>}, the same on every replica;
 *   <li>{@code source}: {@code /cron/<source name>};
 *   <li>{@code type}: the source's {@code event-type}, by default {@value #DEFAULT_TYPE};
 *   <li>{@code time}: the scheduled time, not the moment the timer ran;
 *   <li>{@code subject}: the schedule expression as configured;
 *   <li>data: the source's {@code data} object, or {@code {}}, as {@code application/json};
 *   <li>headers {@code X-Topic: cron-function} and {@code X-Connector: sluice-cron}, as the OpenFaaS
 *       cron-connector sends them to a function (it sends {@code cron-connector}).
 * </ul>
 */
public final class CronTick {

    /** The event type when {@code event-type} is not set. */
    public static final String DEFAULT_TYPE = "io.sluice.cron.tick";

    /** The header naming the OpenFaaS topic, with {@link #TOPIC} as its value. */
    public static final String TOPIC_HEADER = "X-Topic";

    /** The topic the OpenFaaS cron-connector announces. */
    public static final String TOPIC = "cron-function";

    /** The header naming the connector, with {@link #CONNECTOR} as its value. */
    public static final String CONNECTOR_HEADER = "X-Connector";

    /** The connector name Sluice announces. */
    public static final String CONNECTOR = "sluice-cron";

    private CronTick() {}

    /** The tick's event id, which is also its JetStream message id. */
    public static String id(String sourceName, Instant scheduled) {
        return sourceName + ":" + scheduled.getEpochSecond();
    }

    /** The tick's CloudEvents {@code source}. */
    public static String source(String sourceName) {
        return "/cron/" + sourceName;
    }
}
