package io.sluice.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.connector.kafka.testing.PrivateBroker;
import io.sluice.connector.kafka.testing.Sluices;
import io.sluice.event.Event;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.ScriptedSinkFactory;
import io.sluice.testing.ScriptedSinkFactory.Scripted;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kafka source against a broker of the test's own that goes away and comes back: the replica
 * leaves {@code /health/ready} while no broker is reachable, returns when it is, and consumes on
 * from its committed offsets. The shared broker cannot be stopped: every other Kafka test uses it.
 */
class KafkaBrokerLossIT {

    private static final String TOPIC = "broker-loss";

    @TempDir
    Path dir;

    private PrivateBroker broker;
    private Vertx vertx;
    private Sluice sluice;

    @AfterEach
    void stop() throws InterruptedException {
        if (sluice != null) {
            Await.result(sluice.stop());
        }
        if (vertx != null) {
            Await.result(vertx.close());
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void replicaIsNotReadyWhileNoBrokerIsReachableAndConsumesOnWhenOneReturns() throws Exception {
        broker = PrivateBroker.start(dir);
        createTopic();
        produce(0, 5);
        vertx = Vertx.vertx();
        sluice = Sluices.start(
                vertx,
                "loss",
                "sources: [{name: loss-in, type: kafka, bootstrap-servers: '" + broker.bootstrap() + "', topics: ["
                        + TOPIC + "], group: loss, commit-interval: 200ms}]\n"
                        + "sinks: [{name: loss-out, type: scripted}]\n"
                        + "routes: [{name: loss, from: loss-in, to: loss-out}]\n");
        Scripted sink = ScriptedSinkFactory.sink("loss-out");
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.received().size() == 5 && sluice.ready());

        broker.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> !sluice.ready());
        broker.start();
        produce(5, 10);

        await().atMost(Duration.ofSeconds(60)).until(() -> sink.received().size() >= 10 && sluice.ready());
        assertThat(sink.received().stream()
                        .map(Event::data)
                        .map(Object::toString)
                        .distinct())
                .as("every record, the ones after the outage included")
                .hasSize(10);
    }

    private void createTopic() throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", broker.bootstrap());
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Sends records {@code from} (inclusive) to {@code to} and waits for the broker's acknowledgement. */
    private void produce(int from, int to) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", broker.bootstrap());
        config.put("acks", "all");
        // Not idempotent: right after a (re)start the broker may answer NOT_LEADER first, and the
        // idempotent producer's retries can then stall on out-of-order sequence numbers.
        config.put("enable.idempotence", "false");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int n = from; n < to; n++) {
                producer.send(new ProducerRecord<>(TOPIC, ("record-" + n).getBytes(StandardCharsets.UTF_8)))
                        .get(60, TimeUnit.SECONDS);
            }
        }
    }
}
