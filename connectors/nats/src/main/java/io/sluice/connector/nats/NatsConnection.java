package io.sluice.connector.nats;

import com.codahale.metrics.Counter;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.sluice.config.ComponentConfig;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.ComponentContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NATS connection every JetStream-backed component of one Sluice shares, configured by the
 * top-level {@code nats} section. jnats reconnects by itself; listeners hear of every change so
 * sources can report readiness.
 *
 * <p>jnats calls block; components call them through {@code vertx.executeBlocking} and hop back
 * onto their own context.
 */
public final class NatsConnection implements ComponentContext.SharedResource {

    private static final Logger LOG = LoggerFactory.getLogger(NatsConnection.class);
    private static final String KEY = "nats-connection";

    private final Vertx vertx;
    private final Connection connection;
    private final List<Consumer<Boolean>> listeners;

    private NatsConnection(Vertx vertx, Connection connection, List<Consumer<Boolean>> listeners) {
        this.vertx = vertx;
        this.connection = connection;
        this.listeners = listeners;
    }

    /** The shared connection, opened on first use. */
    public static Future<NatsConnection> shared(ComponentContext context) {
        return context.shared(KEY, NatsConnection::open);
    }

    private static Future<NatsConnection> open(ComponentContext context) {
        ComponentConfig nats = context.config().section("nats");
        String url = nats.string("url", "nats://127.0.0.1:4222");
        Counter reconnects = context.metrics().counter(MetricNames.name("queue_worker_nats_reconnect_total"));
        List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
        Options.Builder options = new Options.Builder()
                .servers(url.split(","))
                .connectionName(nats.string("connection-name", "sluice"))
                .reconnectWait(nats.positiveDuration("reconnect-wait", Duration.ofSeconds(2)))
                .maxReconnects(nats.integer("max-reconnects", -1, -1, Integer.MAX_VALUE))
                .connectionListener((conn, event) -> {
                    if (event == ConnectionListener.Events.RECONNECTED) {
                        reconnects.inc();
                    }
                    if (event == ConnectionListener.Events.DISCONNECTED) {
                        LOG.warn("Disconnected from NATS at '{}'; jnats reconnects on its own", url);
                    }
                    boolean up = conn.getStatus() == Connection.Status.CONNECTED;
                    listeners.forEach(listener -> listener.accept(up));
                })
                .errorListener(new LoggingErrorListener());
        if (nats.has("token")) {
            options.token(nats.string("token", "").toCharArray());
        }
        if (nats.has("user")) {
            options.userInfo(nats.string("user", ""), nats.string("password", ""));
        }
        Options built = options.build();
        return context.vertx()
                .executeBlocking(() -> Nats.connect(built))
                .recover(e -> Future.failedFuture(
                        new IOException("cannot connect to NATS at '" + url + "' (nats.url): " + e.getMessage(), e)))
                .map(conn -> {
                    LOG.info(
                            "Connected to NATS at '{}' (server {})",
                            url,
                            conn.getServerInfo().getVersion());
                    return new NatsConnection(context.vertx(), conn, listeners);
                });
    }

    /** The jnats connection; its calls may block. */
    public Connection connection() {
        return connection;
    }

    /** Whether the connection is up right now. */
    public boolean connected() {
        return connection.getStatus() == Connection.Status.CONNECTED;
    }

    /** Hears of every change of connectedness, on a jnats thread. */
    public void onConnectedChange(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    /** A JetStream context. */
    public JetStream jetStream() throws IOException {
        return connection.jetStream();
    }

    /** A JetStream management context. */
    public JetStreamManagement management() throws IOException {
        return connection.jetStreamManagement();
    }

    @Override
    public Future<Void> close() {
        return vertx.executeBlocking(() -> {
            connection.close();
            return null;
        });
    }
}
