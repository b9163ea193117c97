package io.sluice.connector.postgres.impl;

import io.sluice.event.DatabaseChange;
import io.sluice.event.Event;
import io.sluice.pipeline.Outcome;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's read loop over one replication stream: reads a bounded batch of records ahead,
 * hands them on only while the routes and {@code max-inflight} have room, and reads the next batch
 * only when this one is handed on, so a full route stops the reading. It turns each row change into
 * an event and confirms the slot as far as the {@link SettlementLedger} allows.
 *
 * <p>It ends at the first failure it cannot absorb (the stream broke, an event could neither be
 * delivered nor dead-lettered) and reports it; the source then opens a new stream, which starts
 * again at the slot's confirmed position, so the events that were not settled come again.
 *
 * <p>Runs on the source's event loop.
 */
final class SlotReader implements ChangeDecoder.Output {

    private static final Logger LOG = LoggerFactory.getLogger(SlotReader.class);
    /** Records read ahead of the routes' room at most; what bounds memory beyond max-inflight. */
    private static final int MAX_BATCH = 256;

    private static final long MIN_IDLE_MS = 2;
    private static final long MAX_IDLE_MS = 50;

    private final Context context;
    private final SourceContext sluice;
    private final CdcSettings settings;
    private final SlotStream stream;
    private final ControlSession control;
    private final ChangeDecoder decoder;
    private final CdcMetrics metrics;
    private final Consumer<Throwable> onFailure;
    private final SettlementLedger ledger;
    private final ArrayDeque<byte[]> buffered = new ArrayDeque<>();
    private Promise<Void> room;
    private long idleMs = MIN_IDLE_MS;
    private long statusTimer = -1;
    private long heartbeatTimer = -1;
    private boolean running;

    SlotReader(
            Context context,
            SourceContext sluice,
            CdcSettings settings,
            SlotStream stream,
            long confirmed,
            ControlSession control,
            RelationCache relations,
            CdcMetrics metrics,
            Consumer<Throwable> onFailure) {
        this.context = context;
        this.sluice = sluice;
        this.settings = settings;
        this.stream = stream;
        this.control = control;
        this.decoder = new ChangeDecoder(sluice.sourceName(), settings.slot(), settings.tables(), relations, this);
        this.metrics = metrics;
        this.onFailure = onFailure;
        this.ledger = new SettlementLedger(confirmed);
    }

    /** Starts reading, confirming and, when configured, writing heartbeats. */
    void start() {
        running = true;
        statusTimer = context.owner().setPeriodic(settings.statusInterval().toMillis(), t -> sendStatus());
        if (!settings.heartbeatInterval().isZero()) {
            heartbeatTimer =
                    context.owner().setPeriodic(settings.heartbeatInterval().toMillis(), t -> heartbeat());
        }
        readMore();
    }

    /**
     * Stops reading; lets the events in flight settle for up to {@code drain} so their positions can
     * be confirmed, then confirms what has settled and closes the stream.
     */
    Future<Void> stop(Duration drain) {
        if (!running) {
            return Future.succeededFuture();
        }
        running = false;
        context.owner().cancelTimer(heartbeatTimer);
        wakeUp();
        return drained(System.nanoTime() + drain.toNanos()).compose(v -> {
            context.owner().cancelTimer(statusTimer);
            if (ledger.unsettled() > 0) {
                LOG.info(
                        "Source '{}' closes slot '{}' with {} change(s) unsettled; they come again on restart",
                        sluice.sourceName(),
                        settings.slot(),
                        ledger.unsettled());
            }
            return stream.close(ledger.confirmable());
        });
    }

    private Future<Void> drained(long deadline) {
        if (ledger.unsettled() == 0 || System.nanoTime() >= deadline) {
            return Future.succeededFuture();
        }
        return context.owner().timer(50).compose(t -> drained(deadline));
    }

    /** The position confirmed so far. */
    long confirmed() {
        return ledger.confirmable();
    }

    private void readMore() {
        if (!running) {
            return;
        }
        if (buffered.isEmpty()) {
            stream.poll(MAX_BATCH, ledger.confirmable()).onComplete(this::afterPoll);
            return;
        }
        int free = Math.min(settings.maxInflight() - ledger.unsettled(), sluice.capacity());
        if (free <= 0) {
            waitForRoom().onComplete(v -> context.runOnContext(x -> readMore()));
            return;
        }
        List<byte[]> next = new ArrayList<>(Math.min(free, buffered.size()));
        while (next.size() < free && !buffered.isEmpty()) {
            next.add(buffered.poll());
        }
        handleAll(next, 0).onComplete(done -> {
            if (done.failed()) {
                fail(done.cause());
            } else {
                readMore();
            }
        });
    }

    private void afterPoll(AsyncResult<List<byte[]>> polled) {
        if (polled.failed()) {
            fail(polled.cause());
            return;
        }
        if (!polled.result().isEmpty()) {
            buffered.addAll(polled.result());
            idleMs = MIN_IDLE_MS;
            readMore();
        } else {
            // Nothing on the socket: poll again soon, less often the longer the stream stays quiet.
            context.owner().setTimer(idleMs, t -> readMore());
            idleMs = Math.min(MAX_IDLE_MS, idleMs * 2);
        }
    }

    private Future<Void> waitForRoom() {
        if (ledger.unsettled() >= settings.maxInflight()) {
            room = Promise.promise();
            return room.future();
        }
        return sluice.whenCapacity();
    }

    private void wakeUp() {
        Promise<Void> waiting = room;
        if (waiting != null) {
            room = null;
            waiting.tryComplete();
        }
    }

    private Future<Void> handleAll(List<byte[]> records, int from) {
        for (int i = from; i < records.size() && running; i++) {
            Future<Void> handled = decoder.accept(records.get(i));
            if (!handled.isComplete() || handled.failed()) {
                int next = i + 1;
                return handled.compose(v -> handleAll(records, next));
            }
        }
        return Future.succeededFuture();
    }

    @Override
    public void change(DatabaseChange change, String id) {
        long ticket = ledger.track();
        metrics.changed(change.schema(), change.table(), change.action());
        Event event = change.toEvent("/sources/" + sluice.sourceName(), id);
        LOG.trace("Source '{}' dispatches '{}'", sluice.sourceName(), event.id());
        sluice.dispatch(event).onComplete(done -> context.runOnContext(v -> settled(ticket, event.id(), done)));
    }

    private void settled(long ticket, String eventId, AsyncResult<?> done) {
        if (done.succeeded()) {
            ledger.settle(ticket);
            wakeUp();
        } else if (running) {
            fail(new IllegalStateException(
                    "event '" + eventId + "' did not settle: " + done.cause().getMessage(), done.cause()));
        }
    }

    @Override
    public void position(long lsn) {
        ledger.mark(lsn);
    }

    @Override
    public void undecodable(byte[] bytes, IllegalArgumentException cause) {
        long ticket = ledger.track();
        Event raw = Event.builder()
                .source("/sources/" + sluice.sourceName())
                .type("io.sluice.undecodable")
                .subject(settings.slot())
                .dataContentType("application/octet-stream")
                .data(bytes)
                .build();
        LOG.warn(
                "Source '{}' cannot decode a wal2json record: {}; dead-lettering it",
                sluice.sourceName(),
                cause.getMessage());
        sluice.deadLetter(raw, cause)
                .map(Outcome.DEAD_LETTERED)
                .onComplete(done -> context.runOnContext(v -> settled(ticket, raw.id(), done)));
    }

    private void sendStatus() {
        stream.confirm(ledger.confirmable()).onFailure(this::fail);
    }

    private void heartbeat() {
        if (System.nanoTime() - ledger.advancedAtNanos()
                < settings.heartbeatInterval().toNanos() / 2) {
            // The slot moved recently on its own: changes or other transactions are flowing.
            return;
        }
        control.heartbeat(settings.slot())
                .onFailure(e -> LOG.warn(
                        "Source '{}' could not write a heartbeat for slot '{}': {}",
                        sluice.sourceName(),
                        settings.slot(),
                        e.toString()));
    }

    private void fail(Throwable cause) {
        if (running) {
            onFailure.accept(cause);
        }
    }
}
