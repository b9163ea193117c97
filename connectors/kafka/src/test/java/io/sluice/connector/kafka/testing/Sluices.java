package io.sluice.connector.kafka.testing;

import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;

/** Starts a whole Sluice from YAML, with ephemeral ports and a memory dead-letter store of that name. */
public final class Sluices {

    private Sluices() {}

    /** Starts a Sluice; its dead letters are {@code MemoryDeadLetterStoreFactory.store(name)}. */
    public static Sluice start(Vertx vertx, String name, String yaml) {
        String config = "http: {port: 0, host: 127.0.0.1}\n"
                + "admin: {port: 0, host: 127.0.0.1}\n"
                + "shutdown-grace: 3s\n"
                + "dead-letter: {type: memory, name: " + name + "}\n"
                + yaml;
        return Await.result(Sluice.start(
                vertx, new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).parse(name + ".yaml", config)));
    }
}
