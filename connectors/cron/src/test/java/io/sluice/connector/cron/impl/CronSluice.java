package io.sluice.connector.cron.impl;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.api.StreamInfo;
import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.TestServices;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Starts whole Sluices from YAML against the real NATS for the integration tests, each test on its
 * own names: {@link #id} gives the unique suffix, the stream is deleted after the test.
 */
final class CronSluice {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    /** A name unique to this test: {@code <prefix>-<suffix>}. */
    String id(String prefix) {
        return prefix + "-" + suffix;
    }

    /** Starts a Sluice on the Vert.x with test listeners, the test's NATS and a memory dead-letter store. */
    Sluice start(Vertx vertx, String yaml) {
        String config = "http: {port: 0, host: 127.0.0.1}\n"
                + "admin: {port: 0, host: 127.0.0.1}\n"
                + "nats: {url: \"" + TestServices.natsUrl() + "\"}\n"
                + "shutdown-grace: 200ms\n"
                + "dead-letter: {type: memory, name: " + id("letters") + "}\n"
                + yaml;
        ConfigLoader loader = new ConfigLoader(new Substitutions(Map.of(), Path.of("/none")));
        return Await.result(Sluice.start(vertx, loader.parse(id("sluice") + ".yaml", config)));
    }

    /** The stream's current state. */
    static StreamInfo stream(String stream) throws IOException, InterruptedException, JetStreamApiException {
        try (Connection nats = Nats.connect(TestServices.natsUrl())) {
            return nats.jetStreamManagement().getStreamInfo(stream);
        }
    }

    /** Deletes a stream the test created; absent is fine. */
    static void deleteStream(String stream) throws IOException, InterruptedException {
        try (Connection nats = Nats.connect(TestServices.natsUrl())) {
            nats.jetStreamManagement().deleteStream(stream);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != 10059) {
                throw new IllegalStateException("cannot delete stream '" + stream + "'", e);
            }
        }
    }
}
