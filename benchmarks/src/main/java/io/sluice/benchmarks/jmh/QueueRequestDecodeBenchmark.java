package io.sluice.benchmarks.jmh;

import io.sluice.benchmarks.support.Invocations;
import io.sluice.connector.openfaas.wire.QueueRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The queue source's first step for every message: decoding the gateway's QueueRequest JSON, in
 * the current form (what the harness publishes) and the pre-2023 form.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueueRequestDecodeBenchmark {

    private final byte[] current = Invocations.queueRequest("resize", 42, "http://127.0.0.1:8888/cb", 1L << 60);
    private final byte[] pre2023 = ("{\"Header\":{\"X-Call-Id\":[\"old-1\"],\"Content-Type\":[\"application/json\"]},"
                    + "\"Host\":\"gateway:8080\",\"Body\":\"eyJqb2IiOjQyfQ==\",\"Method\":\"POST\",\"Path\":\"\","
                    + "\"QueryString\":\"\",\"Function\":\"resize\",\"QueueName\":\"\",\"CallbackUrl\":null}")
            .getBytes(StandardCharsets.UTF_8);

    @Benchmark
    public QueueRequest decodeCurrentForm() {
        return QueueRequest.decode(current);
    }

    @Benchmark
    public QueueRequest decodePre2023Form() {
        return QueueRequest.decode(pre2023);
    }
}
