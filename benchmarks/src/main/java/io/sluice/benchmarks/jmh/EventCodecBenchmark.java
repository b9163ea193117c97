package io.sluice.benchmarks.jmh;

import io.sluice.event.Event;
import io.sluice.event.EventCodec;
import io.sluice.event.Headers;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The CloudEvents envelope Sluice journals, dead-letters and replays events in: encoding an event
 * with JSON data and headers, and decoding it back.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventCodecBenchmark {

    private final Event event = sample();
    private final Buffer encoded = EventCodec.encode(event);

    @Benchmark
    public Buffer encodeEnvelope() {
        return EventCodec.encode(event);
    }

    @Benchmark
    public Event decodeEnvelope() {
        return EventCodec.decode(encoded);
    }

    /** An invocation-sized event: JSON data of about a hundred bytes, three headers, one extension. */
    static Event sample() {
        return Event.builder()
                .id("bench-42")
                .source("/sources/faas-queue")
                .type("com.openfaas.async.invocation")
                .subject("resize")
                .time(Instant.parse("2025-01-01T00:00:00Z"))
                .dataContentType("application/json")
                .extension("position", "42")
                .headers(Headers.builder()
                        .add("Content-Type", "application/json")
                        .add("X-Call-Id", "bench-42")
                        .add("X-Callback-Url", "http://127.0.0.1:8888/cb")
                        .build())
                .data(Buffer.buffer("{\"job\":42,\"amount\":250,\"customer\":{\"id\":\"c-1\",\"vip\":true},"
                        + "\"payload\":\"0123456789abcdef0123456789abcdef\"}"))
                .build();
    }
}
