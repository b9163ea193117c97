package io.sluice.app;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigProblem;
import io.sluice.runtime.Sluice;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sluice run}: starts the pipeline and serves until SIGTERM or SIGINT, then stops taking
 * work, lets in-flight events settle for {@code shutdown-grace}, and exits.
 */
@Command(name = "run", description = "Run the pipeline until stopped (SIGTERM / Ctrl-C).")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Vertx vertx = Vertx.vertx();
        Sluice sluice;
        try {
            sluice = Sluice.start(vertx, config.load()).await(2, TimeUnit.MINUTES);
        } catch (ConfigException e) {
            err.printf("%s: %d problem(s)%n", config.file, e.problems().size());
            e.problems().stream().map(ConfigProblem::toString).forEach(p -> err.println("  " + p));
            vertx.close();
            return 1;
        } catch (Exception e) {
            LOG.error("Sluice could not start: {}", e.getMessage(), e);
            vertx.close();
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("Stopping on signal");
                            try {
                                sluice.stop().compose(v -> vertx.close()).await(1, TimeUnit.MINUTES);
                            } catch (Exception e) {
                                LOG.warn("Stopping did not finish cleanly: {}", e.toString());
                            }
                            stopped.countDown();
                        },
                        "sluice-shutdown"));
        stopped.await();
        return 0;
    }
}
