package io.sluice.connector.nats.impl;

import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamInfo;
import io.sluice.connector.nats.NatsConnection;
import io.sluice.deadletter.DeadLetter;
import io.sluice.deadletter.DeadLetterStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Dead letters kept in a JetStream stream with limits retention: one message per letter on
 * {@code <subject>.<source>}, its body the letter as JSON. Replay reads them by sequence and
 * deletes what it delivered.
 */
final class JetStreamDeadLetterStore implements DeadLetterStore {

    private static final int NO_MESSAGE = 10037;

    private final Vertx vertx;
    private final NatsConnection nats;
    private final JetStream jetStream;
    private final String stream;
    private final String subject;

    JetStreamDeadLetterStore(Vertx vertx, NatsConnection nats, JetStream jetStream, String stream, String subject) {
        this.vertx = vertx;
        this.nats = nats;
        this.jetStream = jetStream;
        this.stream = stream;
        this.subject = subject;
    }

    @Override
    public Future<Void> put(DeadLetter letter) {
        byte[] body = letter.toJson().toBuffer().getBytes();
        String to = subject + "." + token(letter.origin());
        // publishAsync returns once the server has the letter on disk (the PubAck): only then may
        // the source acknowledge the original message.
        return Future.fromCompletionStage(jetStream.publishAsync(to, body), vertx.getOrCreateContext())
                .mapEmpty();
    }

    @Override
    public Future<List<StoredLetter>> list(int limit) {
        return vertx.executeBlocking(() -> {
            JetStreamManagement jsm = nats.management();
            StreamInfo info = jsm.getStreamInfo(stream);
            List<StoredLetter> letters = new ArrayList<>();
            if (info.getStreamState().getMsgCount() == 0) {
                return letters;
            }
            long last = info.getStreamState().getLastSequence();
            long first = Math.max(1, info.getStreamState().getFirstSequence());
            for (long seq = first; seq <= last && letters.size() < limit; seq++) {
                MessageInfo message;
                try {
                    message = jsm.getMessage(stream, seq);
                } catch (JetStreamApiException e) {
                    if (e.getApiErrorCode() == NO_MESSAGE) {
                        continue;
                    }
                    throw e;
                }
                JsonObject json =
                        new JsonObject(new String(message.getData(), java.nio.charset.StandardCharsets.UTF_8));
                letters.add(new StoredLetter(Long.toString(seq), DeadLetter.fromJson(json)));
            }
            return letters;
        });
    }

    @Override
    public Future<Void> delete(String id) {
        return vertx.executeBlocking(() -> {
            nats.management().deleteMessage(stream, Long.parseLong(id));
            return null;
        });
    }

    /** A NATS subject token: no dots, spaces or wildcards. */
    private static String token(String name) {
        return name == null || name.isEmpty() ? "unknown" : name.replaceAll("[.*> \\t]", "_");
    }
}
