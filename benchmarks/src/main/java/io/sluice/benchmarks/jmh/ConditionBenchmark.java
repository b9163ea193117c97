package io.sluice.benchmarks.jmh;

import io.sluice.event.Event;
import io.sluice.pipeline.Condition;
import io.sluice.spi.ConditionCompiler;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Route matching: one compiled {@code when:} condition tested against an invocation-sized event,
 * as the core does for every event and route. Needs a {@link ConditionCompiler} on the classpath
 * (CEL, from {@code sluice-processors}); {@link MicroBenchmarks} leaves this class out without one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConditionBenchmark {

    @Param({"type == 'com.openfaas.async.invocation' && subject == 'resize'", "has(data.amount) && data.amount > 100"})
    public String expression;

    private final Event event = EventCodecBenchmark.sample();
    private Condition condition;

    /** The first condition compiler the service loader finds, if any. */
    static Optional<ConditionCompiler> compiler() {
        return ServiceLoader.load(ConditionCompiler.class).findFirst();
    }

    @Setup
    public void compile() {
        condition = compiler()
                .orElseThrow(() -> new IllegalStateException("no ConditionCompiler on the classpath"))
                .compile(expression);
    }

    @Benchmark
    public boolean evaluate() {
        return condition.test(event);
    }
}
