package io.sluice.app.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.sluice.app.replicas.FunctionGateway.Invocation;
import io.sluice.testing.Await;
import io.sluice.testing.TestServices;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two {@code sluice run} processes from the packaged jar with the same {@code postgres-cdc} slot:
 * one leads, the other stands by; when the leader is killed with SIGKILL while rows keep being
 * inserted, the standby takes the slot over within seconds and every row reaches the function at
 * least once, a repeated row with the same event id.
 */
class CdcReplicaProcessesIT {

    private static final Logger LOG = LoggerFactory.getLogger(CdcReplicaProcessesIT.class);
    private static final String SLOT = "it_replica_processes";
    private static final String TABLE = "replica_process_rows";
    private static final Duration INSERT_EVERY = Duration.ofMillis(20);

    private static final String CONFIG = """
            http:
              port: ${SLUICE_HTTP_PORT}
              host: 127.0.0.1
            admin:
              port: ${SLUICE_ADMIN_PORT}
              host: 127.0.0.1
            nats:
              url: ${NATS_URL}
            dead-letter:
              type: jetstream
              stream: %1$s
              subject: %1$s
            sources:
              - name: rows
                type: postgres-cdc
                url: ${TEST_PG_URL}
                slot: %2$s
                tables: %3$s:insert
                status-interval: 500ms
            sinks:
              - name: on-row
                type: openfaas-function
                function: on-row
                gateway-url: ${GATEWAY_URL}
                concurrency: 8
                max-retry-attempts: 2
                initial-retry-wait: 100ms
            routes:
              - {name: rows-to-function, from: [rows], to: [on-row]}
            """;

    @RegisterExtension
    final SluiceProcesses processes = new SluiceProcesses();

    private final ScheduledExecutorService inserter = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger lastInserted = new AtomicInteger();
    private ScheduledFuture<?> inserting;
    private Vertx vertx;
    private FunctionGateway gateway;
    private Connection db;
    private io.nats.client.Connection nats;
    private String deadLetters;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        // Slow enough that the leader is killed with calls in flight: a slot confirmed past events
        // that had not settled would lose their rows.
        gateway = new FunctionGateway(vertx, Duration.ofMillis(100));
        nats = Nats.connect(TestServices.natsUrl());
        db = connect(TestServices.postgresUrl());
        dropSlot();
        execute("DROP TABLE IF EXISTS " + TABLE, "CREATE TABLE " + TABLE + " (id int PRIMARY KEY)");
        deadLetters = "it-replicas-cdc-" + UUID.randomUUID().toString().substring(0, 8);
        // One configuration for both replicas; each process's environment gives its ports and gateway.
        config = processes.write("sluice.yaml", CONFIG.formatted(deadLetters, SLOT, TABLE));
    }

    @AfterEach
    void tearDown() throws Exception {
        inserter.shutdownNow();
        processes.killAll();
        if (db != null) {
            // A slot left behind holds WAL back on the shared server until someone drops it.
            dropSlot();
            execute("DROP TABLE IF EXISTS " + TABLE);
            db.close();
        }
        gateway.close();
        Await.result(vertx.close());
        if (nats != null) {
            deleteStream(nats.jetStreamManagement(), deadLetters);
            nats.close();
        }
    }

    @Test
    void standbyProcessTakesTheSlotOverWhenTheLeaderIsKilledAndNoRowIsLost() throws Exception {
        SluiceProcess a = start("a");
        SluiceProcess b = start("b");
        a.awaitReady(Duration.ofSeconds(30));
        b.awaitReady(Duration.ofSeconds(30));
        await("one leader and its slot")
                .atMost(Duration.ofSeconds(20))
                .until(() -> leading(a) + leading(b) == 1 && slotExists());
        SluiceProcess leader = leading(a) == 1 ? a : b;
        SluiceProcess standby = leader == a ? b : a;
        inserting = inserter.scheduleAtFixedRate(this::insertNext, 0, INSERT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> gateway.answered().size() >= 50 && gateway.running(leader.name()) > 0);

        long killedAt = System.nanoTime();
        int lastBeforeKill = lastInserted.get();
        leader.kill();
        await("the standby delivering")
                .atMost(Duration.ofSeconds(20))
                .until(() -> !gateway.invocationsBy(standby.name()).isEmpty());
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        int lastAtTakeover = lastInserted.get();
        await("more rows after the takeover")
                .atMost(Duration.ofSeconds(10))
                .until(() -> lastInserted.get() >= lastAtTakeover + 50);
        int last = stopInserting();
        await("every row delivered")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(rows(gateway.answered())).containsAll(rows(last)));

        LOG.info(
                "Leader '{}' killed after row {} of {}; standby '{}' delivered {} ms after the kill;"
                        + " {} deliveries repeated a row",
                leader.name(),
                lastBeforeKill,
                last,
                standby.name(),
                takeover.toMillis(),
                gateway.invocations().size() - last);
        assertThat(leader.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(takeover).as("time to take the slot over").isLessThan(Duration.ofSeconds(10));
        assertThat(standby.metric("sluice_cdc_leader")).isEqualTo(1);
        assertThat(rows(gateway.answered()))
                .as("every inserted row, and only those")
                .containsExactlyInAnyOrderElementsOf(rows(last));
        assertThat(eventIdsByRow().values())
                .as("a row delivered again carries the same event id")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(gateway.invocationsBy(standby.name()))
                .as("the standby read nothing while the leader lived")
                .allSatisfy(invocation -> assertThat(invocation.atNanos()).isGreaterThan(killedAt));
        assertThat(nats.jetStreamManagement()
                        .getStreamInfo(deadLetters)
                        .getStreamState()
                        .getMsgCount())
                .as("dead letters")
                .isZero();
    }

    private SluiceProcess start(String replica) throws IOException {
        return processes.start(
                replica,
                config,
                Map.of(
                        "NATS_URL", TestServices.natsUrl(),
                        "TEST_PG_URL", TestServices.postgresUrl(),
                        "GATEWAY_URL", gateway.listen(replica)));
    }

    private static int leading(SluiceProcess replica) throws IOException, InterruptedException {
        return (int) replica.metric("sluice_cdc_leader");
    }

    private void insertNext() {
        int row = lastInserted.get() + 1;
        try {
            execute("INSERT INTO " + TABLE + " VALUES (" + row + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("inserting row " + row + " failed", e);
        }
        lastInserted.set(row);
    }

    /** Stops inserting and returns the last row inserted; fails with the insert's failure if one failed. */
    private int stopInserting() throws InterruptedException {
        if (inserting.isDone()) {
            try {
                inserting.get();
            } catch (ExecutionException e) {
                throw new AssertionError("the inserts stopped early", e.getCause());
            }
        }
        inserting.cancel(false);
        inserter.shutdown();
        assertThat(inserter.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        return lastInserted.get();
    }

    /** The event ids each row reached the function with, by row id. */
    private Map<Integer, Set<String>> eventIdsByRow() {
        return gateway.invocations().stream()
                .collect(Collectors.groupingBy(
                        CdcReplicaProcessesIT::row, Collectors.mapping(Invocation::callId, Collectors.toSet())));
    }

    private static Set<Integer> rows(List<Invocation> invocations) {
        return invocations.stream().map(CdcReplicaProcessesIT::row).collect(Collectors.toSet());
    }

    /** The row id in the Supabase Database Webhook body the function receives. */
    private static int row(Invocation invocation) {
        return invocation.body().toJsonObject().getJsonObject("record").getInteger("id");
    }

    private static Set<Integer> rows(int last) {
        return IntStream.rangeClosed(1, last).boxed().collect(Collectors.toSet());
    }

    private boolean slotExists() throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT 1 FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'")) {
            return rows.next();
        }
    }

    /** Drops the slot, waiting for a killed reader's walsender to let go of it. */
    private void dropSlot() {
        await("slot " + SLOT + " dropped")
                .atMost(Duration.ofSeconds(15))
                .ignoreExceptions()
                .until(() -> {
                    execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                            + " WHERE slot_name = '" + SLOT + "'");
                    return true;
                });
    }

    private synchronized void execute(String... statements) throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A JDBC session from a {@code postgresql://user[:password]@host[:port]/database} URL. */
    private static Connection connect(String url) throws SQLException {
        URI uri = URI.create(url);
        Properties properties = new Properties();
        if (uri.getUserInfo() != null) {
            String[] credentials = uri.getUserInfo().split(":", 2);
            properties.setProperty("user", credentials[0]);
            if (credentials.length == 2) {
                properties.setProperty("password", credentials[1]);
            }
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return DriverManager.getConnection(
                "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath(), properties);
    }

    private static void deleteStream(JetStreamManagement jsm, String stream) throws IOException {
        try {
            jsm.deleteStream(stream);
        } catch (JetStreamApiException ignored) {
            // not created: the test failed before its processes started
        }
    }
}
