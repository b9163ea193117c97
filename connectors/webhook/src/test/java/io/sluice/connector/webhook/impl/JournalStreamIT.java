package io.sluice.connector.webhook.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamConfiguration;
import io.sluice.testing.TestServices;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The journal stream against the real NATS: created once, then only ever widened. */
class JournalStreamIT {

    private Connection nats;
    private JetStreamManagement jsm;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String stream = "journal-" + suffix;

    @BeforeEach
    void connect() throws Exception {
        nats = Nats.connect(TestServices.natsUrl());
        jsm = nats.jetStreamManagement();
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            jsm.deleteStream(stream);
        } catch (JetStreamApiException ignored) {
            // The test failed before creating it.
        }
        nats.close();
    }

    private StreamConfiguration config() throws Exception {
        return jsm.getStreamInfo(stream).getConfiguration();
    }

    @Test
    void createsAWorkQueueStreamCapturingTheGivenSubjectsWithTheDedupeWindow() throws Exception {
        JournalStream.ensure(jsm, stream, "t" + suffix + ".a", "t" + suffix + ".>", Duration.ofMinutes(3));

        assertThat(config().getSubjects()).containsExactly("t" + suffix + ".>");
        assertThat(config().getRetentionPolicy()).isEqualTo(RetentionPolicy.WorkQueue);
        assertThat(config().getDuplicateWindow()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void addsASubjectTheStreamDoesNotCaptureAndRaisesAShorterWindow() throws Exception {
        JournalStream.ensure(jsm, stream, "t" + suffix + ".a", "t" + suffix + ".a", Duration.ofMinutes(1));

        JournalStream.ensure(jsm, stream, "t" + suffix + ".b", "t" + suffix + ".b", Duration.ofMinutes(5));

        assertThat(config().getSubjects()).containsExactly("t" + suffix + ".a", "t" + suffix + ".b");
        assertThat(config().getDuplicateWindow()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void neverLowersTheWindowOrTouchesASubjectAlreadyCaptured() throws Exception {
        JournalStream.ensure(jsm, stream, "t" + suffix + ".a", "t" + suffix + ".>", Duration.ofMinutes(10));

        JournalStream.ensure(jsm, stream, "t" + suffix + ".b", "t" + suffix + ".b", Duration.ofMinutes(2));

        assertThat(config().getSubjects()).containsExactly("t" + suffix + ".>");
        assertThat(config().getDuplicateWindow()).isEqualTo(Duration.ofMinutes(10));
    }
}
