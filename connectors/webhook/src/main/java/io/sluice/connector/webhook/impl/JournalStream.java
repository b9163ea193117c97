package io.sluice.connector.webhook.impl;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the journal stream exists, captures the source's subject and remembers message ids for
 * at least the dedupe window; blocking, call from a worker thread.
 *
 * <p>A new stream is file-backed with work-queue retention: a delivery stays until its event
 * settled. The default stream captures a wildcard ({@code sluice.hooks.>}), so every source sharing
 * it is captured without an update, and replicas starting at once cannot lose each other's
 * subjects. An existing stream is only ever
 * widened: its subject is added, and its {@code duplicate_window} raised, never lowered, since
 * other sources may share it.
 */
final class JournalStream {

    private static final Logger LOG = LoggerFactory.getLogger(JournalStream.class);
    private static final int STREAM_NOT_FOUND = 10059;
    private static final int NAME_IN_USE = 10058;

    private JournalStream() {}

    /**
     * @param captured the subjects a new stream captures: the subject, or a wildcard over it
     */
    static void ensure(JetStreamManagement jsm, String stream, String subject, String captured, Duration window)
            throws IOException, JetStreamApiException {
        StreamInfo info = find(jsm, stream);
        if (info == null) {
            try {
                create(jsm, stream, captured, window);
                return;
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != NAME_IN_USE) {
                    throw e;
                }
                // Another replica created it first, maybe for another subject: widen theirs.
                info = jsm.getStreamInfo(stream);
            }
        }
        widen(jsm, info.getConfiguration(), subject, window);
    }

    private static StreamInfo find(JetStreamManagement jsm, String stream) throws IOException, JetStreamApiException {
        try {
            return jsm.getStreamInfo(stream);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static void create(JetStreamManagement jsm, String stream, String captured, Duration window)
            throws IOException, JetStreamApiException {
        jsm.addStream(StreamConfiguration.builder()
                .name(stream)
                .subjects(captured)
                .storageType(StorageType.File)
                .retentionPolicy(RetentionPolicy.WorkQueue)
                .duplicateWindow(window)
                .build());
        LOG.info(
                "Created journal stream '{}' for subject '{}' (work-queue retention, duplicate window {})",
                stream,
                captured,
                window);
    }

    private static void widen(JetStreamManagement jsm, StreamConfiguration current, String subject, Duration window)
            throws IOException, JetStreamApiException {
        boolean captured = current.getSubjects().stream().anyMatch(filter -> Subjects.matches(filter, subject));
        Duration wanted = cappedByMaxAge(current, window);
        boolean tooShort = current.getDuplicateWindow().compareTo(wanted) < 0;
        if (current.getDuplicateWindow().compareTo(window) > 0) {
            LOG.info(
                    "Journal stream '{}' remembers message ids for {}, longer than dedupe-window {}; the stream's"
                            + " window applies",
                    current.getName(),
                    current.getDuplicateWindow(),
                    window);
        }
        if (captured && !tooShort) {
            return;
        }
        List<String> subjects = new ArrayList<>(current.getSubjects());
        if (!captured) {
            subjects.add(subject);
        }
        StreamConfiguration.Builder updated =
                StreamConfiguration.builder(current).subjects(subjects);
        if (tooShort) {
            updated.duplicateWindow(wanted);
        }
        jsm.updateStream(updated.build());
        LOG.info(
                "Updated journal stream '{}': subjects {}, duplicate window {}",
                current.getName(),
                subjects,
                tooShort ? wanted : current.getDuplicateWindow());
    }

    private static Duration cappedByMaxAge(StreamConfiguration current, Duration window) {
        Duration maxAge = current.getMaxAge();
        if (maxAge == null || maxAge.isZero() || maxAge.compareTo(window) >= 0) {
            return window;
        }
        // JetStream refuses a duplicate window longer than the stream keeps its messages.
        LOG.warn(
                "Journal stream '{}' keeps messages for {}, less than dedupe-window {}; duplicates are detected"
                        + " for {} only",
                current.getName(),
                maxAge,
                window,
                maxAge);
        return maxAge;
    }
}
