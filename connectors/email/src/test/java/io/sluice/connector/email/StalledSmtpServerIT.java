package io.sluice.connector.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.MemoryDeadLetterStoreFactory;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stalled sink end to end, against the test NATS: 50,000 events wait in a JetStream stream, the
 * core's {@code jetstream} source feeds a route bounded at 256 in flight, and the route feeds the
 * email sink while nothing listens on the SMTP port. The source must stop pulling at the bound and
 * the heap must stay flat; once an SMTP server listens, every event must be mailed exactly once.
 *
 * <p>The server that comes up is the {@link ScriptedSmtpServer}, which speaks SMTP on Vert.x and
 * keeps only the accepted text. GreenMail parses and stores every message on a thread per
 * connection and drains about three times slower on a 2-core machine, which would take this test
 * past a minute; {@link EmailSinkIT} covers GreenMail. The retry and breaker cadence is faster than
 * production's (retry from 100 ms, breaker open for 1 s) for the same reason.
 */
class StalledSmtpServerIT {

    private static final Logger LOG = LoggerFactory.getLogger(StalledSmtpServerIT.class);
    private static final int EVENTS = 50_000;
    private static final int MAX_INFLIGHT = 256;
    /** Growth allowed over the heap measured before Sluice started; 256 events in flight need far less. */
    private static final long HEAP_CEILING_BYTES = 64L * 1024 * 1024;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String stream = "STALL_" + suffix;
    private final String subject = "stall." + suffix;
    private final String bucket = "email-stall-" + suffix;
    private Vertx vertx;
    private Sluice sluice;
    private Connection nats;

    @BeforeEach
    void connect() throws Exception {
        vertx = Vertx.vertx();
        nats = TestSluice.nats();
    }

    @AfterEach
    void stopAll() throws Exception {
        if (sluice != null) {
            Await.result(sluice.stop());
        }
        Await.result(vertx.close());
        nats.jetStreamManagement().deleteStream(stream);
        nats.close();
        TestSluice.deleteBucket(bucket);
    }

    @Test
    void stalledSmtpServerStopsThePullingAndEveryEventIsMailedOnceWhenItReturns() throws Exception {
        publish(EVENTS);
        int port = freePort();
        long heapBefore = usedHeapAfterGc();
        sluice = TestSluice.start(vertx, "stall", pipeline(port));

        await().atMost(Duration.ofSeconds(15)).until(() -> consumer().getNumAckPending() == MAX_INFLIGHT);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> {
            ConsumerInfo info = consumer();
            return info.getNumAckPending() <= MAX_INFLIGHT && info.getNumPending() >= EVENTS - MAX_INFLIGHT;
        });
        long heapStalled = usedHeapAfterGc();
        LOG.info(
                "Stalled at {} unacked, {} pending; used heap after GC {} MiB before start, {} MiB stalled",
                consumer().getNumAckPending(),
                consumer().getNumPending(),
                heapBefore >> 20,
                heapStalled >> 20);
        assertThat(heapStalled - heapBefore).isLessThan(HEAP_CEILING_BYTES);

        long started = System.nanoTime();
        ScriptedSmtpServer smtp = ScriptedSmtpServer.start(vertx, port);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    ConsumerInfo info = consumer();
                    return info.getNumPending() == 0 && info.getNumAckPending() == 0;
                });
        LOG.info("Drained {} events in {} ms", EVENTS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        List<String> received = smtp.accepted();
        assertThat(MemoryDeadLetterStoreFactory.store("stall").letters()).isEmpty();
        assertThat(received).hasSize(EVENTS);
        assertThat(messageIds(received)).hasSize(EVENTS);
    }

    private String pipeline(int port) {
        return "sources:\n"
                + "  - {name: stall-in, type: jetstream, stream: " + stream + ", subject: '" + subject + "',"
                + " max-inflight: " + MAX_INFLIGHT + ", fetch-batch: " + MAX_INFLIGHT + "}\n"
                + "sinks:\n"
                + "  - name: stall-mail\n"
                + "    type: email\n"
                + "    host: 127.0.0.1\n"
                + "    port: " + port + "\n"
                + "    starttls: disabled\n"
                + "    from: sluice@example.com\n"
                + "    to: [ops@example.com]\n"
                + "    subject: 'Event {{id}}'\n"
                + "    text: 'Order {{data.n}}'\n"
                + "    concurrency: 64\n"
                + "    dedupe: {bucket: " + bucket + "}\n"
                + "    retry: {max-attempts: 1000, initial-wait: 100ms, max-wait: 500ms}\n"
                + "    circuit-breaker: {open-wait: 1s, minimum-calls: 10, window: 20}\n"
                + "routes: [{name: stall-route, from: stall-in, to: stall-mail, max-inflight: " + MAX_INFLIGHT + "}]\n";
    }

    private void publish(int count) throws Exception {
        nats.jetStreamManagement()
                .addStream(StreamConfiguration.builder()
                        .name(stream)
                        .subjects(subject)
                        .storageType(StorageType.Memory)
                        .retentionPolicy(RetentionPolicy.WorkQueue)
                        .build());
        JetStream js = nats.jetStream();
        List<Future<PublishAck>> acks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            acks.add(js.publishAsync(subject, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
            if (acks.size() == 1000) {
                waitFor(acks);
            }
        }
        waitFor(acks);
    }

    private static void waitFor(List<Future<PublishAck>> acks) throws Exception {
        for (Future<PublishAck> ack : acks) {
            ack.get(10, TimeUnit.SECONDS);
        }
        acks.clear();
    }

    private ConsumerInfo consumer() throws Exception {
        return nats.jetStreamManagement().getConsumerInfo(stream, "sluice-stall-in");
    }

    private static Set<String> messageIds(List<String> messages) {
        return messages.stream()
                .flatMap(message -> message.lines()
                        .filter(line -> line.startsWith("Message-ID: "))
                        .limit(1))
                .collect(Collectors.toSet());
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
