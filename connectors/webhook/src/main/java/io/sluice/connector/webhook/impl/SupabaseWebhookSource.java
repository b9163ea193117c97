package io.sluice.connector.webhook.impl;

import io.sluice.event.DatabaseChange;
import io.sluice.event.Event;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code type: supabase-webhook}: Supabase Database Webhooks (POST), checked against a shared
 * secret when one is configured, validated as a row change and journaled before the 200 as the
 * shared change event ({@link DatabaseChange}), with {@code source} {@code /supabase/<name>}.
 *
 * <p>Supabase sends no delivery id, so the event {@code id} is the SHA-256 of the body bytes: a
 * body sent twice (pg_net's retries in self-hosted setups) is journaled once within {@code
 * dedupe-window}. Two genuinely distinct changes with byte-identical bodies inside the window (a
 * row updated from A to B, back, and to B again with no changing column such as {@code updated_at})
 * are taken for one; the window is short by default (2 minutes) for that reason.
 *
 * <p>The request's headers do not travel with the event: a change event looks the same whichever
 * database source produced it, and the shared-secret header must go no further. Supabase's GET
 * webhooks carry no body and get 405.
 */
final class SupabaseWebhookSource extends JournaledHttpSource {

    private final SharedSecret secret;

    /** @param secret the check, or {@code null} for none */
    SupabaseWebhookSource(SourceContext sluice, IntakeSettings intake, SharedSecret secret) {
        super(sluice, intake);
        this.secret = secret;
    }

    @Override
    Admission admit(HttpServerRequest request, Buffer body) {
        if (secret != null) {
            secret.check(request);
        }
        DatabaseChange change;
        try {
            change = SupabaseWebhookBody.parse(body);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidBody(e.getMessage());
        }
        String id = sha256(body);
        Event event = change.toEvent("/supabase/" + name(), id);
        return new Admission(event, id);
    }

    @Override
    String describe() {
        return secret == null ? "no shared secret" : "shared secret in header '" + secret.header() + "'";
    }

    private static String sha256(Buffer body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
