package io.sluice.connector.cron.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.ComponentConfig;
import io.sluice.event.Event;
import io.sluice.event.EventCodec;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickEventsTest {

    private static CronSettings settings(JsonObject options) {
        return CronSettings.from(ComponentConfig.of("nightly", "cron", options), ScheduleSyntax.CRONTAB);
    }

    @Test
    void tickCarriesItsScheduledTimeTheExpressionAndTheConnectorHeaders() {
        CronSettings settings = settings(new JsonObject()
                .put("schedule", "0 3 * * *")
                .put("event-type", "com.example.report.due")
                .put("data", new JsonObject().put("report", "sales")));
        Instant scheduled = Instant.parse("2024-05-01T03:00:00Z");

        Event tick = TickEvents.tick("nightly", settings, scheduled);

        assertThat(tick.id()).isEqualTo("nightly:1714532400");
        assertThat(tick.source()).isEqualTo("/cron/nightly");
        assertThat(tick.type()).isEqualTo("com.example.report.due");
        assertThat(tick.time()).isEqualTo(scheduled);
        assertThat(tick.subject()).isEqualTo("0 3 * * *");
        assertThat(tick.headers().first("X-Topic")).isEqualTo("cron-function");
        assertThat(tick.headers().first("X-Connector")).isEqualTo("sluice-cron");
        assertThat(tick.dataContentType()).isEqualTo("application/json");
        assertThat(tick.dataAsJson()).isEqualTo(new JsonObject().put("report", "sales"));
    }

    @Test
    void tickWithoutDataCarriesAnEmptyObjectAndSurvivesTheJournal() {
        Event tick = TickEvents.tick(
                "nightly",
                settings(new JsonObject().put("schedule", "@hourly")),
                Instant.parse("2024-05-01T03:00:00Z"));

        Event journaled = EventCodec.decode(EventCodec.encode(tick));

        assertThat(tick.dataAsJson()).isEqualTo(new JsonObject());
        assertThat(journaled).isEqualTo(tick);
    }
}
