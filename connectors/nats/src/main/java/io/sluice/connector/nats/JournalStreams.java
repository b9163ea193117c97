package io.sluice.connector.nats;

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

/**
 * Journal streams: JetStream streams a source publishes into under message ids, so that the stream's
 * {@code duplicate_window} drops a second copy; blocking, call from a worker thread.
 *
 * <p>A new stream is file-backed with work-queue retention: a message stays until its event settled.
 * An existing stream is only ever widened, since other sources may share it: the subject added when
 * not captured, the {@code duplicate_window} raised, never lowered. Replicas starting at once may
 * race to create it; the loser widens the winner's. Logs nothing: callers log the {@link Outcome} in
 * their own words.
 */
public final class JournalStreams {

    private static final int STREAM_NOT_FOUND = 10059;
    private static final int NAME_IN_USE = 10058;

    /** What {@link #ensure} did to the stream. */
    public enum Change {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /**
     * The stream after {@link #ensure}.
     *
     * @param subjects the subjects the stream captures
     * @param duplicateWindow the window the stream applies, which may be longer than asked
     * @param maxAge the stream's max age when it is shorter than the window asked and so caps the
     *     window (JetStream refuses a longer one), otherwise {@code null}
     */
    public record Outcome(
            String stream, Change change, List<String> subjects, Duration duplicateWindow, Duration maxAge) {}

    private JournalStreams() {}

    /**
     * Makes sure the stream exists, captures the subject and remembers message ids for at least the
     * window (or its max age, when shorter).
     *
     * @param subject the subject the source publishes to
     * @param captured what a new stream captures: the subject, or a wildcard over it
     */
    public static Outcome ensure(
            JetStreamManagement jsm, String stream, String subject, String captured, Duration window)
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
                return new Outcome(stream, Change.CREATED, List.of(captured), window, null);
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != NAME_IN_USE) {
                    throw e;
                }
                // Another replica created it first, maybe for another subject: widen theirs.
                info = jsm.getStreamInfo(stream);
            }
        }
        return widen(jsm, info.getConfiguration(), subject, window);
    }

    /**
     * Whether every subject the {@code subject} filter matches is also matched by {@code filter}:
     * {@code *} stands for one token, a final {@code >} for one or more.
     */
    public static boolean captures(String filter, String subject) {
        String[] wanted = filter.split("\\.");
        String[] given = subject.split("\\.");
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i].equals(">")) {
                return i == wanted.length - 1 && given.length > i;
            }
            if (i >= given.length) {
                return false;
            }
            boolean token = wanted[i].equals("*") ? !given[i].equals(">") : wanted[i].equals(given[i]);
            if (!token) {
                return false;
            }
        }
        return wanted.length == given.length;
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

    private static Outcome widen(JetStreamManagement jsm, StreamConfiguration current, String subject, Duration window)
            throws IOException, JetStreamApiException {
        boolean captured = current.getSubjects().stream().anyMatch(filter -> captures(filter, subject));
        Duration maxAge = current.getMaxAge();
        boolean capped = maxAge != null && !maxAge.isZero() && maxAge.compareTo(window) < 0;
        Duration wanted = capped ? maxAge : window;
        boolean tooShort = current.getDuplicateWindow().compareTo(wanted) < 0;
        Duration applied = tooShort ? wanted : current.getDuplicateWindow();
        if (captured && !tooShort) {
            return new Outcome(
                    current.getName(), Change.UNCHANGED, current.getSubjects(), applied, capped ? maxAge : null);
        }
        List<String> subjects = new ArrayList<>(current.getSubjects());
        if (!captured) {
            subjects.add(subject);
        }
        jsm.updateStream(StreamConfiguration.builder(current)
                .subjects(subjects)
                .duplicateWindow(applied)
                .build());
        return new Outcome(current.getName(), Change.UPDATED, subjects, applied, capped ? maxAge : null);
    }
}
