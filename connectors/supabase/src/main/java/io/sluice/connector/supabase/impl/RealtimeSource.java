package io.sluice.connector.supabase.impl;

import com.codahale.metrics.Counter;
import io.sluice.connector.supabase.SupabaseRealtime;
import io.sluice.event.Event;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: supabase-realtime}: joins one Realtime channel with {@code config.postgres_changes}
 * and emits each change as the shared change event. See the module README for what it cannot see.
 *
 * <h2>Liveness</h2>
 *
 * The source reports itself connected only between "Subscribed to PostgreSQL" and the end of that
 * channel: a join reply alone means the server has not subscribed yet. Every end is counted in
 * {@value SupabaseRealtime#ERRORS} and followed by a new session after the next {@code
 * reconnect-backoff} step (reset once subscribed). An end that retrying as-is cannot cure (a {@code
 * system} error such as an expired token, an auth refusal, a binding mismatch) is logged at ERROR
 * and retried only once the token file changes or the longest backoff has passed, so a bad token
 * never becomes a tight join loop.
 *
 * <h2>Token</h2>
 *
 * With {@code access-token-file}, the file is read at start (a missing or malformed file fails the
 * start), before every join, and every {@code heartbeat-interval}; a changed token is pushed with
 * {@code access_token}, so a rotation reaches the server before the old JWT expires.
 *
 * <h2>Delivery</h2>
 *
 * Realtime cannot be paused and acknowledges nothing, so changes are dispatched as they come; see
 * {@link DeliveryQueue} for the bounded buffer and {@link GapTracker} for what is counted as lost.
 */
final class RealtimeSource extends Source implements ChannelSession.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeSource.class);
    /** Realtime's postgres changes reach 1 MiB (payload limit) plus JSON overhead; broadcasts 3 MB. */
    private static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    private final RealtimeSettings settings;
    private final Counter joins;
    private final TokenFile tokenFile;
    private GapTracker gaps;
    private DeliveryQueue queue;
    private ChangeDecoder decoder;
    private WebSocketClient client;
    private ChannelSession session;
    private AccessToken token;
    private long tokenTimer = -1;
    private long retryTimer = -1;
    private int attempt;
    private boolean stopping;

    RealtimeSource(SourceContext sluice, RealtimeSettings settings) {
        super(sluice);
        this.settings = settings;
        this.joins = sluice.components().metrics().counter(MetricNames.name(SupabaseRealtime.JOINS, "source", name()));
        this.tokenFile = new TokenFile(settings.accessTokenFile(), name(), settings.heartbeatInterval());
    }

    @Override
    public Future<?> start() {
        gaps = new GapTracker(sluice.components().metrics(), name());
        queue = new DeliveryQueue(sluice, context, settings.maxBuffer(), gaps);
        decoder = new ChangeDecoder(settings.topic(), name());
        client = vertx.createWebSocketClient(
                new WebSocketClientOptions().setMaxFrameSize(MAX_MESSAGE_BYTES).setMaxMessageSize(MAX_MESSAGE_BYTES));
        LOG.info(
                "Source '{}' joining '{}' at {} (vsn {}, changes {}, {}, heartbeat {} ms, backoff {} ms,"
                        + " max-buffer {})",
                name(),
                settings.topic(),
                settings.url(),
                settings.framing().vsn(),
                settings.bindings(),
                tokenFile,
                settings.heartbeatInterval().toMillis(),
                settings.reconnectBackoff().stream().map(Duration::toMillis).toList(),
                settings.maxBuffer());
        return tokenFile.read(vertx).onSuccess(first -> {
            token = first;
            if (tokenFile.configured()) {
                tokenTimer = vertx.setPeriodic(settings.heartbeatInterval().toMillis(), t -> refreshToken());
            }
            connect();
        });
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        vertx.cancelTimer(tokenTimer);
        vertx.cancelTimer(retryTimer);
        sluice.connected(false);
        int lost = queue == null ? 0 : queue.discard();
        if (lost > 0) {
            LOG.warn("Source '{}' stops with {} buffered changes undelivered", name(), lost);
        }
        Future<Void> leaving = session == null ? Future.succeededFuture() : session.close();
        return leaving.eventually(() -> client == null ? Future.succeededFuture() : client.close());
    }

    private void connect() {
        retryTimer = -1;
        if (stopping) {
            return;
        }
        session = new ChannelSession(vertx, settings, name(), this);
        session.open(client, token);
    }

    @Override
    public void joining() {
        joins.inc();
        gaps.joining();
    }

    @Override
    public void joined(List<Long> ids) {
        LOG.info(
                "Source '{}' joined '{}' (subscription ids {}); waiting for 'Subscribed to PostgreSQL'",
                name(),
                settings.topic(),
                ids);
    }

    @Override
    public void subscribed() {
        attempt = 0;
        gaps.subscribed();
        sluice.connected(true);
        LOG.info("Source '{}' is subscribed: changes of {} flow", name(), settings.bindings());
    }

    @Override
    public void subscriptionFailed(String message) {
        errors("subscription_error").inc();
        LOG.error(
                "Source '{}': Realtime could not subscribe '{}' to PostgreSQL: {}; the server retries",
                name(),
                settings.topic(),
                message);
    }

    @Override
    public void change(JsonObject payload, boolean subscribed) {
        if (!subscribed) {
            gaps.changeBeforeSubscribed();
        }
        Event event;
        try {
            event = decoder.decode(payload);
        } catch (RuntimeException e) {
            // RealtimeChangeException (the server's errors) or IllegalArgumentException (not a change).
            LOG.warn("Source '{}' dead-letters a change it cannot deliver: {}", name(), e.getMessage());
            queue.deadLetter(decoder.raw(payload), e);
            return;
        }
        LOG.trace("Source '{}' received change '{}' ({})", name(), event.id(), event.subject());
        queue.offer(event);
    }

    @Override
    public void ended(Ending ending) {
        session = null;
        sluice.connected(false);
        gaps.lost();
        errors(ending.kind().label()).inc();
        if (stopping) {
            return;
        }
        if (ending.waitsForChange()) {
            Duration longest = settings.maxBackoff();
            LOG.error(
                    "Source '{}' lost channel '{}': {}; retrying when the access token changes or in {} ms",
                    name(),
                    settings.topic(),
                    ending,
                    longest.toMillis());
            waitForNewToken(token == null ? null : token.jwt(), System.nanoTime() + longest.toNanos());
            return;
        }
        Duration wait = settings.reconnectBackoff()
                .get(Math.min(attempt++, settings.reconnectBackoff().size() - 1));
        if (ending.isError()) {
            LOG.error(
                    "Source '{}' lost channel '{}': {}; rejoining in {} ms",
                    name(),
                    settings.topic(),
                    ending,
                    wait.toMillis());
        } else {
            LOG.warn(
                    "Source '{}' lost channel '{}': {}; rejoining in {} ms",
                    name(),
                    settings.topic(),
                    ending,
                    wait.toMillis());
        }
        retryTimer = vertx.setTimer(wait.toMillis(), t -> connect());
    }

    /**
     * Re-reads the token file every first backoff step; joins once it holds another token than the
     * refused one, or at the deadline either way.
     */
    private void waitForNewToken(String refused, long deadlineNanos) {
        long step = Math.min(
                settings.reconnectBackoff().get(0).toMillis(),
                settings.maxBackoff().toMillis());
        retryTimer = vertx.setTimer(
                step,
                t -> tokenFile.read(vertx).onComplete(read -> {
                    if (stopping) {
                        return;
                    }
                    if (read.failed()) {
                        LOG.warn(
                                "Source '{}' cannot re-read its access token: {}",
                                name(),
                                read.cause().getMessage());
                    }
                    if (read.succeeded()
                            && read.result() != null
                            && !read.result().jwt().equals(refused)) {
                        token = read.result();
                        LOG.info("Source '{}' read a new {}; rejoining", name(), token);
                        connect();
                    } else if (System.nanoTime() - deadlineNanos >= 0) {
                        connect();
                    } else {
                        waitForNewToken(refused, deadlineNanos);
                    }
                }));
    }

    private void refreshToken() {
        tokenFile.read(vertx).onComplete(read -> {
            if (read.failed()) {
                LOG.warn(
                        "Source '{}' keeps its access token: {}",
                        name(),
                        read.cause().getMessage());
                return;
            }
            AccessToken fresh = read.result();
            if (!fresh.jwt().equals(token.jwt())) {
                token = fresh;
                LOG.info("Source '{}' read a new {}; pushing it to '{}'", name(), fresh, settings.topic());
            } else {
                tokenFile.warnIfExpiring(fresh);
            }
            if (session != null) {
                session.useToken(token);
            }
        });
    }

    private Counter errors(String kind) {
        return sluice.components()
                .metrics()
                .counter(MetricNames.name(SupabaseRealtime.ERRORS, "source", name(), "kind", kind));
    }
}
