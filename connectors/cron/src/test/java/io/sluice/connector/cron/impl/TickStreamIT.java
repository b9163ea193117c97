package io.sluice.connector.cron.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StreamConfiguration;
import io.sluice.testing.TestServices;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tick journal against the real NATS: created once, then only ever widened. */
class TickStreamIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String stream = "ticks-" + suffix;
    private Connection nats;
    private JetStreamManagement jsm;

    @BeforeEach
    void connect() throws Exception {
        nats = Nats.connect(TestServices.natsUrl());
        jsm = nats.jetStreamManagement();
    }

    @AfterEach
    void cleanUp() throws Exception {
        CronSluice.deleteStream(stream);
        nats.close();
    }

    private StreamConfiguration config() throws Exception {
        return jsm.getStreamInfo(stream).getConfiguration();
    }

    @Test
    void addsAnUncapturedSubjectAndRaisesAShorterWindow() throws Exception {
        TickStream.ensure(jsm, stream, "t" + suffix + ".a", "t" + suffix + ".a", Duration.ofMinutes(2));

        Duration applied =
                TickStream.ensure(jsm, stream, "t" + suffix + ".b", "t" + suffix + ".b", Duration.ofMinutes(20));

        assertThat(applied).isEqualTo(Duration.ofMinutes(20));
        assertThat(config().getSubjects()).containsExactly("t" + suffix + ".a", "t" + suffix + ".b");
        assertThat(config().getDuplicateWindow()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void neverLowersTheWindowNorTouchesACapturedSubject() throws Exception {
        TickStream.ensure(jsm, stream, "t" + suffix + ".a", "t" + suffix + ".>", Duration.ofHours(1));

        Duration applied =
                TickStream.ensure(jsm, stream, "t" + suffix + ".b", "t" + suffix + ".>", Duration.ofMinutes(2));

        assertThat(applied).isEqualTo(Duration.ofHours(1));
        assertThat(config().getSubjects()).containsExactly("t" + suffix + ".>");
        assertThat(config().getDuplicateWindow()).isEqualTo(Duration.ofHours(1));
    }
}
