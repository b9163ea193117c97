package io.sluice.connector.email;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.TestServices;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Starts a Sluice from YAML against the test NATS, with an in-memory dead-letter store. */
final class TestSluice {

    private TestSluice() {}

    /** Starts the pipeline; its dead letters are in {@code MemoryDeadLetterStoreFactory.store(name)}. */
    static Sluice start(Vertx vertx, String name, String yaml) {
        String config = "http: {port: 0, host: 127.0.0.1}\n"
                + "admin: {port: 0, host: 127.0.0.1}\n"
                + "nats: {url: '" + TestServices.natsUrl() + "'}\n"
                + "dead-letter: {type: memory, name: " + name + "}\n"
                + yaml;
        return Await.result(Sluice.start(
                vertx, new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).parse(name + ".yaml", config)));
    }

    /** A plain connection for setting up and inspecting streams and buckets. */
    static Connection nats() throws IOException, InterruptedException {
        return Nats.connect(TestServices.natsUrl());
    }

    /** Deletes a key-value bucket a test created. */
    static void deleteBucket(String bucket) throws IOException, InterruptedException, JetStreamApiException {
        try (Connection connection = nats()) {
            if (connection.keyValueManagement().getBucketNames().contains(bucket)) {
                connection.keyValueManagement().delete(bucket);
            }
        }
    }
}
