package io.sluice.connector.supabase;

import io.sluice.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A stand-in for Supabase Realtime, since no Realtime server can run here: a Vert.x WebSocket
 * server that follows the Phoenix protocol frame for frame as /work/shared/reference/supabase.md §1
 * describes the real server (lib/realtime_web/channels, the V1 and V2 serializers).
 *
 * <ul>
 *   <li>framing by the {@code vsn} query parameter: 1.0.0 objects {@code {topic,event,payload,ref}}
 *       ({@code join_ref} never written), 2.0.0 arrays {@code [join_ref,ref,topic,event,payload]};
 *   <li>{@code phx_join} on {@code realtime:<name>}: replies {@code ok} with {@code
 *       response.postgres_changes} echoing each binding as sent plus an integer {@code id} (a hash
 *       of the binding, as {@code :erlang.phash2}), then pushes {@code system} "Subscribed to
 *       PostgreSQL" unless told to hold it;
 *   <li>an {@code access_token} already expired at join: replies {@code error} with {@code
 *       "InvalidJWTToken: Token has expired N seconds ago"}; one that expires later: at its {@code
 *       exp}, pushes {@code system} {@code {extension:"system", status:"error", message:"Token has
 *       expired 0 seconds ago"}} then {@code phx_close}, as the server's token re-check does;
 *       {@code access_token} with a new token re-arms that check;
 *   <li>{@code heartbeat} on {@code phoenix}: replies {@code ok} with an empty response, unless
 *       told to stop answering;
 *   <li>{@code phx_leave}: replies {@code ok}, then {@code phx_close};
 *   <li>{@code postgres_changes} pushes are fastlane broadcasts: {@code ref} (and in 2.0.0 {@code
 *       join_ref}) {@code null}, payload {@code {ids, data}}.
 * </ul>
 */
public final class FakeRealtimeServer {

    private final Vertx vertx;
    private final Queue<Connection> connections = new ConcurrentLinkedQueue<>();
    private HttpServer server;
    private volatile boolean subscribeAfterJoin = true;
    private volatile boolean answerHeartbeats = true;
    private volatile boolean echoMismatch;

    public FakeRealtimeServer(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Listens on a free port; returns the self-hosted socket URL. */
    public String start() {
        server = Await.result(vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .webSocketHandler(this::accept)
                .listen());
        return "ws://127.0.0.1:" + server.actualPort() + "/socket/websocket";
    }

    public void stop() {
        Await.result(server.close());
    }

    /** Whether to push "Subscribed to PostgreSQL" right after the join reply (default true). */
    public void subscribeAfterJoin(boolean subscribe) {
        this.subscribeAfterJoin = subscribe;
    }

    /** Whether to answer heartbeats (default true). */
    public void answerHeartbeats(boolean answer) {
        this.answerHeartbeats = answer;
    }

    /** Echo every binding with another filter, as a server that rewrote it would. */
    public void echoMismatch(boolean mismatch) {
        this.echoMismatch = mismatch;
    }

    /** Every connection so far, oldest first. */
    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** The payloads of every {@code phx_join} received, oldest first. */
    public List<JsonObject> joins() {
        List<JsonObject> joins = new ArrayList<>();
        for (Connection connection : connections) {
            joins.addAll(connection.payloads("phx_join"));
        }
        return joins;
    }

    /** The newest connection. */
    public Connection last() {
        List<Connection> all = connections();
        return all.get(all.size() - 1);
    }

    private void accept(ServerWebSocket socket) {
        Connection connection = new Connection(socket);
        connections.add(connection);
    }

    /** A JWT with the given {@code exp} (seconds since the epoch), signed with nothing. */
    public static String jwt(long exp) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(
                ("{\"role\":\"authenticated\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".c2lnbmF0dXJl";
    }

    /** One client socket and what it sent. */
    public final class Connection {

        private final ServerWebSocket socket;
        private final boolean v2;
        private final Queue<JsonObject> received = new ConcurrentLinkedQueue<>();
        private volatile String topic;
        private volatile String joinRef;
        private volatile boolean subscribed;
        private volatile Short closeCode;
        private volatile String closeReason;
        private volatile Instant closedAt;
        private long expiryTimer = -1;

        Connection(ServerWebSocket socket) {
            this.socket = socket;
            this.v2 = "2.0.0".equals(param("vsn"));
            socket.textMessageHandler(this::receive);
            socket.closeHandler(v -> {
                closeCode = socket.closeStatusCode();
                closeReason = socket.closeReason();
                closedAt = Instant.now();
                vertx.cancelTimer(expiryTimer);
            });
        }

        /** A query parameter of the upgrade request. */
        public String param(String name) {
            String query = socket.query() == null ? "" : socket.query();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        /** Every message received, as {@code {join_ref, ref, topic, event, payload}}. */
        public List<JsonObject> received() {
            return List.copyOf(received);
        }

        /** The payloads of the messages with this event. */
        public List<JsonObject> payloads(String event) {
            return received.stream()
                    .filter(m -> event.equals(m.getString("event")))
                    .map(m -> m.getJsonObject("payload"))
                    .toList();
        }

        public boolean subscribed() {
            return subscribed;
        }

        public Short closeCode() {
            return closeCode;
        }

        public String closeReason() {
            return closeReason;
        }

        public Instant closedAt() {
            return closedAt;
        }

        /** Pushes "Subscribed to PostgreSQL". */
        public void pushSubscribed() {
            vertx.runOnContext(v -> subscribe());
        }

        /** Pushes a change as {@code postgres_changes} with the ids of every binding. */
        public void pushChange(JsonObject data) {
            vertx.runOnContext(v -> {
                JsonArray ids = new JsonArray();
                for (Object binding : lastJoin().getJsonObject("config").getJsonArray("postgres_changes")) {
                    ids.add(id((JsonObject) binding));
                }
                write(
                        null,
                        null,
                        topic,
                        "postgres_changes",
                        new JsonObject().put("ids", ids).put("data", data));
            });
        }

        /** Pushes {@code phx_error}, as when the channel process crashed. */
        public void pushPhxError() {
            vertx.runOnContext(
                    v -> write(joinRef, joinRef, topic, "phx_error", new JsonObject().put("reason", "channel_crash")));
        }

        /** Closes the socket from the server side, as a network cut or a redeploy would. */
        public void drop() {
            vertx.runOnContext(v -> socket.close());
        }

        private void receive(String frame) {
            JsonObject message = decode(frame);
            received.add(message);
            String event = message.getString("event");
            String ref = message.getString("ref");
            String messageTopic = message.getString("topic");
            JsonObject payload = message.getJsonObject("payload");
            switch (event) {
                case "heartbeat" -> {
                    if (answerHeartbeats) {
                        write(null, ref, "phoenix", "phx_reply", ok(new JsonObject()));
                    }
                }
                case "phx_join" -> join(message, payload);
                case "access_token" -> armExpiry(payload.getString("access_token"));
                case "phx_leave" -> {
                    write(joinRef, ref, messageTopic, "phx_reply", ok(new JsonObject()));
                    write(joinRef, joinRef, messageTopic, "phx_close", new JsonObject());
                }
                default -> {}
            }
        }

        private void join(JsonObject message, JsonObject payload) {
            topic = message.getString("topic");
            joinRef = message.getString("ref");
            String token = payload.getString("access_token");
            Long exp = token == null ? null : exp(token);
            long now = Instant.now().getEpochSecond();
            if (exp != null && exp <= now) {
                write(
                        joinRef,
                        joinRef,
                        topic,
                        "phx_reply",
                        new JsonObject()
                                .put("status", "error")
                                .put(
                                        "response",
                                        new JsonObject()
                                                .put(
                                                        "reason",
                                                        "InvalidJWTToken: Token has expired " + (now - exp)
                                                                + " seconds ago")));
                return;
            }
            JsonArray echoed = new JsonArray();
            for (Object item : payload.getJsonObject("config").getJsonArray("postgres_changes")) {
                JsonObject binding = ((JsonObject) item).copy();
                if (echoMismatch) {
                    binding.put("filter", "id=eq.999");
                }
                echoed.add(binding.copy().put("id", id(binding)));
            }
            write(joinRef, joinRef, topic, "phx_reply", ok(new JsonObject().put("postgres_changes", echoed)));
            armExpiry(token);
            if (subscribeAfterJoin) {
                subscribe();
            }
        }

        private void subscribe() {
            subscribed = true;
            write(
                    joinRef,
                    null,
                    topic,
                    "system",
                    new JsonObject()
                            .put("extension", "postgres_changes")
                            .put("status", "ok")
                            .put("message", "Subscribed to PostgreSQL")
                            .put("channel", topic.substring("realtime:".length())));
        }

        private void armExpiry(String token) {
            vertx.cancelTimer(expiryTimer);
            Long exp = token == null ? null : exp(token);
            if (exp == null) {
                return;
            }
            long delay = Math.max(1, exp * 1000 - System.currentTimeMillis());
            expiryTimer = vertx.setTimer(delay, t -> {
                write(
                        joinRef,
                        null,
                        topic,
                        "system",
                        new JsonObject()
                                .put("extension", "system")
                                .put("status", "error")
                                .put("message", "Token has expired 0 seconds ago")
                                .put("channel", topic.substring("realtime:".length())));
                write(joinRef, joinRef, topic, "phx_close", new JsonObject());
            });
        }

        private JsonObject lastJoin() {
            List<JsonObject> joins = payloads("phx_join");
            return joins.get(joins.size() - 1);
        }

        private JsonObject decode(String frame) {
            Object value = Json.decodeValue(frame);
            if (v2) {
                JsonArray array = (JsonArray) value;
                return new JsonObject()
                        .put("join_ref", array.getValue(0))
                        .put("ref", array.getValue(1))
                        .put("topic", array.getValue(2))
                        .put("event", array.getValue(3))
                        .put("payload", array.getValue(4));
            }
            return (JsonObject) value;
        }

        private void write(String joinRef, String ref, String topic, String event, JsonObject payload) {
            String frame = v2
                    ? new JsonArray()
                            .add(joinRef)
                            .add(ref)
                            .add(topic)
                            .add(event)
                            .add(payload)
                            .encode()
                    : new JsonObject()
                            .put("topic", topic)
                            .put("event", event)
                            .put("payload", payload)
                            .put("ref", ref)
                            .encode();
            socket.writeTextMessage(frame);
        }
    }

    private static JsonObject ok(JsonObject response) {
        return new JsonObject().put("status", "ok").put("response", response);
    }

    /** Stands in for {@code :erlang.phash2(params)}: a stable integer below 2^27. */
    private static long id(JsonObject binding) {
        JsonObject params = binding.copy();
        params.remove("id");
        return Math.floorMod(params.encode().hashCode(), 1 << 27);
    }

    private static Long exp(String jwt) {
        String[] parts = jwt.split("\\.");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        return claims.getLong("exp");
    }
}
