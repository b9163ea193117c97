package io.sluice.connector.supabase.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket and the one channel joined on it, from the handshake until it ends; every retry is
 * a new session, so each one joins with the full {@code config.postgres_changes} (a client that
 * rejoined without it was reported never to receive changes again).
 *
 * <p>It follows Realtime's Phoenix protocol: {@code phx_join} with the bindings, a reply that must
 * echo them, then the {@code system} push "Subscribed to PostgreSQL" before changes flow; a
 * heartbeat on {@code phoenix} every {@code heartbeat-interval}, one still unanswered at the next
 * tick ending the socket as realtime-js does; {@code access_token} pushes when the token changes.
 * It ends exactly once, telling the {@link Listener} why.
 *
 * <p>Runs on the source's event loop only.
 */
final class ChannelSession {

    /** What the source learns from a session. */
    interface Listener {
        /** A {@code phx_join} is being sent. */
        void joining();

        /** The join reply echoed the bindings; the ids are the server's, in binding order. */
        void joined(List<Long> ids);

        /** "Subscribed to PostgreSQL": changes flow from now on. */
        void subscribed();

        /** A {@code postgres_changes} system error; the channel stays open while the server retries. */
        void subscriptionFailed(String message);

        /** A {@code postgres_changes} push; {@code subscribed} tells whether "Subscribed" came before it. */
        void change(JsonObject payload, boolean subscribed);

        /** The session is over and its socket closing; called once. */
        void ended(Ending ending);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChannelSession.class);

    private final Vertx vertx;
    private final RealtimeSettings settings;
    private final String source;
    private final Listener listener;
    private WebSocket socket;
    private long nextRef = 1;
    private String joinRef;
    private String pendingHeartbeat;
    private long heartbeatTimer = -1;
    private long joinTimer = -1;
    private AccessToken latestToken;
    private String sentToken;
    private boolean joined;
    private boolean subscribed;
    private boolean ended;

    ChannelSession(Vertx vertx, RealtimeSettings settings, String source, Listener listener) {
        this.vertx = vertx;
        this.settings = settings;
        this.source = source;
        this.listener = listener;
    }

    /** Connects and joins with the token ({@code null}: the apikey's claims apply). */
    void open(WebSocketClient client, AccessToken token) {
        latestToken = token;
        // One deadline for the handshake and the join reply, so a server that accepts the TCP
        // connection and then says nothing cannot hold the session forever.
        joinTimer = vertx.setTimer(
                settings.joinTimeout().toMillis(),
                t -> end(new Ending(
                        Ending.Kind.JOIN_TIMEOUT,
                        "no join reply within " + settings.joinTimeout().toMillis() + " ms")));
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(settings.socketUri())
                .setConnectTimeout(settings.joinTimeout().toMillis());
        client.connect(options).onComplete(connected -> {
            if (connected.failed()) {
                end(handshakeFailure(connected.cause()));
            } else if (ended) {
                connected.result().close();
            } else {
                attach(connected.result());
                join();
                heartbeatTimer = vertx.setPeriodic(settings.heartbeatInterval().toMillis(), t -> heartbeat());
            }
        });
    }

    /** Pushes the token to the joined channel when it differs from the one the server has. */
    void useToken(AccessToken token) {
        latestToken = token;
        if (joined && !ended && token != null && !token.jwt().equals(sentToken)) {
            sentToken = token.jwt();
            send(new PhoenixMessage(
                    joinRef, ref(), settings.topic(), "access_token", new JsonObject().put("access_token", sentToken)));
        }
    }

    /** Leaves the channel and closes the socket, without telling the listener; for stopping. */
    Future<Void> close() {
        if (ended) {
            return Future.succeededFuture();
        }
        ended = true;
        cancelTimers();
        if (socket == null) {
            return Future.succeededFuture();
        }
        if (joined) {
            send(new PhoenixMessage(joinRef, ref(), settings.topic(), "phx_leave", new JsonObject()));
        }
        return socket.close();
    }

    private void attach(WebSocket webSocket) {
        socket = webSocket;
        webSocket.textMessageHandler(this::receive);
        webSocket.binaryMessageHandler(this::ignoreBinary);
        webSocket.exceptionHandler(e -> end(new Ending(Ending.Kind.DROPPED, "socket failed: " + e)));
        webSocket.closeHandler(v -> end(new Ending(
                Ending.Kind.DROPPED,
                "socket closed (code " + webSocket.closeStatusCode() + ", " + webSocket.closeReason() + ")")));
    }

    private void join() {
        joinRef = ref();
        JsonArray changes = new JsonArray();
        settings.bindings().forEach(binding -> changes.add(binding.toJson()));
        JsonObject config = new JsonObject()
                .put("broadcast", new JsonObject().put("ack", false).put("self", false))
                .put("presence", new JsonObject().put("enabled", false).put("key", ""))
                .put("postgres_changes", changes)
                .put("private", false);
        JsonObject payload = new JsonObject().put("config", config);
        if (latestToken != null) {
            sentToken = latestToken.jwt();
            payload.put("access_token", sentToken);
        }
        listener.joining();
        send(new PhoenixMessage(joinRef, joinRef, settings.topic(), "phx_join", payload));
    }

    private void heartbeat() {
        if (pendingHeartbeat != null) {
            end(new Ending(
                    Ending.Kind.HEARTBEAT_TIMEOUT,
                    "heartbeat " + pendingHeartbeat + " unanswered after "
                            + settings.heartbeatInterval().toMillis() + " ms"));
            return;
        }
        pendingHeartbeat = ref();
        send(new PhoenixMessage(null, pendingHeartbeat, PhoenixMessage.PHOENIX, "heartbeat", new JsonObject()));
    }

    private void receive(String frame) {
        if (ended) {
            return;
        }
        PhoenixMessage message;
        try {
            message = settings.framing().decode(frame);
        } catch (IllegalArgumentException e) {
            LOG.warn("Source '{}' ignores a frame it cannot read: {}", source, e.getMessage());
            return;
        }
        if (message.topic().equals(PhoenixMessage.PHOENIX)) {
            if (message.repliesTo(PhoenixMessage.PHOENIX, pendingHeartbeat)) {
                pendingHeartbeat = null;
            }
        } else if (message.topic().equals(settings.topic())) {
            onChannelMessage(message);
        } else {
            LOG.debug("Source '{}' ignores '{}' on topic '{}'", source, message.event(), message.topic());
        }
    }

    private void onChannelMessage(PhoenixMessage message) {
        switch (message.event()) {
            case "phx_reply" -> onReply(message);
            case "system" -> onSystem(message.payload());
            case "postgres_changes" -> onChange(message.payload());
            case "phx_close" -> end(new Ending(Ending.Kind.CHANNEL_CLOSED, "the server closed the channel"));
            case "phx_error" ->
                end(new Ending(
                        Ending.Kind.CHANNEL_CRASHED,
                        "phx_error " + message.payload().getValue("reason", "")));
            default -> LOG.trace("Source '{}' ignores '{}' on '{}'", source, message.event(), message.topic());
        }
    }

    private void onReply(PhoenixMessage reply) {
        if (!reply.repliesTo(settings.topic(), joinRef) || joined) {
            LOG.debug("Source '{}' got reply {} with status '{}'", source, reply.ref(), reply.status());
            return;
        }
        vertx.cancelTimer(joinTimer);
        List<Long> ids;
        try {
            ids = JoinReply.ids(settings.bindings(), reply);
        } catch (JoinReply.EndingException e) {
            if (e.ending().kind() == Ending.Kind.BINDING_MISMATCH) {
                // As realtime-js: leave the channel the server set up, since it serves other bindings.
                send(new PhoenixMessage(joinRef, ref(), settings.topic(), "phx_leave", new JsonObject()));
            }
            end(e.ending());
            return;
        }
        joined = true;
        listener.joined(ids);
        useToken(latestToken);
    }

    private void onSystem(JsonObject payload) {
        String status = String.valueOf(payload.getValue("status"));
        String extension = String.valueOf(payload.getValue("extension"));
        String message = String.valueOf(payload.getValue("message"));
        if (extension.equals("postgres_changes") && status.equals("ok")) {
            if (joined && !subscribed) {
                subscribed = true;
                listener.subscribed();
            }
        } else if (extension.equals("postgres_changes") && status.equals("error")) {
            listener.subscriptionFailed(message);
        } else if (status.equals("error")) {
            // Realtime follows a channel-level error with phx_close; this end carries its reason.
            end(new Ending(Ending.Kind.CHANNEL_ERROR, message));
        } else {
            LOG.info("Source '{}': Realtime says '{}' ({} {})", source, message, extension, status);
        }
    }

    private void onChange(JsonObject payload) {
        if (!joined) {
            LOG.debug("Source '{}' ignores a change pushed before the join reply", source);
            return;
        }
        listener.change(payload, subscribed);
    }

    private void ignoreBinary(Buffer frame) {
        LOG.trace("Source '{}' ignores a binary frame of {} bytes (broadcast)", source, frame.length());
    }

    private void end(Ending ending) {
        if (ended) {
            return;
        }
        ended = true;
        cancelTimers();
        if (socket != null && !socket.isClosed()) {
            Future<Void> closing = ending.kind() == Ending.Kind.HEARTBEAT_TIMEOUT
                    ? socket.close((short) 1000, "heartbeat timeout")
                    : socket.close();
            closing.onFailure(e -> LOG.debug("Source '{}' could not close its socket: {}", source, e.toString()));
        }
        listener.ended(ending);
    }

    private void cancelTimers() {
        vertx.cancelTimer(joinTimer);
        vertx.cancelTimer(heartbeatTimer);
    }

    private void send(PhoenixMessage message) {
        socket.writeTextMessage(settings.framing().encode(message))
                .onFailure(e -> LOG.debug(
                        "Source '{}' could not send '{}': {}; the socket is closing",
                        source,
                        message.event(),
                        e.toString()));
    }

    private String ref() {
        return Long.toString(nextRef++);
    }

    private static Ending handshakeFailure(Throwable cause) {
        if (cause instanceof UpgradeRejectedException rejected) {
            return Ending.handshake(rejected.getStatus(), serverError(rejected.getBody()));
        }
        return Ending.handshake(0, cause.toString());
    }

    /** Realtime's handshake errors are {@code {"error": msg}}. */
    private static String serverError(Buffer body) {
        if (body == null || body.length() == 0) {
            return "no body";
        }
        String text;
        try {
            text = String.valueOf(new JsonObject(body).getValue("error", body.toString()));
        } catch (RuntimeException e) {
            text = body.toString();
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
