package io.sluice.benchmarks.support;

import io.sluice.connector.openfaas.wire.QueueRequest;
import io.sluice.connector.openfaas.wire.QueueRequestBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * QueueRequest messages as the OpenFaaS gateway queues them: {@code X-Call-Id} {@code bench-<n>}
 * (so {@link LocalFunction} can account for each), {@code X-Start-Time} in Unix nanoseconds (Sluice
 * turns it into the event's time) and a small JSON body.
 */
public final class Invocations {

    /** The NATS header carrying the publish time, for consumers that do not decode the body. */
    public static final String SENT_HEADER = "Bench-Sent";

    private Invocations() {}

    /** A queued invocation of {@code function}, stamped now, with an optional callback URL. */
    public static byte[] queueRequest(String function, int n, String callbackUrl) {
        return queueRequest(function, n, callbackUrl, epochNanos());
    }

    /** A queued invocation stamped with the given Unix nanoseconds. */
    public static byte[] queueRequest(String function, int n, String callbackUrl, long startNanos) {
        QueueRequestBuilder builder = QueueRequest.builder()
                .function(function)
                .method("POST")
                .host("127.0.0.1:8080")
                .body(body(n))
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Call-Id", "bench-" + n)
                .addHeader("X-Start-Time", Long.toString(startNanos));
        if (callbackUrl != null) {
            builder.callbackUrl(callbackUrl);
        }
        return builder.build().encode();
    }

    /** A small JSON body, about a hundred bytes, like a typical async job. */
    public static byte[] body(int n) {
        return ("{\"job\":" + n + ",\"kind\":\"benchmark\",\"payload\":\"0123456789abcdef0123456789abcdef\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Now, in Unix nanoseconds (microsecond resolution on Linux). */
    public static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
