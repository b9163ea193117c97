package io.sluice.benchmarks.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the JMH micro-benchmarks of the hot paths with short iterations: {@code [--smoke] [--out
 * DIR] [regex]}. Prints JMH's usual output and writes {@code DIR/jmh.md} (a table of scores) and
 * {@code DIR/jmh.json} (JMH's full results).
 * Route-condition evaluation runs only when a condition compiler is on the classpath; otherwise
 * envelope decoding stands in for the route's per-event work and the log says so.
 */
public final class MicroBenchmarks {

    private static final Logger LOG = LoggerFactory.getLogger("io.sluice.benchmarks.progress");

    private MicroBenchmarks() {}

    public static void main(String[] args) throws RunnerException, IOException {
        boolean smoke = false;
        Path out = Path.of("benchmarks", "reports", "jmh");
        String include = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--smoke")) {
                smoke = true;
            } else if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else {
                include = args[i];
            }
        }
        Files.createDirectories(out);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(1)
                .warmupIterations(smoke ? 1 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(smoke ? 1 : 5)
                .measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.NANOSECONDS)
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh.json").toString());
        if (include != null) {
            options.include(include);
        } else {
            options.include(QueueRequestDecodeBenchmark.class.getSimpleName())
                    .include(EventCodecBenchmark.class.getSimpleName());
            if (ConditionBenchmark.compiler().isPresent()) {
                options.include(ConditionBenchmark.class.getSimpleName());
            } else {
                LOG.info("jmh: no ConditionCompiler on the classpath (sluice-processors is not a dependency of"
                        + " sluice-app), so route conditions are not measured; EventCodecBenchmark.decodeEnvelope"
                        + " stands in for the route's per-event work");
            }
        }
        LOG.info("jmh: running{}; results in {}", smoke ? " (smoke)" : "", out.toAbsolutePath());
        Collection<RunResult> results = new Runner(options.build()).run();
        Files.writeString(out.resolve("jmh.md"), table(results, smoke));
        LOG.info("jmh: results in {}", out.resolve("jmh.md").toAbsolutePath());
    }

    private static String table(Collection<RunResult> results, boolean smoke) {
        StringBuilder md = new StringBuilder("# Sluice micro-benchmarks (JMH")
                .append(smoke ? ", smoke: 1 warm-up and 1 measured iteration" : ", 3 × 1 s warm-up, 5 × 1 s measured")
                .append(", 1 fork)\n\n| Benchmark | Parameter | Score | ± error | Unit |\n|---|---|--:|--:|---|\n");
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String parameter = result.getParams().getParamsKeys().stream()
                    .map(key -> key + " = `" + result.getParams().getParam(key) + "`")
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.1f | %.1f | %s |%n",
                    benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
                    parameter,
                    result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError(),
                    result.getPrimaryResult().getScoreUnit()));
        }
        return md.toString();
    }
}
