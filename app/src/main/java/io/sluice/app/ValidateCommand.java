package io.sluice.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.sluice.config.ConfigException;
import io.sluice.config.ConfigProblem;
import io.sluice.config.SluiceConfig;
import io.sluice.runtime.Sluice;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sluice validate}: exit 0 when the config is valid, 1 with every problem listed. */
@Command(
        name = "validate",
        description = "Check a configuration without connecting to anything: schema, types, options, conditions.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        quietInfoLogs();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Vertx vertx = Vertx.vertx();
        try {
            SluiceConfig loaded = config.load();
            Sluice.check(vertx, loaded);
            out.printf(
                    "%s: valid (%d source(s), %d route(s), %d sink(s))%n",
                    config.file,
                    loaded.sources().size(),
                    loaded.routes().size(),
                    loaded.sinks().size());
            return 0;
        } catch (ConfigException e) {
            List<ConfigProblem> problems = new ArrayList<>(e.problems());
            if (e.readable() != null) {
                // The schema's problems; the components they leave alone are checked too.
                try {
                    Sluice.check(vertx, e.readable(), e.problems());
                } catch (ConfigException more) {
                    problems.addAll(more.problems());
                    problems.sort(Comparator.comparingInt(ConfigProblem::line));
                }
            }
            err.printf("%s: %d problem(s)%n", config.file, problems.size());
            for (ConfigProblem problem : problems) {
                err.println("  " + problem);
            }
            return 1;
        } finally {
            vertx.close();
        }
    }

    /**
     * Building components to check them logs what each was configured with, which in a check's
     * output only buries the verdict; {@code SLUICE_LOG_LEVEL} still chooses.
     */
    private static void quietInfoLogs() {
        if (System.getenv("SLUICE_LOG_LEVEL") == null
                && LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
