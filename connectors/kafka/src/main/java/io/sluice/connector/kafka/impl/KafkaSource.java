package io.sluice.connector.kafka.impl;

import io.sluice.connector.kafka.KafkaSourceSettings;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.Future;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: kafka}: events from Kafka topics through a consumer group, with offsets committed
 * only past settled records.
 *
 * <h2>Bounds</h2>
 * At most {@code max-inflight} records are handed to Sluice unsettled, and only while the routes
 * have room. A partition with records waiting is paused, and every partition is paused once the
 * source holds {@code max-inflight} records or the routes are full; a poll returns at most {@code
 * max.poll.records} (default: {@code max-inflight}, at most 500) more, so memory stays bounded
 * however long a sink stalls. With {@code ordered: true} each partition has one record in flight at
 * a time, so its records reach the sinks in offset order while partitions run in parallel.
 *
 * <h2>Settlement</h2>
 * A record whose event could neither be delivered nor dead-lettered is handed in again after {@link
 * Handoff#RETRY_DELAY}, holding its partition's commit position back meanwhile. Records of a partition
 * taken away by a rebalance are dropped unsettled; the new owner reads them from the last commit.
 * See {@link CommittingConsumer} for when commits happen.
 */
final class KafkaSource extends Source {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSource.class);
    /**
     * How long one poll waits for records, or for room while the source is saturated. Pauses take
     * effect at the next poll, so it is short: a partition that backs up is paused within
     * milliseconds.
     */
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(10);

    private static final Duration CONNECTION_CHECK = Duration.ofSeconds(1);
    private static final long POLL_WARNING_INTERVAL = Duration.ofSeconds(30).toNanos();

    private final KafkaSourceSettings settings;
    private final Duration grace;
    private final Map<TopicPartition, PartitionFlow> flows = new LinkedHashMap<>();
    private final AtomicLong lastPollWarning = new AtomicLong(System.nanoTime() - POLL_WARNING_INTERVAL);
    private Handoff handoff;
    private CommittingConsumer consumer;
    private KafkaReadStream<byte[], byte[]> stream;
    private int inflight;
    private int waiting;
    private boolean awaitingCapacity;
    private boolean running;
    private boolean assigned;
    private boolean brokerReachable;
    private long connectionCheck = -1;

    KafkaSource(SourceContext sluice, KafkaSourceSettings settings, Duration grace) {
        super(sluice);
        this.settings = settings;
        this.grace = grace;
        var metrics = sluice.components().metrics();
        metrics.gauge(MetricNames.name("sluice_source_inflight", "source", name()), () -> () -> inflight);
        metrics.gauge(MetricNames.name("sluice_source_waiting", "source", name()), () -> () -> waiting);
    }

    @Override
    public Future<?> start() {
        // The native consumer reads its configuration and starts threads: off the event loop. The
        // read stream must be made here, on the source's context, where it delivers records.
        return vertx.executeBlocking(this::createConsumer)
                .compose(created -> {
                    consumer = created;
                    handoff = new Handoff(sluice, context, new RecordDecoder(name()));
                    stream = KafkaReadStream.create(vertx, consumer);
                    stream.pollTimeout(POLL_TIMEOUT);
                    stream.exceptionHandler(this::pollFailed);
                    stream.partitionsAssignedHandler(partitions -> {
                        assigned = true;
                        brokerReachable = true;
                        sluice.connected(true);
                        pump();
                    });
                    stream.partitionsRevokedHandler(this::revoked);
                    stream.handler(this::received);
                    running = true;
                    connectionCheck = vertx.setPeriodic(CONNECTION_CHECK.toMillis(), t -> checkConnection());
                    return settings.topicPattern() == null
                            ? stream.subscribe(new HashSet<>(settings.topics()))
                            : stream.subscribe(settings.topicPattern());
                })
                .onFailure(failure -> {
                    if (stream != null) {
                        stream.close();
                    }
                })
                .onSuccess(v -> LOG.info(
                        "Source '{}' consuming {} as group '{}' from '{}' (max-inflight {}, ordered {},"
                                + " initial-offset {})",
                        name(),
                        settings.topicPattern() == null ? settings.topics() : "/" + settings.topicPattern() + "/",
                        settings.group(),
                        settings.bootstrapServers(),
                        settings.maxInflight(),
                        settings.ordered(),
                        settings.initialOffset()));
    }

    private CommittingConsumer createConsumer() {
        try {
            return new CommittingConsumer(name(), settings.consumerConfig(), settings.commitInterval());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "source '" + name() + "' cannot create its Kafka consumer: " + ClientFailures.describe(e), e);
        }
    }

    /**
     * Ready once partitions were first assigned, and then while the consumer holds a connection to a
     * broker: a broker that goes away takes the replica out of {@code /health/ready} until it
     * returns, instead of the source reporting connected while every poll comes back empty.
     */
    private void checkConnection() {
        if (!running || !assigned) {
            return;
        }
        boolean reachable = consumer.connections() > 0;
        if (reachable != brokerReachable) {
            brokerReachable = reachable;
            if (reachable) {
                LOG.info("Source '{}' is connected to Kafka again", name());
            } else {
                LOG.warn(
                        "Source '{}' has no connection to any Kafka broker at '{}'; not ready until one returns",
                        name(),
                        settings.bootstrapServers());
            }
        }
        sluice.connected(reachable);
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(connectionCheck);
        running = false;
        sluice.connected(false);
        if (stream == null) {
            return Future.succeededFuture();
        }
        consumer.saturated(true);
        flows.values().forEach(flow -> waiting -= flow.dropWaiting());
        return drain(System.nanoTime() + grace.toNanos()).compose(v -> stream.close());
    }

    /** Lets records in flight settle, so the closing commit covers them, for up to the grace period. */
    private Future<Void> drain(long deadline) {
        int settling = inflight - handoff.retrying();
        if (settling == 0 || System.nanoTime() - deadline > 0) {
            if (settling > 0) {
                LOG.warn(
                        "Source '{}' stopping with {} record(s) unsettled; they will be delivered again",
                        name(),
                        settling);
            }
            return Future.succeededFuture();
        }
        return vertx.timer(50).compose(t -> drain(deadline));
    }

    private void received(ConsumerRecord<byte[], byte[]> record) {
        if (!running) {
            return;
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionLease lease = consumer.lease(partition);
        if (lease == null || !lease.active()) {
            // Fetched before a rebalance took the partition away: its new owner reads it again.
            return;
        }
        PartitionFlow flow = flows.get(partition);
        if (flow == null || flow.lease() != lease) {
            if (flow != null) {
                retire(partition, flow);
            }
            flow = new PartitionFlow(lease);
            flows.put(partition, flow);
        }
        flow.add(record);
        waiting++;
        pump();
    }

    private void revoked(Set<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            PartitionFlow flow = flows.get(partition);
            if (flow != null && !flow.lease().active()) {
                flows.remove(partition);
                retire(partition, flow);
            }
        }
        pump();
    }

    /**
     * Forgets a flow whose lease ended: its waiting records (the next owner reads them again) and its
     * pause request, which would otherwise keep the partition paused if it came back with nothing
     * waiting. Its records in flight still settle, into the ended lease.
     */
    private void retire(TopicPartition partition, PartitionFlow flow) {
        waiting -= flow.dropWaiting();
        consumer.backlogged(partition, false);
    }

    /** Hands waiting records in, one per partition per pass, while there is room; then adjusts pauses. */
    private void pump() {
        if (!running) {
            return;
        }
        // Room is read once per pump: it only grows meanwhile (settling runs on this loop or frees
        // route slots), and reading the routes' shared counters per record costs more than the rest.
        int budget = room();
        boolean moved = true;
        while (moved && budget > 0) {
            moved = false;
            for (PartitionFlow flow : flows.values()) {
                if (budget == 0) {
                    break;
                }
                if (flow.ready(settings.ordered())) {
                    dispatch(flow, flow.next());
                    budget--;
                    moved = true;
                }
            }
        }
        publishPressure();
    }

    private int room() {
        return Math.min(settings.maxInflight() - inflight, sluice.capacity());
    }

    private void publishPressure() {
        boolean routesFull = sluice.capacity() <= 0;
        consumer.saturated(routesFull || inflight + waiting >= settings.maxInflight());
        flows.forEach((partition, flow) -> {
            if (flow.backlogChanged()) {
                consumer.backlogged(partition, flow.backlogged());
            }
        });
        if (routesFull && !awaitingCapacity) {
            awaitingCapacity = true;
            sluice.whenCapacity()
                    .onComplete(room -> context.runOnContext(v -> {
                        awaitingCapacity = false;
                        pump();
                    }));
        }
    }

    private void dispatch(PartitionFlow flow, ConsumerRecord<byte[], byte[]> record) {
        waiting--;
        inflight++;
        handoff.run(record, () -> running && flow.lease().active()).onSuccess(settled -> {
            if (settled) {
                flow.settled(record.offset());
            }
            // Otherwise left unsettled: its partition's commit position stays before it, so it comes back.
            inflight--;
            pump();
        });
    }

    /** Called on the polling thread; polling goes on, so this only reports, at most every 30 s. */
    private void pollFailed(Throwable failure) {
        long now = System.nanoTime();
        long last = lastPollWarning.get();
        if (now - last >= POLL_WARNING_INTERVAL && lastPollWarning.compareAndSet(last, now)) {
            LOG.warn("Source '{}' failed to poll Kafka; polling goes on", name(), failure);
        }
    }
}
