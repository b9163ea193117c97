package io.sluice.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.connector.kafka.testing.CommitSampler;
import io.sluice.connector.kafka.testing.KafkaFixture;
import io.sluice.connector.kafka.testing.Sluices;
import io.sluice.event.Event;
import io.sluice.pipeline.Delivery;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.ScriptedSinkFactory;
import io.sluice.testing.ScriptedSinkFactory.Scripted;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Sluices in one consumer group against the broker {@code scripts/kafka.sh} runs: the second
 * joins while the first has records in flight, then leaves while it has records in flight itself.
 * Each test uses its own topic, group and member names.
 */
class KafkaRebalanceIT {

    private static final int PARTITIONS = 4;

    private KafkaFixture kafka;
    private Vertx first;
    private Vertx second;
    private Sluice firstSluice;
    private CommitSampler commits;

    @BeforeEach
    void connect() {
        kafka = new KafkaFixture();
        first = Vertx.vertx();
        second = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        if (kafka == null) {
            return; // no broker: the test was skipped before it started anything
        }
        if (commits != null) {
            commits.close();
        }
        if (firstSluice != null) {
            Await.result(firstSluice.stop());
        }
        Await.result(first.close());
        Await.result(second.close());
        kafka.close();
    }

    private Sluice start(Vertx vertx, String member, String topic, String group) {
        Sluice sluice = join(vertx, member, topic, group, 4);
        // A slow sink keeps records in flight whenever the group rebalances.
        ScriptedSinkFactory.sink(member + "-out")
                .behave(event -> vertx.timer(20).map(t -> Delivery.done()));
        return sluice;
    }

    private Sluice join(Vertx vertx, String member, String topic, String group, int concurrency) {
        return Sluices.start(
                vertx,
                member,
                "sources: [{name: " + member + "-in, type: kafka, bootstrap-servers: '" + kafka.bootstrap()
                        + "', topics: [" + topic + "], group: " + group + ", max-inflight: 32,"
                        + " commit-interval: 200ms,"
                        + " kafka: {heartbeat.interval.ms: 300, session.timeout.ms: 6000}}]\n"
                        + "sinks: [{name: " + member + "-out, type: scripted, concurrency: " + concurrency + "}]\n"
                        + "routes: [{name: " + member + ", from: " + member + "-in, to: " + member + "-out}]\n");
    }

    @Test
    void aMemberJoiningAndLeavingMidStreamLosesNoRecord() {
        String topic = kafka.createTopic("rebalance", PARTITIONS);
        String group = KafkaFixture.unique("rebalance");
        commits = new CommitSampler(kafka, group);
        firstSluice = start(first, "member-a", topic, group);
        Scripted a = ScriptedSinkFactory.sink("member-a-out");
        kafka.fill(topic, PARTITIONS, 150);
        await().until(() -> a.received().size() >= 100);

        Sluice secondSluice = start(second, "member-b", topic, group);
        Scripted b = ScriptedSinkFactory.sink("member-b-out");
        kafka.fill(topic, PARTITIONS, 100);
        await().atMost(Duration.ofSeconds(20)).until(() -> b.received().size() >= 100);
        Await.result(secondSluice.stop());
        kafka.fill(topic, PARTITIONS, 50);

        Set<String> expected = IntStream.range(0, PARTITIONS)
                .boxed()
                .flatMap(p -> IntStream.range(0, 300).mapToObj(o -> topic + "-" + p + "-" + o))
                .collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30)).until(() -> received(a, b).containsAll(expected));
        Map<Integer, Long> ends = kafka.endOffsets(topic, PARTITIONS);
        await().until(() -> kafka.committed(group).equals(ends));
        commits.close();
        assertThat(ends.values()).containsOnly(300L);
        assertThat(received(a, b)).hasSize(expected.size());
        commits.assertNeverMovedBackwards();
    }

    @Test
    void recordsHeldUnsettledWhenTheirPartitionMovesAreDeliveredByTheNewOwner() {
        String topic = kafka.createTopic("moved", 2);
        String group = KafkaFixture.unique("moved");
        commits = new CommitSampler(kafka, group);
        firstSluice = join(first, "holder-a", topic, group, 32);
        Scripted a = ScriptedSinkFactory.sink("holder-a-out");
        List<Runnable> held = new CopyOnWriteArrayList<>();
        a.behave(event -> {
            Context context = Vertx.currentContext();
            Promise<Delivery> promise = Promise.promise();
            held.add(() -> context.runOnContext(v -> promise.tryComplete(Delivery.done())));
            return promise.future();
        });
        kafka.fill(topic, 2, 10);
        await().until(() -> held.size() == 20);

        Sluice secondSluice = join(second, "holder-b", topic, group, 32);
        Scripted b = ScriptedSinkFactory.sink("holder-b-out");
        await().atMost(Duration.ofSeconds(20)).until(() -> b.received().size() >= 10);
        Set<String> movedIds = b.received().stream().map(Event::id).collect(Collectors.toSet());
        int moved = Integer.parseInt(b.received().get(0).headers().first("X-Kafka-Partition"));
        await().until(() -> kafka.committed(group).getOrDefault(moved, -1L) == 10L);
        Await.result(secondSluice.stop());
        a.behave(event -> Future.succeededFuture(Delivery.done()));
        held.forEach(Runnable::run);

        await().until(() -> kafka.committed(group).equals(Map.of(0, 10L, 1, 10L)));
        commits.close();
        assertThat(movedIds)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10)
                        .mapToObj(offset -> topic + "-" + moved + "-" + offset)
                        .collect(Collectors.toList()));
        commits.assertNeverMovedBackwards();
    }

    private static Set<String> received(Scripted a, Scripted b) {
        Set<String> ids = new HashSet<>();
        a.received().stream().map(Event::id).forEach(ids::add);
        b.received().stream().map(Event::id).forEach(ids::add);
        return ids;
    }
}
