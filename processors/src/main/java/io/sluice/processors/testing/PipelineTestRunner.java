package io.sluice.processors.testing;

import io.sluice.config.ComponentConfig;
import io.sluice.config.SluiceConfig;
import io.sluice.pipeline.Outcome;
import io.sluice.pipeline.SourceContext;
import io.sluice.processors.testing.impl.ConfigRewriter;
import io.sluice.processors.testing.impl.Expectations;
import io.sluice.processors.testing.impl.TestCase;
import io.sluice.processors.testing.impl.TestCaseReader;
import io.sluice.processors.testing.impl.TestRun;
import io.sluice.runtime.Sluice;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a configuration's pipeline tests, like Redpanda Connect's {@code test} command: each case
 * starts the configuration afresh with test doubles for every source, sink and the dead-letter
 * store, dispatches its input event, waits until it settles and compares what each sink received
 * with what the case expects. No broker or peer is needed, and no real component is created.
 *
 * <p>Cases run one after another, each in its own Sluice, so state such as a dedupe window never
 * leaks between cases. Sinks deliver at once and produce no reply, so routes fed by sink replies
 * see nothing.
 */
public final class PipelineTestRunner {

    private final Vertx vertx;

    public PipelineTestRunner(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The test file beside a configuration: {@code openfaas-async.yaml} → {@code openfaas-async.test.yaml}. */
    public static Path testFileFor(Path config) {
        String name = config.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : ".yaml";
        return config.resolveSibling(stem + ".test" + extension);
    }

    /**
     * Reads the test file and runs its cases; fails with a {@link io.sluice.config.ConfigException}
     * (file, line, key) when the file is malformed or the configuration cannot be built.
     */
    public Future<TestReport> run(SluiceConfig config, Path tests) {
        try {
            check(config);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return vertx.fileSystem()
                .readFile(tests.toString())
                .compose(text -> runCases(config, tests.toString(), text.toString()));
    }

    /** Runs the cases of test-file text; {@code file} names it in the report and in errors. */
    public Future<TestReport> run(SluiceConfig config, String file, String text) {
        try {
            check(config);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return runCases(config, file, text);
    }

    private Future<TestReport> runCases(SluiceConfig config, String file, String text) {
        List<TestCase> cases;
        try {
            cases = TestCaseReader.read(file, text);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        // Every case starts its Sluice from this context, never from a context of the previous case's
        // Sluice: Vert.x would make the new deployment a child of that one, which is being undeployed.
        Context context = vertx.getOrCreateContext();
        List<CaseResult> results = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (TestCase testCase : cases) {
            chain = chain.compose(
                    v -> on(context, () -> runCase(config, testCase)).map(result -> {
                        results.add(result);
                        return null;
                    }));
        }
        return chain.map(v -> new TestReport(file, results));
    }

    /**
     * Builds every component once, on the calling thread, so that a configuration error fails the
     * run with its lines instead of failing every case, and so that CEL's one-off initialisation
     * (seconds on a cold JVM) happens here rather than on the event loop the cases start from.
     */
    private void check(SluiceConfig config) {
        String id = "pipeline-check-" + UUID.randomUUID();
        TestRun.open(id);
        try {
            Sluice.check(vertx, ConfigRewriter.rewrite(config, id));
        } finally {
            TestRun.close(id);
        }
    }

    private static <T> Future<T> on(Context context, Supplier<Future<T>> work) {
        Promise<T> result = Promise.promise();
        context.runOnContext(v -> work.get().onComplete(result));
        return result.future();
    }

    private Future<CaseResult> runCase(SluiceConfig config, TestCase testCase) {
        String id = "pipeline-test-" + UUID.randomUUID();
        TestRun run = TestRun.open(id);
        long started = System.nanoTime();
        return Sluice.start(vertx, ConfigRewriter.rewrite(config, id))
                .recover(failure -> Future.failedFuture(
                        new IllegalStateException("the configuration did not start: " + failure.getMessage(), failure)))
                .compose(sluice -> settle(config, testCase, run).eventually(sluice::stop))
                .transform(settled -> Future.succeededFuture(judge(config, testCase, run, settled, started)))
                .eventually(() -> {
                    TestRun.close(id);
                    return Future.succeededFuture();
                });
    }

    private static CaseResult judge(
            SluiceConfig config, TestCase testCase, TestRun run, AsyncResult<Outcome> settled, long started) {
        List<String> differences = new ArrayList<>();
        if (settled.failed()) {
            differences.add(settled.cause().getMessage());
            differences.addAll(Expectations.unknownSinks(testCase, sinkNames(config)));
        } else {
            differences.addAll(Expectations.differences(testCase, sinkNames(config), run));
        }
        return new CaseResult(testCase.name(), differences, Duration.ofNanos(System.nanoTime() - started));
    }

    private Future<Outcome> settle(SluiceConfig config, TestCase testCase, TestRun run) {
        List<String> sources =
                config.sources().stream().map(ComponentConfig::name).collect(Collectors.toList());
        String source = testCase.source();
        if (source == null && sources.size() == 1) {
            source = sources.get(0);
        }
        SourceContext input = source == null ? null : run.input(source);
        if (input == null) {
            return Future.failedFuture(new IllegalArgumentException((source == null
                            ? "input.source is required when the configuration has several sources"
                            : "input.source '" + source + "' is not a source of the configuration")
                    + "; sources: " + String.join(", ", sources)));
        }
        return within(input.dispatch(testCase.input()), testCase.timeout());
    }

    private Future<Outcome> within(Future<Outcome> settlement, Duration timeout) {
        Promise<Outcome> result = Promise.promise();
        long timer = vertx.setTimer(
                timeout.toMillis(),
                id -> result.tryFail(new TimeoutException("the input did not settle within " + timeout.toMillis()
                        + " ms; an event is still held" + " (a batch, delay or throttle) or a sink never answered")));
        settlement.onComplete(done -> {
            vertx.cancelTimer(timer);
            if (done.succeeded()) {
                result.tryComplete(done.result());
            } else {
                result.tryFail(new IllegalStateException(
                        "the input could not settle: " + done.cause().getMessage(), done.cause()));
            }
        });
        return result.future();
    }

    private static List<String> sinkNames(SluiceConfig config) {
        return config.sinks().stream().map(ComponentConfig::name).collect(Collectors.toList());
    }
}
