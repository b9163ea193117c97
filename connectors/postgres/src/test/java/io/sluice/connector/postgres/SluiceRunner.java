package io.sluice.connector.postgres;

import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;

/**
 * One Sluice instance on its own Vert.x, started from YAML with a memory dead-letter store, as a
 * separate process would be.
 */
final class SluiceRunner implements AutoCloseable {

    private final Vertx vertx;
    private Sluice sluice;

    private SluiceRunner(Vertx vertx, Sluice sluice) {
        this.vertx = vertx;
        this.sluice = sluice;
    }

    /** Starts Sluice with the sources, sinks and routes in {@code yaml}; fails with the start failure. */
    static SluiceRunner start(String name, String yaml) {
        Vertx vertx = Vertx.vertx();
        String config = "http: {port: 0, host: 127.0.0.1}\n"
                + "admin: {port: 0, host: 127.0.0.1}\n"
                + "dead-letter: {type: memory, name: " + name + "}\n"
                + "shutdown-grace: 0s\n"
                + yaml;
        Future<Sluice> started = Sluice.start(
                vertx, new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).parse(name + ".yaml", config));
        try {
            return new SluiceRunner(vertx, Await.result(started));
        } catch (RuntimeException e) {
            Await.result(vertx.close());
            throw e;
        }
    }

    Sluice sluice() {
        return sluice;
    }

    /**
     * Stops at once: no grace for events in flight, which stay unsettled and unconfirmed, as after
     * a crash of the process.
     */
    void kill() {
        if (sluice != null) {
            Sluice stopping = sluice;
            sluice = null;
            Await.result(stopping.stop().eventually(vertx::close));
        }
    }

    @Override
    public void close() {
        kill();
    }
}
