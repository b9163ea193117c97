package io.sluice.app;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigProblem;
import io.sluice.processors.testing.PipelineTestRunner;
import io.sluice.processors.testing.TestReport;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice test}: runs the test cases written beside a configuration (input events, expected
 * outputs per sink) through its routes and processors, with no broker: sources become test inputs,
 * sinks capture what they receive.
 */
@Command(
        name = "test",
        description = "Run a configuration's pipeline tests (FILE.test.yaml) without any broker.",
        mixinStandardHelpOptions = true)
final class TestCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(
            names = {"-t", "--tests"},
            paramLabel = "FILE",
            description = "The test cases; default: the config's name with .test.yaml.")
    Path tests;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = tests != null ? tests : PipelineTestRunner.testFileFor(config.file);
        Vertx vertx = Vertx.vertx();
        try {
            TestReport report =
                    new PipelineTestRunner(vertx).run(config.load(), file).await(10, TimeUnit.MINUTES);
            out.print(report.render());
            out.flush();
            return report.passed() ? 0 : 1;
        } catch (ConfigException e) {
            err.printf("%d problem(s)%n", e.problems().size());
            e.problems().stream().map(ConfigProblem::toString).forEach(p -> err.println("  " + p));
            return 2;
        } finally {
            vertx.close();
        }
    }
}
