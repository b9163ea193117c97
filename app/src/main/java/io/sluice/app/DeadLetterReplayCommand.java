package io.sluice.app;

import io.sluice.config.ComponentConfig;
import io.sluice.config.SluiceConfig;
import io.sluice.deadletter.DeadLetterStore.StoredLetter;
import io.sluice.pipeline.Outcome;
import io.sluice.runtime.Sluice;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice dlq replay}: sends selected letters again through the sink (or route) they failed
 * at, with the sinks and routes of the configuration but none of its sources, and deletes each
 * letter once its event settled — delivered, or dead-lettered again as a new letter.
 */
@Command(
        name = "replay",
        description = "Replay dead letters to the sink or route they failed at.",
        mixinStandardHelpOptions = true)
final class DeadLetterReplayCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Mixin
    LetterFilter filter;

    @Option(names = "--dry-run", description = "Show what would be replayed; send nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Vertx vertx = Vertx.vertx();
        Sluice sluice = null;
        try {
            SluiceConfig loaded = withoutSources(config.load());
            sluice = Sluice.start(vertx, loaded).await(2, TimeUnit.MINUTES);
            List<StoredLetter> selected = sluice.deadLetters().list(filter.limit).await(5, TimeUnit.MINUTES).stream()
                    .filter(filter)
                    .toList();
            int delivered = 0;
            int again = 0;
            int failed = 0;
            for (int i = 0; i < selected.size(); i++) {
                StoredLetter stored = selected.get(i);
                if (dryRun) {
                    out.printf(
                            "would replay %s (event %s to sink %s, route %s): %s%n",
                            stored.id(),
                            stored.letter().event().id(),
                            stored.letter().sink(),
                            stored.letter().route(),
                            stored.letter().cause());
                    continue;
                }
                try {
                    Outcome outcome = sluice.replay(stored.letter()).await(5, TimeUnit.MINUTES);
                    sluice.deadLetters().delete(stored.id()).await(1, TimeUnit.MINUTES);
                    if (outcome == Outcome.DEAD_LETTERED) {
                        again++;
                    } else {
                        delivered++;
                    }
                } catch (Exception e) {
                    failed++;
                    out.printf("letter %s not replayed: %s%n", stored.id(), e.getMessage());
                }
                if ((i + 1) % 100 == 0) {
                    out.printf("replayed %d/%d%n", i + 1, selected.size());
                }
            }
            out.printf(
                    "%s %d letter(s): %d delivered, %d dead-lettered again, %d not replayed%n",
                    dryRun ? "would replay" : "replayed", selected.size(), delivered, again, failed);
            return failed == 0 ? 0 : 1;
        } finally {
            if (sluice != null) {
                sluice.stop().await(1, TimeUnit.MINUTES);
            }
            vertx.close();
        }
    }

    /** The configuration's sinks, routes and store, on ephemeral ports, with no source consuming. */
    private static SluiceConfig withoutSources(SluiceConfig config) {
        ComponentConfig loopback = new ComponentConfig(
                "http", "http", new JsonObject().put("port", 0).put("host", "127.0.0.1"), "/http", config.origin());
        return new SluiceConfig(
                config.root(),
                loopback,
                loopback,
                config.deadLetter(),
                List.of(),
                config.routes(),
                config.sinks(),
                config.origin());
    }
}
