package io.sluice.connector.email.impl;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.StorageType;
import io.sluice.connector.email.EmailSettings;
import io.sluice.connector.email.SendLedger;
import io.sluice.pipeline.SinkException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedupe record in a JetStream key-value bucket, so it holds across replicas and restarts. A
 * record is {@code {"state": "sending"|"sent"|"failed", "at": <epoch ms>}}; claims use the bucket's
 * compare-and-set ({@code create}, {@code update} at a revision), so two replicas never both claim a
 * key. jnats blocks, so every call runs on a worker thread, unordered: sends of different events
 * must not queue behind each other.
 */
final class KvSendLedger implements SendLedger {

    private static final Logger LOG = LoggerFactory.getLogger(KvSendLedger.class);
    private static final int STREAM_NOT_FOUND = 10059;
    private static final int WRONG_LAST_SEQUENCE = 10071;

    private final Vertx vertx;
    private final KeyValue kv;
    private final String bucket;
    private final Duration claimTimeout;

    private KvSendLedger(Vertx vertx, KeyValue kv, String bucket, Duration claimTimeout) {
        this.vertx = vertx;
        this.kv = kv;
        this.bucket = bucket;
        this.claimTimeout = claimTimeout;
    }

    /** Opens the bucket, creating it when absent. */
    static Future<SendLedger> open(Vertx vertx, Connection connection, EmailSettings.Dedupe dedupe) {
        return vertx.executeBlocking(() -> {
                    ensureBucket(connection.keyValueManagement(), dedupe);
                    return connection.keyValue(dedupe.bucket());
                })
                .map(kv -> new KvSendLedger(vertx, kv, dedupe.bucket(), dedupe.claimTimeout()));
    }

    private static void ensureBucket(KeyValueManagement kvm, EmailSettings.Dedupe dedupe)
            throws IOException, JetStreamApiException {
        try {
            KeyValueStatus status = kvm.getStatus(dedupe.bucket());
            if (!dedupe.ttl().equals(status.getTtl())) {
                LOG.warn(
                        "Dedupe bucket '{}' keeps records for {}, not the configured {}; it is left as it is",
                        dedupe.bucket(),
                        status.getTtl(),
                        dedupe.ttl());
            }
            return;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
        }
        kvm.create(KeyValueConfiguration.builder()
                .name(dedupe.bucket())
                .ttl(dedupe.ttl())
                .storageType(StorageType.File)
                .replicas(dedupe.replicas())
                .build());
        LOG.info("Created dedupe bucket '{}' (records kept {})", dedupe.bucket(), dedupe.ttl());
    }

    @Override
    public Future<Boolean> claim(String key) {
        return blocking(() -> claimNow(key));
    }

    @Override
    public Future<Void> markSent(String key) {
        return blocking(() -> {
            kv.put(key, record("sent"));
            return null;
        });
    }

    @Override
    public Future<Void> release(String key) {
        return blocking(() -> {
            kv.put(key, record("failed"));
            return null;
        });
    }

    private boolean claimNow(String key) throws IOException, JetStreamApiException {
        // Most keys are new: try to create the record first, and read it only when it exists.
        // This saves a round trip per message on the common path.
        try {
            kv.create(key, record("sending"));
            return true;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != WRONG_LAST_SEQUENCE) {
                throw e;
            }
        }
        KeyValueEntry entry = kv.get(key);
        if (entry == null) {
            // Deleted or expired between our create and our read: someone else is at it.
            throw busy(key, Duration.ofSeconds(1));
        }
        JsonObject current = new JsonObject(entry.getValueAsString());
        String state = current.getString("state", "failed");
        if (state.equals("sent")) {
            return false;
        }
        long age = System.currentTimeMillis() - current.getLong("at", 0L);
        if (state.equals("sending") && age < claimTimeout.toMillis()) {
            // Another attempt is sending right now (a replica, or our own attempt the core timed out
            // and still running): wait for it to say sent or failed, or for its claim to lapse.
            throw busy(key, Duration.ofMillis(claimTimeout.toMillis() - age));
        }
        return compareAndSet(key, () -> kv.update(key, record("sending"), entry.getRevision()));
    }

    private boolean compareAndSet(String key, Write write) throws IOException, JetStreamApiException {
        try {
            write.run();
            return true;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
                // Someone wrote the key between our read and our write: they hold the claim now.
                throw busy(key, Duration.ofSeconds(1));
            }
            throw e;
        }
    }

    /** A conditional write to the bucket. */
    @FunctionalInterface
    private interface Write {
        long run() throws IOException, JetStreamApiException;
    }

    private SinkException busy(String key, Duration retryAfter) {
        return SinkException.transientFailure(
                "message '" + key + "' is being sent by another attempt (dedupe bucket '" + bucket + "')",
                retryAfter,
                null);
    }

    private static byte[] record(String state) {
        return new JsonObject()
                .put("state", state)
                .put("at", System.currentTimeMillis())
                .toBuffer()
                .getBytes();
    }

    private <T> Future<T> blocking(Callable<T> call) {
        return vertx.executeBlocking(call, false)
                .recover(e -> Future.failedFuture(
                        e instanceof SinkException
                                ? e
                                : SinkException.transientFailure(
                                        "dedupe bucket '" + bucket + "' is unavailable: " + e, null, e)));
    }
}
