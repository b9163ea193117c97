package io.sluice.connector.cron.impl;

import io.sluice.connector.cron.CronTick;
import io.sluice.event.Event;
import io.sluice.event.Headers;
import java.time.Instant;

/** Builds the event of one tick; see {@link CronTick} for its shape. */
final class TickEvents {

    private static final Headers HEADERS = Headers.builder()
            .add(CronTick.TOPIC_HEADER, CronTick.TOPIC)
            .add(CronTick.CONNECTOR_HEADER, CronTick.CONNECTOR)
            .build();

    private TickEvents() {}

    /** The tick the source named {@code sourceName} fires at {@code scheduled}. */
    static Event tick(String sourceName, CronSettings settings, Instant scheduled) {
        return Event.builder()
                .id(CronTick.id(sourceName, scheduled))
                .source(CronTick.source(sourceName))
                .type(settings.eventType())
                .time(scheduled)
                .subject(settings.schedule().expression())
                .headers(HEADERS)
                .data(settings.data())
                .build();
    }
}
