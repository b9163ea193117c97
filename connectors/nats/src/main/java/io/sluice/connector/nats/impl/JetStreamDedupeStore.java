package io.sluice.connector.nats.impl;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.StorageType;
import io.sluice.config.ComponentConfig;
import io.sluice.connector.nats.NatsConnection;
import io.sluice.dedupe.DedupeStore;
import io.sluice.pipeline.ComponentContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedupe window in a JetStream key-value bucket whose max age is the window, shared by every
 * replica and surviving restarts. A key is first seen when the bucket's {@code create} succeeds:
 * JetStream writes it only while the key holds no value and answers "wrong last sequence"
 * otherwise, so of any number of replicas asking at once exactly one is told the key is new. The
 * value is the id of the event that claimed the key, for operators reading the bucket.
 *
 * <p>jnats blocks, so every call runs on a worker thread, unordered: one slow call must not hold
 * up the route's other events. Futures complete on the route's context.
 */
final class JetStreamDedupeStore implements DedupeStore {

    private static final Logger LOG = LoggerFactory.getLogger(JetStreamDedupeStore.class);
    private static final int STREAM_NOT_FOUND = 10059;
    private static final int WRONG_LAST_SEQUENCE = 10071;

    private final ComponentConfig config;
    private final ComponentContext context;
    private final String bucket;
    private final Duration window;
    private final int replicas;
    private Vertx vertx;
    private NatsConnection nats;
    private KeyValue kv;

    JetStreamDedupeStore(
            ComponentConfig config, ComponentContext context, String bucket, Duration window, int replicas) {
        this.config = config;
        this.context = context;
        this.bucket = bucket;
        this.window = window;
        this.replicas = replicas;
    }

    @Override
    public Future<Void> start(Vertx vertx) {
        this.vertx = vertx;
        return NatsConnection.shared(context)
                .compose(this::open)
                .onSuccess(opened -> kv = opened)
                .mapEmpty();
    }

    private Future<KeyValue> open(NatsConnection connection) {
        nats = connection;
        return vertx.executeBlocking(() -> {
            ensureBucket();
            return connection.connection().keyValue(bucket);
        });
    }

    @Override
    public Future<Boolean> firstSeen(String key, String eventId) {
        if (!nats.connected()) {
            // jnats would queue the write until it reconnects and send it then: the key would be
            // recorded for an event failed here, and the event's redelivery dropped as a duplicate.
            return Future.failedFuture(unavailable("NATS is disconnected", null));
        }
        String name = DedupeKeys.of(config.name(), key);
        byte[] value = eventId.getBytes(StandardCharsets.UTF_8);
        return vertx.executeBlocking(() -> create(name, value), false)
                .recover(e -> Future.failedFuture(unavailable(String.valueOf(e.getMessage()), e)));
    }

    @Override
    public Future<Void> forget(String key, String eventId) {
        String name = DedupeKeys.of(config.name(), key);
        byte[] value = eventId.getBytes(StandardCharsets.UTF_8);
        return vertx.executeBlocking(
                () -> {
                    KeyValueEntry entry = kv.get(name);
                    // Only while it still names this event: after the window another event may hold it.
                    if (entry != null && Arrays.equals(entry.getValue(), value)) {
                        kv.delete(name, entry.getRevision());
                    }
                    return null;
                },
                false);
    }

    private boolean create(String name, byte[] value) throws IOException, JetStreamApiException {
        try {
            return createOnce(name, value);
        } catch (IOException e) {
            if (!bucketMissing()) {
                throw e;
            }
            // Deleted while Sluice runs (an operator resetting dedupe): its keys are gone anyway,
            // and making it again beats failing every event until a restart.
            LOG.warn(
                    "Dedupe bucket '{}' of route '{}' is gone; creating it again (keys seen before are forgotten)",
                    bucket,
                    config.name());
            ensureBucket();
            return createOnce(name, value);
        }
    }

    private boolean createOnce(String name, byte[] value) throws IOException, JetStreamApiException {
        try {
            kv.create(name, value);
            return true;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
                return false;
            }
            throw e;
        }
    }

    /** Whether the bucket is gone: a write to a missing bucket only says "no responders". */
    private boolean bucketMissing() {
        try {
            management().getStatus(bucket);
            return false;
        } catch (JetStreamApiException e) {
            return e.getApiErrorCode() == STREAM_NOT_FOUND;
        } catch (IOException e) {
            // The write's own failure is the one to report.
            return false;
        }
    }

    private void ensureBucket() throws IOException, JetStreamApiException {
        KeyValueStatus status;
        try {
            status = management().getStatus(bucket);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            createBucket();
            return;
        }
        if (!window.equals(status.getTtl())) {
            // The max age is the window, for every route using the bucket: another one would
            // silently dedupe over the wrong span.
            throw config.problem(
                    "window",
                    "must equal the max age of the existing dedupe bucket '" + bucket + "' (" + status.getTtl()
                            + "): give this window a bucket of its own, or delete the bucket to have it"
                            + " created with this window",
                    window);
        }
    }

    private void createBucket() throws IOException, JetStreamApiException {
        management()
                .create(KeyValueConfiguration.builder()
                        .name(bucket)
                        .ttl(window)
                        .storageType(StorageType.File)
                        .replicas(replicas)
                        .build());
        LOG.info("Created dedupe bucket '{}' (keys kept {}, {} replica(s))", bucket, window, replicas);
    }

    private KeyValueManagement management() throws IOException {
        return nats.connection().keyValueManagement();
    }

    private IOException unavailable(String reason, Throwable cause) {
        return new IOException(
                "dedupe bucket '" + bucket + "' of route '" + config.name() + "' could not tell whether the"
                        + " key is new, so the event was neither passed nor dropped: " + reason,
                cause);
    }

    @Override
    public String toString() {
        return "jetstream (bucket '" + bucket + "', shared by every replica)";
    }
}
