package io.sluice.connector.kafka.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connector.kafka.testing.KafkaFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The consumer's pausing against the real broker: saturation pauses, and room resumes a waiting poll. */
class CommittingConsumerIT {

    private static final Duration LONG_POLL = Duration.ofSeconds(30);

    private static KafkaFixture kafka;

    @BeforeAll
    static void broker() {
        kafka = new KafkaFixture();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aPollOverASaturatedSourceReturnsNothingAndPausesEveryPartition() {
        TopicPartition partition = oneRecordTopic("saturated-poll");
        try (CommittingConsumer consumer = consumer(partition)) {
            consumer.saturated(true);

            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));

            assertThat(records.isEmpty()).isTrue();
            assertThat(consumer.paused()).containsExactly(partition);
        }
    }

    @Test
    void roomFreedWhileAPollWaitsResumesItAtOnceInsteadOfAfterItsTimeout() throws Exception {
        TopicPartition partition = oneRecordTopic("room-freed");
        try (CommittingConsumer consumer = consumer(partition)) {
            consumer.saturated(true);
            FutureTask<ConsumerRecords<byte[], byte[]>> polled = new FutureTask<>(() -> consumer.poll(LONG_POLL));
            Thread poller = new Thread(polled, "poller");
            poller.start();
            awaitWaiting(poller);

            consumer.saturated(false);

            // Well inside the 30 s poll: before the wake-up, a poll begun saturated paused every
            // partition and slept its whole timeout.
            ConsumerRecords<byte[], byte[]> records = polled.get(10, TimeUnit.SECONDS);
            assertThat(records.count()).isEqualTo(1);
            assertThat(consumer.paused()).isEmpty();
        }
    }

    private static TopicPartition oneRecordTopic(String name) {
        String topic = kafka.createTopic(name, 1);
        kafka.send(new ProducerRecord<>(topic, 0, "k".getBytes(), "{\"n\":1}".getBytes()));
        return new TopicPartition(topic, 0);
    }

    private static CommittingConsumer consumer(TopicPartition partition) {
        CommittingConsumer consumer = new CommittingConsumer(
                "test",
                Map.of(
                        "bootstrap.servers",
                        kafka.bootstrap(),
                        "group.id",
                        KafkaFixture.unique("committing-consumer"),
                        "enable.auto.commit",
                        "false",
                        "auto.offset.reset",
                        "earliest"),
                Duration.ofSeconds(1));
        consumer.assign(List.of(partition));
        return consumer;
    }

    /** Waits (bounded) until the thread parks, as a poll waiting for room does. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
