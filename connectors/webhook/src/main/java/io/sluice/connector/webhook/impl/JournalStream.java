package io.sluice.connector.webhook.impl;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.sluice.connector.nats.JournalStreams;
import io.sluice.connector.nats.JournalStreams.Change;
import io.sluice.connector.nats.JournalStreams.Outcome;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the journal stream exists, captures the source's subject and remembers message ids for
 * at least the dedupe window; blocking, call from a worker thread.
 *
 * <p>The default stream captures a wildcard ({@code sluice.hooks.>}), so every source sharing it is
 * captured without an update, and replicas starting at once cannot lose each other's subjects. An
 * existing stream is only ever widened, since other sources may share it; see {@link JournalStreams}.
 */
final class JournalStream {

    private static final Logger LOG = LoggerFactory.getLogger(JournalStream.class);

    private JournalStream() {}

    /**
     * @param captured the subjects a new stream captures: the subject, or a wildcard over it
     */
    static void ensure(JetStreamManagement jsm, String stream, String subject, String captured, Duration window)
            throws IOException, JetStreamApiException {
        Outcome outcome = JournalStreams.ensure(jsm, stream, subject, captured, window);
        if (outcome.change() == Change.CREATED) {
            LOG.info(
                    "Created journal stream '{}' for subject '{}' (work-queue retention, duplicate window {})",
                    stream,
                    captured,
                    window);
            return;
        }
        if (outcome.maxAge() != null) {
            LOG.warn(
                    "Journal stream '{}' keeps messages for {}, less than dedupe-window {}; duplicates are detected"
                            + " for {} only",
                    outcome.stream(),
                    outcome.maxAge(),
                    window,
                    outcome.maxAge());
        }
        if (outcome.duplicateWindow().compareTo(window) > 0) {
            LOG.info(
                    "Journal stream '{}' remembers message ids for {}, longer than dedupe-window {}; the stream's"
                            + " window applies",
                    outcome.stream(),
                    outcome.duplicateWindow(),
                    window);
        }
        if (outcome.change() == Change.UPDATED) {
            LOG.info(
                    "Updated journal stream '{}': subjects {}, duplicate window {}",
                    outcome.stream(),
                    outcome.subjects(),
                    outcome.duplicateWindow());
        }
    }
}
