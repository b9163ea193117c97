package io.sluice.connector.webhook.impl;

import io.sluice.connector.webhook.verify.SignatureScheme;
import io.sluice.connector.webhook.verify.Verification;
import io.sluice.connector.webhook.verify.WebhookRequest;
import io.sluice.event.Event;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * {@code type: webhook}: signed deliveries from Standard Webhooks senders, GitHub, Stripe or any
 * HMAC sender, verified over the raw body and journaled before the 200.
 *
 * <p>The event: {@code id} the sender's delivery id (a random UUID when the scheme has none, which
 * then cannot be deduplicated), {@code source} {@code /hooks/<name>}, {@code type} per {@link
 * EventTypes}, {@code datacontenttype} the request's {@code Content-Type}, the body as data byte for
 * byte, and the request headers per {@link ForwardedHeaders}.
 */
final class WebhookSource extends JournaledHttpSource {

    private final SignatureScheme scheme;
    private final int secrets;

    WebhookSource(SourceContext sluice, IntakeSettings intake, SignatureScheme scheme, int secrets) {
        super(sluice, intake);
        this.scheme = scheme;
        this.secrets = secrets;
    }

    @Override
    Admission admit(HttpServerRequest request, Buffer body) {
        byte[] bytes = body.getBytes();
        WebhookRequest webhook =
                WebhookRequest.builder().headers(request.headers()).body(bytes).build();
        Verification verification = scheme.verify(webhook, Instant.now());
        if (verification instanceof Verification.Rejected rejected) {
            throw Refusal.of(rejected);
        }
        Verification.Verified verified = (Verification.Verified) verification;
        String deliveryId =
                verified.deliveryId() == null || verified.deliveryId().isBlank()
                        ? UUID.randomUUID().toString()
                        : verified.deliveryId();
        Event event = Event.builder()
                .id(deliveryId)
                .source("/hooks/" + name())
                .type(EventTypes.of(scheme.name(), verified.eventType()))
                .dataContentType(request.getHeader(HttpHeaders.CONTENT_TYPE))
                .headers(ForwardedHeaders.of(request.headers(), Set.of()))
                .data(body)
                .build();
        return new Admission(event, deliveryId);
    }

    @Override
    String describe() {
        return "scheme '" + scheme.name() + "', " + secrets + " secret(s)";
    }
}
