package io.sluice.connector.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates JetStream streams when absent; blocking, call from a worker thread. */
public final class Streams {

    private static final Logger LOG = LoggerFactory.getLogger(Streams.class);
    private static final int STREAM_NOT_FOUND = 10059;

    private Streams() {}

    /**
     * Returns the stream's info, creating it with file storage when absent.
     *
     * @param retention work-queue for queues consumed once, limits for logs kept for replay
     * @param maxAge how long messages are kept; zero keeps them until consumed or deleted
     */
    public static StreamInfo ensure(
            JetStreamManagement jsm,
            String stream,
            List<String> subjects,
            RetentionPolicy retention,
            Duration maxAge,
            int replicas)
            throws IOException, JetStreamApiException {
        try {
            return jsm.getStreamInfo(stream);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
        }
        StreamConfiguration.Builder config = StreamConfiguration.builder()
                .name(stream)
                .subjects(subjects)
                .storageType(StorageType.File)
                .retentionPolicy(retention)
                .replicas(replicas);
        if (!maxAge.isZero()) {
            config.maxAge(maxAge);
        }
        StreamInfo info = jsm.addStream(config.build());
        LOG.info("Created JetStream stream '{}' for subjects {} ({} retention)", stream, subjects, retention);
        return info;
    }
}
