package io.sluice.connector.cron.impl;

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
 * Makes sure the tick journal exists, captures the source's subject and remembers message ids for
 * at least the dedupe window; blocking, call from a worker thread.
 *
 * <p>A new stream is file-backed with work-queue retention: a tick stays until its event settled.
 * An existing stream is only ever widened, since other cron sources share it: the subject added
 * when not captured, the {@code duplicate_window} raised, never lowered. Replicas starting at once
 * may race to create it; the loser widens the winner's.
 */
final class TickStream {

    private static final Logger LOG = LoggerFactory.getLogger(TickStream.class);
    private static final int STREAM_NOT_FOUND = 10059;
    private static final int NAME_IN_USE = 10058;

    private TickStream() {}

    /**
     * @param subject the subject ticks are published to, without wildcards
     * @param captured what a new stream captures: the subject, or a wildcard over it
     * @return the window the stream applies, which may be longer than asked
     */
    static Duration ensure(JetStreamManagement jsm, String stream, String subject, String captured, Duration window)
            throws IOException, JetStreamApiException {
        StreamInfo info = find(jsm, stream);
        if (info == null) {
            try {
                jsm.addStream(StreamConfiguration.builder()
                        .name(stream)
                        .subjects(captured)
                        .storageType(StorageType.File)
                        .retentionPolicy(RetentionPolicy.WorkQueue)
                        .duplicateWindow(window)
                        .build());
                LOG.info("Created tick journal '{}' for '{}' (duplicate window {})", stream, captured, window);
                return window;
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != NAME_IN_USE) {
                    throw e;
                }
                info = jsm.getStreamInfo(stream);
            }
        }
        return widen(jsm, info.getConfiguration(), subject, window);
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

    private static Duration widen(JetStreamManagement jsm, StreamConfiguration current, String subject, Duration window)
            throws IOException, JetStreamApiException {
        boolean captured = current.getSubjects().stream().anyMatch(filter -> matches(filter, subject));
        Duration wanted = cappedByMaxAge(current, window);
        boolean tooShort = current.getDuplicateWindow().compareTo(wanted) < 0;
        if (captured && !tooShort) {
            return current.getDuplicateWindow();
        }
        List<String> subjects = new ArrayList<>(current.getSubjects());
        if (!captured) {
            subjects.add(subject);
        }
        Duration applied = tooShort ? wanted : current.getDuplicateWindow();
        jsm.updateStream(StreamConfiguration.builder(current)
                .subjects(subjects)
                .duplicateWindow(applied)
                .build());
        LOG.info("Updated tick journal '{}': subjects {}, duplicate window {}", current.getName(), subjects, applied);
        return applied;
    }

    private static Duration cappedByMaxAge(StreamConfiguration current, Duration window) {
        Duration maxAge = current.getMaxAge();
        if (maxAge == null || maxAge.isZero() || maxAge.compareTo(window) >= 0) {
            return window;
        }
        // JetStream refuses a duplicate window longer than the stream keeps its messages.
        LOG.warn(
                "Tick journal '{}' keeps messages for {}, less than the duplicate window {} the schedule wants;"
                        + " replicas whose clocks differ by more may fire a tick twice",
                current.getName(),
                maxAge,
                window);
        return maxAge;
    }

    /** Whether the stream's subject filter captures a subject without wildcards. */
    static boolean matches(String filter, String subject) {
        String[] wanted = filter.split("\\.");
        String[] given = subject.split("\\.");
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i].equals(">")) {
                return i == wanted.length - 1 && given.length > i;
            }
            if (i >= given.length || !(wanted[i].equals("*") || wanted[i].equals(given[i]))) {
                return false;
            }
        }
        return wanted.length == given.length;
    }
}
