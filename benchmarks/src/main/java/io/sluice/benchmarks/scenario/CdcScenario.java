package io.sluice.benchmarks.scenario;

import io.sluice.benchmarks.Figure;
import io.sluice.benchmarks.Latency;
import io.sluice.benchmarks.Scenario;
import io.sluice.benchmarks.ScenarioContext;
import io.sluice.benchmarks.ScenarioResult;
import io.sluice.benchmarks.report.Chart;
import io.sluice.benchmarks.report.LatencyChart;
import io.sluice.benchmarks.sink.NoopSink;
import io.sluice.benchmarks.sink.NoopSinkFactory;
import io.sluice.benchmarks.support.Counts;
import io.sluice.benchmarks.support.InProcessSluice;
import io.sluice.benchmarks.support.JetStreamFixture;
import io.sluice.benchmarks.support.PgFixture;
import io.sluice.benchmarks.support.RawSlotReader;
import io.sluice.benchmarks.support.Waits;
import io.sluice.runtime.Sluice;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * {@code cdc}: rows inserted at fixed rates (one per transaction) into a fresh table, read back
 * through a wal2json slot by Sluice's {@code postgres-cdc} source into a no-op sink, against a raw
 * pgjdbc loop over a slot of its own; latency is insert time (a {@code sent_at} column) to arrival.
 */
public final class CdcScenario implements Scenario {

    private ScenarioContext context;

    @Override
    public String name() {
        return "cdc";
    }

    @Override
    public String description() {
        return "Rows inserted at fixed rates (one transaction each) and read through a wal2json logical slot:"
                + " Sluice's `postgres-cdc` source routing to a no-op sink, against a raw pgjdbc `readPending()`"
                + " loop on its own slot. Latency = arrival − the row's `sent_at` (same clock); p50/p99/p99.9 per"
                + " rate.";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        this.context = context;
        List<Integer> rates = context.smoke() ? List.of(100) : List.of(200, 1_000);
        int seconds = context.count("seconds", 2, 10);
        String url =
                Optional.ofNullable(System.getenv("TEST_PG_URL")).orElse("postgresql://postgres@127.0.0.1:5432/sluice");
        List<Figure> figures = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (PgFixture postgres = new PgFixture(url);
                JetStreamFixture jetStream = new JetStreamFixture(context.natsUrl())) {
            String table = "bench_cdc_" + token();
            postgres.createTable(table);
            for (int rate : rates) {
                Phase raw = raw(postgres, table, rate, seconds);
                Phase sluice = sluice(postgres, jetStream, table, rate, seconds);
                figures.add(figure(rate, raw, sluice));
                Map<String, Histogram> latencies = new LinkedHashMap<>();
                latencies.put("Sluice", sluice.ageMicros());
                latencies.put("raw slot read", raw.ageMicros());
                charts.add(LatencyChart.of(
                        "cdc-latency-" + rate + ".svg",
                        String.format(Locale.ROOT, "cdc: insert → arrival at %,d rows/s", rate),
                        latencies));
                notes.add(String.format(
                        Locale.ROOT,
                        "%,d rows/s for %d s: inserted %,d (raw phase) and %,d (Sluice phase); all read back.",
                        rate,
                        seconds,
                        raw.inserted(),
                        sluice.inserted()));
            }
        }
        notes.add("Sluice: postgres-cdc (status-interval 1s, heartbeats off, max-inflight 1000) → no-op sink reading"
                + " the age from /record/sent_at. Raw: pgjdbc PGReplicationStream, wal2json format-version 2,"
                + " add-tables, 1 ms pause when nothing is pending. Each phase has its own slot, dropped after.");
        return new ScenarioResult(name(), figures, charts, notes);
    }

    private Phase raw(PgFixture postgres, String table, int rate, int seconds) throws Exception {
        String slot = "bench_raw_" + token();
        postgres.createSlot(slot);
        try (RawSlotReader reader = new RawSlotReader(postgres, slot, table)) {
            context.progress("raw slot read: inserting {} rows/s for {} s", rate, seconds);
            int inserted = postgres.insertAtRate(table, rate, seconds);
            Counts.await(reader::inserts, inserted, "the raw slot reader", Duration.ofSeconds(60));
            return new Phase(inserted, reader.ageMicros());
        } finally {
            postgres.dropSlot(slot);
        }
    }

    private Phase sluice(PgFixture postgres, JetStreamFixture jetStream, String table, int rate, int seconds)
            throws Exception {
        String slot = "bench_sluice_" + token();
        String deadLetters = context.unique("dlq");
        jetStream.deleteOnClose(deadLetters);
        // The slot exists before Sluice starts, so no insert can precede it whatever the source's
        // leader election takes.
        postgres.createSlot(slot);
        Vertx vertx = Vertx.vertx();
        try {
            Sluice sluice = InProcessSluice.start(vertx, "cdc", config(postgres, slot, table, deadLetters));
            NoopSink sink = NoopSinkFactory.sink("drop");
            context.progress("sluice: inserting {} rows/s for {} s", rate, seconds);
            int inserted = postgres.insertAtRate(table, rate, seconds);
            Counts.await(sink::delivered, inserted, "Sluice's no-op sink", Duration.ofSeconds(60));
            Waits.await(sluice.stop(), "Sluice to stop");
            return new Phase(inserted, sink.ageMicros());
        } finally {
            Waits.await(vertx.close(), "Sluice's Vert.x to close");
            postgres.dropSlot(slot);
        }
    }

    private String config(PgFixture postgres, String slot, String table, String deadLetters) {
        return InProcessSluice.head(context.natsUrl(), deadLetters)
                + String.join(
                        "\n",
                        "sources:",
                        "  - {name: changes, type: postgres-cdc, url: '" + postgres.postgresUrl() + "', slot: " + slot
                                + ", tables: ['public." + table + ":insert'], create-slot: false,"
                                + " heartbeat-interval: 0s, status-interval: 1s, max-inflight: 1000}",
                        "sinks:",
                        "  - {name: drop, type: noop, concurrency: 256, age-field: /record/sent_at}",
                        "routes:",
                        "  - {name: rows, from: [changes], to: [drop], max-inflight: 1000}",
                        "");
    }

    private Figure figure(int rate, Phase raw, Phase sluice) {
        Latency sluiceLatency = Latency.ofMicros(sluice.ageMicros());
        Latency rawLatency = Latency.ofMicros(raw.ageMicros());
        return new Figure(
                name(),
                String.format(Locale.ROOT, "p99 insert → arrival at %,d rows/s", rate),
                "ms",
                sluiceLatency.p99(),
                rawLatency.p99(),
                "info (no target in issue 7)",
                Figure.Verdict.INFO,
                sluiceLatency,
                rawLatency);
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** One fixed-rate phase: rows inserted and each one's age on arrival. */
    private record Phase(int inserted, Histogram ageMicros) {}
}
