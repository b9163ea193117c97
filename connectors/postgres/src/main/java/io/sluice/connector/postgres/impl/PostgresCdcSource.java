package io.sluice.connector.postgres.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.config.SluiceConfig;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: postgres-cdc}: every row change of the chosen tables, read from a persistent logical
 * replication slot, one event per change, with at-least-once delivery across crashes.
 *
 * <h2>Why wal2json format 2 over pgJDBC's replication stream</h2>
 *
 * wal2json's format-version 2 writes one self-describing JSON object per change (schema, table,
 * typed column values, old identity), so a transaction of any size streams change by change and
 * needs no publication, which only a table's owner may create; format 1 would build each
 * transaction into one string (1 GB limit), and pgoutput would need a publication plus a binary
 * decoder that tracks relation messages. The stream is read with pgJDBC's {@code
 * PGReplicationStream} (the Vert.x client cannot speak the replication protocol) on a
 * single-thread worker, not with {@code pg_logical_slot_peek_changes}: peeking re-decodes from the
 * slot's start on every call and returns a large transaction whole.
 *
 * <h2>Delivery</h2>
 *
 * The slot's confirmed position moves only to the end of a transaction (or a heartbeat) whose events
 * and every event before them have settled, so after a crash the next reader starts where it must.
 * Events in flight at the crash come again, with the same id ({@code <slot>:<lsn>:<index>}): a
 * transaction cut in the middle comes again whole, because PostgreSQL replays whole transactions.
 *
 * <h2>Replicas</h2>
 *
 * Exactly one replica reads a slot: the one holding a session-level advisory lock keyed by the
 * slot's name, on its own connection. The others are standbys that try the lock every 2 s and take
 * over within seconds of the leader's session ending (the server drops a dead process's sessions at
 * once; a cut network takes its TCP keepalive settings). A standby reports itself connected: it is
 * healthy, just not reading.
 */
final class PostgresCdcSource extends Source {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCdcSource.class);
    private static final long RETRY_MS = 2000;

    private final CdcSettings settings;
    private final CdcMetrics metrics;
    private WorkerExecutor worker;
    private ControlSession control;
    private RelationCache relations;
    private SlotReader reader;
    private long retryTimer = -1;
    private long lagTimer = -1;
    private boolean busy;
    private boolean leading;
    private boolean stopping;
    private boolean announcedStandby;

    PostgresCdcSource(SourceContext sluice, CdcSettings settings) {
        super(sluice);
        this.settings = settings;
        this.metrics = new CdcMetrics(sluice.components().metrics(), sluice.sourceName(), settings.slot());
    }

    @Override
    public Future<?> start() {
        worker = vertx.createSharedWorkerExecutor("sluice-cdc-" + name(), 1);
        LOG.info(
                "Source '{}' capturing {} from slot '{}' on {} (max-inflight {}, heartbeat {} ms, status {} ms)",
                name(),
                settings.tables(),
                settings.slot(),
                settings.url(),
                settings.maxInflight(),
                settings.heartbeatInterval().toMillis(),
                settings.statusInterval().toMillis());
        // A setup problem (wal_level, rights, wal2json) fails the start; anything else is retried.
        return connect()
                .compose(v -> tryLead())
                .onSuccess(v -> {
                    retryTimer = vertx.setPeriodic(RETRY_MS, t -> retry());
                    lagTimer = vertx.setPeriodic(settings.statusInterval().toMillis(), t -> pollLag());
                })
                // A failed deployment is never stopped: release the lock and the worker here.
                .recover(failure -> stop().transform(v -> Future.failedFuture(failure)));
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        vertx.cancelTimer(retryTimer);
        vertx.cancelTimer(lagTimer);
        // Sinks keep running while sources stop: give the changes in flight the shutdown grace to
        // settle, so their positions are confirmed and they do not come again after a restart.
        return stopReading(shutdownGrace())
                .eventually(() -> control == null ? Future.succeededFuture() : control.close())
                .eventually(() -> worker.close());
    }

    private Future<Void> connect() {
        return ControlSession.connect(vertx, settings.url(), this::controlLost)
                .compose(session -> new SlotSetup(session.connection(), settings.url(), settings.slot())
                        .checkServer()
                        .onSuccess(v -> {
                            control = session;
                            relations = new RelationCache(session::columns);
                            sluice.connected(true);
                        })
                        .onFailure(e -> session.close()));
    }

    private Future<Void> tryLead() {
        return control.tryLead(settings.slot()).compose(acquired -> {
            if (!acquired) {
                if (!announcedStandby) {
                    announcedStandby = true;
                    LOG.info(
                            "Source '{}' stands by: another replica reads slot '{}'; it tries again every {} ms",
                            name(),
                            settings.slot(),
                            RETRY_MS);
                }
                return Future.succeededFuture();
            }
            LOG.info("Source '{}' leads slot '{}'", name(), settings.slot());
            leading = true;
            metrics.leading(true);
            return openReader();
        });
    }

    private Future<Void> openReader() {
        return new SlotSetup(control.connection(), settings.url(), settings.slot())
                .ensureSlot(settings.createSlot())
                .compose(confirmed -> SlotStream.open(
                                worker,
                                settings.url(),
                                settings.slot(),
                                wal2jsonOptions(),
                                settings.statusInterval(),
                                "sluice-" + name())
                        .map(stream -> {
                            reader = new SlotReader(
                                    context,
                                    sluice,
                                    settings,
                                    stream,
                                    confirmed,
                                    control,
                                    relations,
                                    metrics,
                                    this::readerFailed);
                            reader.start();
                            sluice.connected(true);
                            LOG.info(
                                    "Source '{}' streams slot '{}' from {}",
                                    name(),
                                    settings.slot(),
                                    Lsn.format(confirmed));
                            return (Void) null;
                        }))
                .recover(this::openFailed);
    }

    private Future<Void> openFailed(Throwable failure) {
        String[] server = SlotStream.serverError(failure);
        CdcSetupException explained = failure instanceof CdcSetupException
                ? (CdcSetupException) failure
                : server == null ? null : SetupErrors.explain(server[0], server[1], settings.slot(), settings.url());
        if (explained != null && !isStarted()) {
            return Future.failedFuture(explained);
        }
        // Typically the previous leader's walsender has not exited yet ("slot is active for PID");
        // the retry timer opens the stream again.
        LOG.warn(
                "Source '{}' cannot stream slot '{}': {}; retrying every {} ms",
                name(),
                settings.slot(),
                explained != null ? explained.getMessage() : failure.toString(),
                RETRY_MS);
        sluice.connected(false);
        return Future.succeededFuture();
    }

    private boolean isStarted() {
        return retryTimer >= 0;
    }

    private void readerFailed(Throwable cause) {
        LOG.warn(
                "Source '{}' stops streaming slot '{}': {}; it restarts from the confirmed position in {} ms",
                name(),
                settings.slot(),
                cause.getMessage(),
                RETRY_MS);
        sluice.connected(false);
        stopReading(Duration.ZERO);
    }

    private Future<Void> stopReading(Duration drain) {
        SlotReader current = reader;
        reader = null;
        return current == null
                ? Future.succeededFuture()
                : current.stop(drain).onFailure(e -> LOG.debug("Closing the stream of '{}' failed", name(), e));
    }

    private Duration shutdownGrace() {
        SluiceConfig config = sluice.components().config();
        return new ComponentConfig("sluice", "sluice", config.root(), "", config.origin())
                .duration("shutdown-grace", Duration.ofSeconds(10));
    }

    /** Every 2 s: reconnect a lost session, try to lead, or reopen a failed stream. */
    private void retry() {
        if (busy || stopping) {
            return;
        }
        Future<Void> step;
        if (control == null) {
            step = connect().compose(v -> tryLead());
        } else if (!leading) {
            step = tryLead();
        } else if (reader == null) {
            step = openReader();
        } else {
            return;
        }
        busy = true;
        step.onComplete(done -> {
            busy = false;
            if (done.failed()) {
                LOG.warn(
                        "Source '{}' could not reach {}: {}",
                        name(),
                        settings.url(),
                        done.cause().toString());
            }
        });
    }

    private void controlLost() {
        LOG.warn("Source '{}' lost its session with {}; it reconnects every {} ms", name(), settings.url(), RETRY_MS);
        control = null;
        leading = false;
        metrics.leading(false);
        sluice.connected(false);
        relations.clear();
        stopReading(Duration.ZERO);
    }

    private void pollLag() {
        if (control != null) {
            control.slotLag(settings.slot()).onSuccess(metrics::lag);
        }
    }

    private Map<String, String> wal2jsonOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("format-version", "2");
        options.put("include-xids", "1");
        options.put("include-timestamp", "1");
        options.put("include-lsn", "1");
        options.put("include-typmod", "0");
        options.put("include-transaction", "1");
        options.put("add-msg-prefixes", ControlSession.HEARTBEAT_PREFIX);
        settings.tables().wal2jsonTables().ifPresent(tables -> options.put("add-tables", tables));
        return options;
    }
}
