package io.sluice.connector.nats;

import io.sluice.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the test NATS that a test can cut and restore, so a fault test takes NATS
 * away from one Sluice without stopping the server other builds share. While cut it closes every
 * connection and every new one at once, as a dead peer would.
 */
public final class CuttableProxy implements AutoCloseable {

    private final String upstreamHost;
    private final int upstreamPort;
    private final NetClient client;
    private final NetServer server;
    private final List<NetSocket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    private CuttableProxy(Vertx vertx, URI upstream) {
        this.upstreamHost = upstream.getHost();
        this.upstreamPort = upstream.getPort();
        this.client = vertx.createNetClient();
        this.server = vertx.createNetServer().connectHandler(this::accept);
    }

    /** Listens on a free loopback port in front of the NATS at the URL. */
    public static CuttableProxy start(Vertx vertx, String natsUrl) {
        CuttableProxy proxy = new CuttableProxy(vertx, URI.create(natsUrl));
        Await.result(proxy.server.listen(0, "127.0.0.1"));
        return proxy;
    }

    /** The URL to give Sluice instead of the real one. */
    public String url() {
        return "nats://127.0.0.1:" + server.actualPort();
    }

    /** Closes every connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(NetSocket::close);
    }

    public void restore() {
        cut = false;
    }

    private void accept(NetSocket inbound) {
        if (cut) {
            inbound.close();
            return;
        }
        inbound.pause();
        client.connect(upstreamPort, upstreamHost).onComplete(connected -> {
            if (connected.failed() || cut) {
                inbound.close();
                return;
            }
            NetSocket upstream = connected.result();
            open.add(inbound);
            open.add(upstream);
            inbound.closeHandler(v -> {
                open.remove(inbound);
                upstream.close();
            });
            upstream.closeHandler(v -> {
                open.remove(upstream);
                inbound.close();
            });
            inbound.pipeTo(upstream);
            upstream.pipeTo(inbound);
        });
    }

    @Override
    public void close() {
        cut();
        Await.result(server.close());
        Await.result(client.close());
    }
}
