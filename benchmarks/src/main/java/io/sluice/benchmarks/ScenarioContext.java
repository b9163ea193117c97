package io.sluice.benchmarks;

import java.nio.file.Path;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a running scenario may use: the run's options, fresh names, and the progress log. */
public final class ScenarioContext {

    private static final Logger LOG = LoggerFactory.getLogger("io.sluice.benchmarks.progress");

    private final HarnessOptions options;
    private final String scenario;

    public ScenarioContext(HarnessOptions options, String scenario) {
        this.options = options;
        this.scenario = scenario;
    }

    /** Whether this is a smoke run: seconds per scenario, proving the harness rather than the speed. */
    public boolean smoke() {
        return options.smoke();
    }

    /** Picks the smoke or the full value of a bound. */
    public <T> T pick(T smoke, T full) {
        return options.smoke() ? smoke : full;
    }

    /**
     * A count: the system property {@code bench.<scenario>.<key>} when set (to size a run by hand,
     * e.g. {@code -Dbench.queue.count=20000}), else the smoke or the full value.
     */
    public int count(String key, int smoke, int full) {
        return Integer.getInteger("bench." + scenario + "." + key, pick(smoke, full));
    }

    public String natsUrl() {
        return options.natsUrl();
    }

    public Path appJar() {
        return options.appJar();
    }

    /** Where this run's report and charts go. */
    public Path reportDir() {
        return options.reportDir();
    }

    /** A name no earlier run used, for streams, subjects and durables: {@code bench-<scenario>-<tag>-<random>}. */
    public String unique(String tag) {
        return "bench-" + scenario + "-" + tag + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Logs one progress line, prefixed with the scenario's name. */
    public void progress(String format, Object... args) {
        if (LOG.isInfoEnabled()) {
            LOG.info(scenario + ": " + format, args);
        }
    }
}
