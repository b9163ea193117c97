package io.sluice.connector.cron.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The options of {@code type: cron}: defaults, and what Sluice refuses to start with. */
class CronSettingsTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() {
        Await.result(vertx.close());
    }

    /**
     * Starts a Sluice with one cron source and returns why it refused to: the loader's schema check
     * or, past it, the factory's.
     */
    private String startupFailure(String cronOptions) {
        String config = "http: {port: 0, host: 127.0.0.1}\n"
                + "admin: {port: 0, host: 127.0.0.1}\n"
                + "dead-letter: {type: memory, name: cron-settings}\n"
                + "sources: [{name: nightly, type: cron, " + cronOptions + "}]\n"
                + "sinks: [{name: report, type: scripted}]\n"
                + "routes: [{name: r, from: nightly, to: report}]\n";
        ConfigLoader loader = new ConfigLoader(new Substitutions(Map.of(), Path.of("/none")));
        try {
            return Await.failure(Sluice.start(vertx, loader.parse("cron.yaml", config)))
                    .getMessage();
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }

    @Test
    void defaultsToUtcTheTickTypeEmptyDataAndTheSharedJournal() {
        ComponentConfig config = ComponentConfig.of("nightly", "cron", new JsonObject().put("schedule", "0 3 * * *"));

        CronSettings settings = CronSettings.from(config, ScheduleSyntax.CRONTAB);

        assertThat(settings.schedule().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(settings.eventType()).isEqualTo("io.sluice.cron.tick");
        assertThat(settings.data()).isEqualTo(new JsonObject());
        assertThat(settings.pull().stream()).isEqualTo("sluice-cron");
        assertThat(settings.pull().subject()).isEqualTo("sluice.cron.nightly");
        assertThat(settings.pull().durable()).isEqualTo("sluice-cron-nightly");
        assertThat(settings.pull().createStream()).isFalse();
        assertThat(settings.pull().ackWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.captured()).isEqualTo("sluice.cron.>");
    }

    @Test
    void ownStreamCapturesOnlyTheSourcesSubject() {
        ComponentConfig config = ComponentConfig.of(
                "nightly",
                "cron",
                new JsonObject()
                        .put("schedule", "@daily")
                        .put("stream", "ticks")
                        .put("subject", "ticks.nightly"));

        CronSettings settings = CronSettings.from(config, ScheduleSyntax.CRONTAB);

        assertThat(settings.captured()).isEqualTo("ticks.nightly");
    }

    @Test
    void refusesToStartWithAnInvalidScheduleNamingTheOptionAndTheReason() {
        String failure = startupFailure("schedule: '61 * * * *'");

        assertThat(failure)
                .contains("/sources/0/schedule")
                .contains("Value 61 not in range [0, 59]")
                .contains("61 * * * *");
    }

    @Test
    void refusesToStartWithAnUnknownTimeZoneNamingTheOption() {
        String failure = startupFailure("schedule: '@daily', time-zone: Europe/Berln");

        assertThat(failure)
                .contains("/sources/0/time-zone")
                .contains("must be an IANA time-zone id")
                .contains("Europe/Berln");
    }

    @Test
    void refusesAFixedOffsetForATimeZone() {
        assertThat(startupFailure("schedule: '@daily', time-zone: '+02:00'")).contains("/sources/0/time-zone");
    }

    @Test
    void refusesCatchUpDataThatIsNoObjectAndUnknownOptions() {
        assertThat(startupFailure("schedule: '@daily', catch-up: true")).contains("/sources/0/catch-up");
        assertThat(startupFailure("schedule: '@daily', data: [1, 2]")).contains("/sources/0/data");
        // Past the schema check or before it, the message names the option, in the key or in the text.
        assertThat(startupFailure("schedule: '@daily', timezone: UTC")).contains("timezone");
        assertThat(startupFailure("time-zone: UTC")).contains("schedule").contains("required");
    }
}
