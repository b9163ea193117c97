package io.sluice.connector.supabase;

import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.metrics.MetricNames;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Starts a whole Sluice from YAML with one {@code supabase-realtime} source named {@link #source}
 * feeding a {@code scripted} sink named {@link #sink}, a memory dead-letter store named {@link
 * #letters}, and an {@code anon-key} secret; every name is unique to the test.
 */
final class RealtimeSluice {

    final String source;
    final String sink;
    final String letters;
    private final Vertx vertx;
    private final Path secrets;
    private Sluice sluice;

    RealtimeSluice(Vertx vertx, Path secrets) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.vertx = vertx;
        this.secrets = secrets;
        this.source = "rt-" + suffix;
        this.sink = "out-" + suffix;
        this.letters = "letters-" + suffix;
        write(secrets.resolve("anon-key"), "anon-key-value");
    }

    /** Starts with the source's options (YAML flow-mapping members) and the route's extra members. */
    Sluice start(String sourceOptions, String routeOptions) {
        String yaml = "http: {port: 0, host: 127.0.0.1}\n"
                + "admin: {port: 0, host: 127.0.0.1}\n"
                + "shutdown-grace: 200ms\n"
                + "dead-letter: {type: memory, name: " + letters + "}\n"
                + "sources: [{name: " + source + ", type: supabase-realtime, apikey: '${secret:anon-key}', "
                + sourceOptions + "}]\n"
                + "sinks: [{name: " + sink + ", type: scripted}]\n"
                + "routes: [{name: r-" + source + ", from: " + source + ", to: " + sink + routeOptions + "}]\n";
        ConfigLoader loader = new ConfigLoader(new Substitutions(Map.of(), secrets));
        sluice = Await.result(Sluice.start(vertx, loader.parse(source + ".yaml", yaml)));
        return sluice;
    }

    Sluice start(String sourceOptions) {
        return start(sourceOptions, "");
    }

    void stop() {
        if (sluice != null) {
            Await.result(sluice.stop());
        }
    }

    /** A counter of this source, by family and extra label pairs; 0 when never incremented. */
    long count(String family, String... labels) {
        String[] all = new String[labels.length + 2];
        all[0] = "source";
        all[1] = source;
        System.arraycopy(labels, 0, all, 2, labels.length);
        var counter = sluice.metrics().getCounters().get(MetricNames.name(family, all));
        return counter == null ? 0 : counter.getCount();
    }

    static void write(Path file, String text) {
        try {
            // Write then move, as a secret mount or a sidecar replaces the file, so no reader sees half a token.
            Path temporary =
                    Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), text, StandardCharsets.UTF_8);
            Files.move(
                    temporary,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
