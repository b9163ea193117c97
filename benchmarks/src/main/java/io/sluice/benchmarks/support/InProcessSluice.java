package io.sluice.benchmarks.support;

import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.runtime.Sluice;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;

/** Starts a whole Sluice inside the harness from YAML, as {@code sluice run} would. */
public final class InProcessSluice {

    private InProcessSluice() {}

    /**
     * Parses the YAML (no {@code ${ENV}} values are set) and starts every component.
     *
     * @param name names the configuration in error messages
     */
    public static Sluice start(Vertx vertx, String name, String yaml) {
        ConfigLoader loader = new ConfigLoader(new Substitutions(Map.of(), Path.of("/none")));
        return Waits.await(Sluice.start(vertx, loader.parse(name + ".yaml", yaml)), "Sluice '" + name + "' to start");
    }

    /** The common head of a benchmark configuration: listeners on 127.0.0.1, NATS, a dead-letter stream. */
    public static String head(String natsUrl, String deadLetterStream) {
        return String.join(
                "\n",
                "http: {port: 0, host: 127.0.0.1}",
                "admin: {port: 0, host: 127.0.0.1}",
                "nats: {url: '" + natsUrl + "'}",
                "shutdown-grace: 0s",
                "dead-letter: {type: jetstream, stream: " + deadLetterStream + ", subject: " + deadLetterStream + "}",
                "");
    }
}
