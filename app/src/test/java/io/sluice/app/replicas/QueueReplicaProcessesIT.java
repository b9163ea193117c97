package io.sluice.app.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.PublishAck;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.sluice.app.replicas.FunctionGateway.Invocation;
import io.sluice.connector.openfaas.wire.QueueRequest;
import io.sluice.testing.Await;
import io.sluice.testing.TestServices;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two {@code sluice run} processes from the packaged jar on one JetStream work queue, sharing its
 * durable consumer as replicas do: while both run each invocation is made once; when one is killed
 * with SIGKILL, the other finishes every invocation and repeats only what the killed one held
 * unacknowledged. Each process invokes functions through its own local gateway listener, so every
 * call is known by the process that made it.
 */
class QueueReplicaProcessesIT {

    private static final Logger LOG = LoggerFactory.getLogger(QueueReplicaProcessesIT.class);
    private static final int INVOCATIONS = 300;
    /** Per replica: the source's messages held unacknowledged, and the sink's calls at once. */
    private static final int MAX_INFLIGHT = 4;

    private static final String CONFIG = """
            http:
              port: ${SLUICE_HTTP_PORT}
              host: 127.0.0.1
            admin:
              port: ${SLUICE_ADMIN_PORT}
              host: 127.0.0.1
            nats:
              url: ${NATS_URL}
            dead-letter:
              type: jetstream
              stream: %1$s-dlq
              subject: %1$s.dlq
            sources:
              - name: queue
                type: openfaas-queue
                stream: %1$s
                subject: %1$s
                durable: workers
                create-stream: false
                max-inflight: %2$d
                ack-wait: 3s
            sinks:
              - name: function
                type: openfaas-function
                gateway-url: ${GATEWAY_URL}
                concurrency: %2$d
                upstream-timeout: 10s
                max-retry-attempts: 2
                initial-retry-wait: 100ms
            routes:
              - {name: invoke, from: [queue], to: [function]}
            """;

    @RegisterExtension
    final SluiceProcesses processes = new SluiceProcesses();

    private Vertx vertx;
    private Connection nats;
    private JetStreamManagement jsm;
    private String queue;
    private Path config;
    private FunctionGateway gateway;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        nats = Nats.connect(TestServices.natsUrl());
        jsm = nats.jetStreamManagement();
        queue = "it-replicas-" + UUID.randomUUID().toString().substring(0, 8);
        jsm.addStream(StreamConfiguration.builder()
                .name(queue)
                .subjects(queue)
                .retentionPolicy(RetentionPolicy.WorkQueue)
                .storageType(StorageType.Memory)
                .build());
        // One configuration for both replicas; each process's environment gives its ports and gateway.
        config = processes.write("sluice.yaml", CONFIG.formatted(queue, MAX_INFLIGHT));
    }

    @AfterEach
    void tearDown() throws Exception {
        processes.killAll();
        if (gateway != null) {
            gateway.close();
        }
        Await.result(vertx.close());
        if (nats != null) {
            for (String stream : List.of(queue, queue + "-dlq")) {
                deleteStream(stream);
            }
            nats.close();
        }
    }

    @Test
    void everyInvocationIsMadeOnceWhileTwoProcessesShareTheQueue() throws Exception {
        gateway = new FunctionGateway(vertx, Duration.ofMillis(20));
        SluiceProcess a = start("a");
        SluiceProcess b = start("b");
        awaitReady(a, b);

        publish(INVOCATIONS);

        await().atMost(Duration.ofSeconds(30)).until(this::queueSettled);
        assertThat(answeredCalls()).containsExactlyInAnyOrderElementsOf(callIds());
        assertThat(gateway.byCallId().values())
                .allSatisfy(made -> assertThat(made).hasSize(1));
        assertThat(gateway.invocationsBy("a")).as("replica a's share").isNotEmpty();
        assertThat(gateway.invocationsBy("b")).as("replica b's share").isNotEmpty();
        assertThat(processed(a)).isEqualTo(gateway.invocationsBy("a").size());
        assertThat(processed(b)).isEqualTo(gateway.invocationsBy("b").size());
        assertThat(deadLetters()).isZero();
    }

    @Test
    void survivorMakesEveryInvocationWhenTheOtherProcessIsKilledMidStream() throws Exception {
        gateway = new FunctionGateway(vertx, Duration.ofMillis(50));
        SluiceProcess survivor = start("a");
        SluiceProcess victim = start("b");
        awaitReady(survivor, victim);
        publish(INVOCATIONS);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> gateway.running("b") > 0 && gateway.byCallId().size() >= INVOCATIONS / 5);

        victim.kill();
        long killedAt = System.nanoTime();
        int madeBeforeKill = gateway.byCallId().size();

        assertThat(victim.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(madeBeforeKill)
                .as("invocations made when the replica was killed")
                .isLessThan(INVOCATIONS);
        await().atMost(Duration.ofSeconds(30)).until(this::queueSettled);
        assertThat(answeredCalls())
                .as("nothing lost: every call answered")
                .containsExactlyInAnyOrderElementsOf(callIds());
        Map<String, List<Invocation>> repeated = gateway.byCallId().entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        LOG.info(
                "Replica b was killed after {} of {} invocations; {} were made again by replica a",
                madeBeforeKill,
                INVOCATIONS,
                repeated.size());
        assertThat(repeated.size())
                .as("calls repeated: only those the killed replica held unacknowledged, at most its max-inflight")
                .isLessThanOrEqualTo(MAX_INFLIGHT);
        assertThat(repeated.values()).allSatisfy(made -> {
            assertThat(made).extracting(Invocation::replica).containsExactly("b", "a");
            assertThat(made.get(0).atNanos()).isLessThan(killedAt);
        });
        assertThat(gateway.invocationsBy("a")).as("the survivor's share").hasSizeGreaterThan(INVOCATIONS / 2);
        assertThat(deadLetters()).isZero();
    }

    private SluiceProcess start(String replica) throws IOException {
        return processes.start(
                replica, config, Map.of("NATS_URL", TestServices.natsUrl(), "GATEWAY_URL", gateway.listen(replica)));
    }

    private static void awaitReady(SluiceProcess... replicas) {
        for (SluiceProcess replica : replicas) {
            replica.awaitReady(Duration.ofSeconds(30));
        }
    }

    /** Publishes the invocations and waits for JetStream to have stored every one. */
    private void publish(int count) throws Exception {
        List<Future<PublishAck>> acks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] request = QueueRequest.builder()
                    .function("work")
                    .method("POST")
                    .addHeader("X-Call-Id", callId(i))
                    .body(("job " + i).getBytes(StandardCharsets.UTF_8))
                    .build()
                    .encode();
            acks.add(nats.jetStream().publishAsync(queue, request));
        }
        for (Future<PublishAck> ack : acks) {
            ack.get(10, TimeUnit.SECONDS);
        }
    }

    private static String callId(int i) {
        return "call-" + i;
    }

    private static Set<String> callIds() {
        return IntStream.range(0, INVOCATIONS)
                .mapToObj(QueueReplicaProcessesIT::callId)
                .collect(Collectors.toSet());
    }

    private Set<String> answeredCalls() {
        return gateway.answered().stream().map(Invocation::callId).collect(Collectors.toSet());
    }

    /**
     * Every message acknowledged: a work queue drops a message on its ack, so an empty stream with
     * nothing pending on the consumer means nothing can be redelivered any more.
     */
    private boolean queueSettled() throws IOException, JetStreamApiException {
        var consumer = jsm.getConsumerInfo(queue, "workers");
        return jsm.getStreamInfo(queue).getStreamState().getMsgCount() == 0
                && consumer.getNumAckPending() == 0
                && consumer.getNumPending() == 0;
    }

    private static long processed(SluiceProcess replica) throws IOException, InterruptedException {
        return (long) replica.metric("queue_worker_messages_processed_total");
    }

    private long deadLetters() throws IOException, JetStreamApiException {
        return jsm.getStreamInfo(queue + "-dlq").getStreamState().getMsgCount();
    }

    private void deleteStream(String stream) throws IOException {
        try {
            jsm.deleteStream(stream);
        } catch (JetStreamApiException ignored) {
            // not created: the test failed before its processes started
        }
    }
}
