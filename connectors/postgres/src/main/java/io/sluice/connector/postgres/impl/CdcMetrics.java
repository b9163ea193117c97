package io.sluice.connector.postgres.impl;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.sluice.event.DatabaseChange;
import io.sluice.metrics.MetricNames;
import java.util.HashMap;
import java.util.Map;

/**
 * A CDC source's metrics: {@code sluice_cdc_slot_lag_bytes{source,slot}} (WAL the slot holds beyond
 * its confirmed position, {@code pg_current_wal_lsn() - confirmed_flush_lsn}; -1 before the first
 * reading), {@code sluice_cdc_leader{source,slot}} (1 on the replica reading the slot) and {@code
 * sluice_cdc_changes_total{source,table,action}} (changes emitted; table as {@code schema.table}).
 */
final class CdcMetrics {

    private final MetricRegistry registry;
    private final String source;
    private final Map<String, Counter> changes = new HashMap<>();
    private volatile long lagBytes = -1;
    private volatile boolean leading;

    CdcMetrics(MetricRegistry registry, String source, String slot) {
        this.registry = registry;
        this.source = source;
        registry.gauge(
                MetricNames.name("sluice_cdc_slot_lag_bytes", "source", source, "slot", slot), () -> () -> lagBytes);
        registry.gauge(
                MetricNames.name("sluice_cdc_leader", "source", source, "slot", slot), () -> () -> leading ? 1 : 0);
    }

    void lag(long bytes) {
        lagBytes = bytes;
    }

    void leading(boolean leading) {
        this.leading = leading;
    }

    /** Counts an emitted change; called from the source's event loop only. */
    void changed(String schema, String table, DatabaseChange.Action action) {
        String key = schema + "." + table + ":" + action.lowerCase();
        changes.computeIfAbsent(
                        key,
                        k -> registry.counter(MetricNames.name(
                                "sluice_cdc_changes_total",
                                "source",
                                source,
                                "table",
                                schema + "." + table,
                                "action",
                                action.lowerCase())))
                .inc();
    }
}
