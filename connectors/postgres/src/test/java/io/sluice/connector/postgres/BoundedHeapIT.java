package io.sluice.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 200,000-row transaction streams through a {@code postgres-cdc} source change by change: the
 * heap it uses stays far below what the transaction's events would take if they were held at once.
 */
class BoundedHeapIT {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedHeapIT.class);
    private static final int ROWS = 200_000;

    /**
     * Each event carries a 384-character payload and costs well over 1 kB as an event in memory, so
     * holding the transaction would take more than 200 MB.
     */
    private static final long HEAP_CEILING = 64L * 1024 * 1024;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private PgTestDb db;
    private SluiceRunner sluice;

    @BeforeEach
    void connect() throws Exception {
        db = PgTestDb.connect();
    }

    @AfterEach
    void cleanUp() throws Exception {
        sampler.shutdownNow();
        if (sluice != null) {
            sluice.close();
        }
        db.close();
    }

    private long heapAfterGc() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void twoHundredThousandRowTransactionStreamsWithinABoundedHeap() throws Exception {
        db.createTable("heap_rows", "id int PRIMARY KEY, payload text");
        db.ownSlot("it_heap");
        sluice = SluiceRunner.start(
                "heap",
                "sources: [{name: heap, type: postgres-cdc, url: '" + PgTestDb.url() + "', slot: it_heap,"
                        + " tables: heap_rows, max-inflight: 500}]\n"
                        + "sinks: [{name: heap-out, type: counting}]\n"
                        + "routes: [{name: heap-route, from: heap, to: heap-out}]\n");
        long baseline = heapAfterGc();
        AtomicLong peak = new AtomicLong(baseline);
        sampler.scheduleWithFixedDelay(
                () -> peak.accumulateAndGet(heapAfterGc(), Math::max), 0, 500, TimeUnit.MILLISECONDS);

        db.execute("INSERT INTO heap_rows SELECT g, repeat(md5(g::text), 12) FROM generate_series(1, " + ROWS + ") g");

        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> CountingSinkFactory.count("heap-out") == ROWS);
        LOG.info("Peak heap after GC grew by {} kB while {} changes streamed", (peak.get() - baseline) / 1024, ROWS);
        assertThat(peak.get() - baseline).isLessThan(HEAP_CEILING);
    }
}
