package io.sluice.connector.cron.impl;

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
 * Makes sure the tick journal exists, captures the source's subject and remembers message ids for
 * at least the dedupe window; blocking, call from a worker thread. An existing stream is only ever
 * widened, since other cron sources share it; see {@link JournalStreams}.
 */
final class TickStream {

    private static final Logger LOG = LoggerFactory.getLogger(TickStream.class);

    private TickStream() {}

    /**
     * @param subject the subject ticks are published to, without wildcards
     * @param captured what a new stream captures: the subject, or a wildcard over it
     * @return the window the stream applies, which may be longer than asked
     */
    static Duration ensure(JetStreamManagement jsm, String stream, String subject, String captured, Duration window)
            throws IOException, JetStreamApiException {
        Outcome outcome = JournalStreams.ensure(jsm, stream, subject, captured, window);
        if (outcome.change() == Change.CREATED) {
            LOG.info("Created tick journal '{}' for '{}' (duplicate window {})", stream, captured, window);
            return outcome.duplicateWindow();
        }
        if (outcome.maxAge() != null) {
            LOG.warn(
                    "Tick journal '{}' keeps messages for {}, less than the duplicate window {} the schedule wants;"
                            + " replicas whose clocks differ by more may fire a tick twice",
                    outcome.stream(),
                    outcome.maxAge(),
                    window);
        }
        if (outcome.change() == Change.UPDATED) {
            LOG.info(
                    "Updated tick journal '{}': subjects {}, duplicate window {}",
                    outcome.stream(),
                    outcome.subjects(),
                    outcome.duplicateWindow());
        }
        return outcome.duplicateWindow();
    }
}
