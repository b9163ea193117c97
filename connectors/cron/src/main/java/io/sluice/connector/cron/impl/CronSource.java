package io.sluice.connector.cron.impl;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.nats.client.Message;
import io.nats.client.api.PublishAck;
import io.sluice.connector.nats.JetStreamPullSource;
import io.sluice.connector.nats.NatsConnection;
import io.sluice.event.Event;
import io.sluice.event.EventCodec;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: cron}: fires a tick at every time its schedule names, on every replica, and
 * dispatches each tick once across them.
 *
 * <h2>Exactly one tick per scheduled time</h2>
 * Each replica arms a timer to the next scheduled time and, when it fires, publishes the tick to the
 * journal stream with the message id {@code <name>:<epoch second>}; JetStream stores the first copy
 * and acknowledges the others as duplicates within the stream's duplicate window. The source then
 * consumes the journal like any {@link JetStreamPullSource}, through a durable consumer every
 * replica shares, and acknowledges a tick only once its event settled: a replica dying mid-delivery
 * hands the tick to another once its lease lapses.
 *
 * <h2>Missed ticks</h2>
 * There is no catch-up: ticks that fell while no replica ran are not fired at start-up. A tick
 * whose timer runs more than a minute late (a stalled process, a suspended machine) is skipped with
 * a warning, and a publish the stream does not confirm is retried until a minute after the tick's
 * time, then given up; another replica may still have journaled it.
 *
 * <p>Timers, publishes and their callbacks run on this verticle's context.
 */
final class CronSource extends JetStreamPullSource {

    private static final Logger LOG = LoggerFactory.getLogger(CronSource.class);
    private static final Duration LATE_LIMIT = Duration.ofMinutes(1);
    // Timers count on the monotonic clock, ticks on the wall clock: waking at least every minute
    // re-reads the wall clock, so a clock step or a suspended machine delays a tick by a minute at most.
    private static final long MAX_TIMER_MS = 60_000;
    private static final long RETRY_MS = 2_000;

    private final CronSettings cron;
    private final Counter journaled;
    private final Counter duplicates;
    private final Counter missed;
    private final Counter lost;
    private TickJournal journal;
    private Instant due;
    private long timer = -1;
    private boolean ticking;

    CronSource(SourceContext sluice, CronSettings cron) {
        super(sluice, cron.pull());
        this.cron = cron;
        MetricRegistry metrics = sluice.components().metrics();
        String family = "sluice_cron_ticks_total";
        String source = sluice.sourceName();
        this.journaled = metrics.counter(MetricNames.name(family, "source", source, "outcome", "journaled"));
        this.duplicates = metrics.counter(MetricNames.name(family, "source", source, "outcome", "duplicate"));
        this.missed = metrics.counter(MetricNames.name(family, "source", source, "outcome", "missed"));
        this.lost = metrics.counter(MetricNames.name(family, "source", source, "outcome", "lost"));
    }

    @Override
    protected Event decode(Message message) {
        return EventCodec.decode(Buffer.buffer(message.getData()));
    }

    @Override
    public Future<?> start() {
        return NatsConnection.shared(sluice.components())
                .compose(this::openJournal)
                .compose(window -> super.start().map(window))
                .onSuccess(this::startTicking);
    }

    @Override
    public Future<?> stop() {
        ticking = false;
        vertx.cancelTimer(timer);
        return super.stop();
    }

    private Future<Duration> openJournal(NatsConnection nats) {
        journal = new TickJournal(context, nats, cron);
        return journal.open(cron.schedule().dedupeWindow(Instant.now()));
    }

    private void startTicking(Duration window) {
        ticking = true;
        planAfter(Instant.now());
        LOG.info(
                "Source '{}' ticks on {} with type '{}' (next at {}); journal stream '{}' subject '{}', durable"
                        + " '{}', duplicate window {}",
                name(),
                cron.schedule(),
                cron.eventType(),
                due,
                cron.pull().stream(),
                cron.pull().subject(),
                cron.pull().durable(),
                window);
    }

    private void planAfter(Instant after) {
        Optional<Instant> next;
        try {
            next = cron.schedule().next(after);
        } catch (RuntimeException e) {
            LOG.error(
                    "Source '{}' cannot compute the tick after {} of {}; trying again in a minute",
                    name(),
                    after,
                    cron.schedule(),
                    e);
            timer = vertx.setTimer(MAX_TIMER_MS, t -> planAfter(Instant.now()));
            return;
        }
        if (next.isEmpty()) {
            LOG.warn("Source '{}': {} names no further time; it fires no more ticks", name(), cron.schedule());
            return;
        }
        due = next.get();
        arm();
    }

    private void arm() {
        long wait = Duration.between(Instant.now(), due).toMillis();
        timer = vertx.setTimer(Math.max(1, Math.min(wait, MAX_TIMER_MS)), t -> fire());
    }

    private void fire() {
        if (!ticking) {
            return;
        }
        Instant now = Instant.now();
        if (now.isBefore(due)) {
            arm();
            return;
        }
        Instant tick = due;
        if (Duration.between(tick, now).compareTo(LATE_LIMIT) > 0) {
            missed.inc();
            LOG.warn(
                    "Source '{}' skips the tick of {}: its timer ran {} s late (the process or the machine stalled)",
                    name(),
                    tick,
                    Duration.between(tick, now).toSeconds());
        } else {
            append(TickEvents.tick(name(), cron, tick), tick.plus(LATE_LIMIT));
        }
        // After a stall, ticks older than the late limit are skipped at once instead of one by one.
        Instant oldest = now.minus(LATE_LIMIT);
        planAfter(tick.isAfter(oldest) ? tick : oldest);
    }

    private void append(Event tick, Instant giveUp) {
        if (!ticking) {
            LOG.debug("Source '{}' stopped before journaling tick '{}'", name(), tick.id());
            return;
        }
        journal.append(tick).onComplete(done -> {
            if (done.succeeded()) {
                count(tick, done.result());
            } else if (Instant.now().plusMillis(RETRY_MS).isBefore(giveUp)) {
                LOG.warn(
                        "Source '{}' could not journal tick '{}' ({}); retrying in {} ms",
                        name(),
                        tick.id(),
                        done.cause().toString(),
                        RETRY_MS);
                vertx.setTimer(RETRY_MS, t -> append(tick, giveUp));
            } else {
                lost.inc();
                LOG.error(
                        "Source '{}' gives up tick '{}': stream '{}' did not confirm it ({}); another replica may"
                                + " have journaled it",
                        name(),
                        tick.id(),
                        cron.pull().stream(),
                        done.cause().toString());
            }
        });
    }

    private void count(Event tick, PublishAck ack) {
        if (ack.isDuplicate()) {
            duplicates.inc();
            LOG.debug("Source '{}': tick '{}' was already journaled by another replica", name(), tick.id());
        } else {
            journaled.inc();
            LOG.debug("Source '{}' journaled tick '{}' at sequence {}", name(), tick.id(), ack.getSeqno());
        }
    }
}
