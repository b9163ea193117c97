package io.sluice.connector.supabase.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reply to {@code phx_join}: {@code {"status":"ok","response":{"postgres_changes":[{...the
 * binding as sent..., "id": n}]}}} or {@code {"status":"error","response":{"reason":"<Code>:
 * <message>"}}}.
 *
 * <p>Realtime answers entries in the order they were sent, and realtime-js matches them by index;
 * so does this reader. A reply whose entries do not echo the bindings means the server subscribed
 * to something else than asked (a filter it rewrote, a binding it dropped), so the channel must not
 * be taken as delivering what was configured.
 */
final class JoinReply {

    private JoinReply() {}

    /**
     * The server's subscription id of each binding, in binding order.
     *
     * @throws EndingException with {@link Ending.Kind#JOIN_REFUSED} or {@link
     *     Ending.Kind#BINDING_MISMATCH}
     */
    static List<Long> ids(List<Binding> bindings, PhoenixMessage reply) {
        if (!"ok".equals(reply.status())) {
            Object reason = reply.response().getValue("reason");
            throw new EndingException(new Ending(
                    Ending.Kind.JOIN_REFUSED,
                    reason == null ? "status " + reply.status() + " without a reason" : reason.toString()));
        }
        Object echoed = reply.response().getValue("postgres_changes");
        JsonArray entries = echoed instanceof JsonArray array ? array : new JsonArray();
        if (entries.size() != bindings.size()) {
            throw mismatch("sent " + bindings.size() + " bindings, the reply echoes " + entries.size());
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < bindings.size(); i++) {
            Binding binding = bindings.get(i);
            if (!(entries.getValue(i) instanceof JsonObject entry) || !binding.echoedBy(entry)) {
                throw mismatch("binding " + i + " '" + binding + "' is echoed as " + entries.getValue(i));
            }
            if (!(entry.getValue("id") instanceof Number id)) {
                throw mismatch("binding " + i + " '" + binding + "' is echoed without a numeric id");
            }
            ids.add(id.longValue());
        }
        return ids;
    }

    private static EndingException mismatch(String detail) {
        return new EndingException(new Ending(
                Ending.Kind.BINDING_MISMATCH,
                "mismatch between server and client bindings for postgres changes: " + detail));
    }

    /** A reply that ends the session. */
    static final class EndingException extends RuntimeException {

        private final transient Ending ending;

        EndingException(Ending ending) {
            super(ending.toString(), null, false, false);
            this.ending = ending;
        }

        Ending ending() {
            return ending;
        }
    }
}
