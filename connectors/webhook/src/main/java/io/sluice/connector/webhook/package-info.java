/**
 * Inbound HTTP sources that are durable before they answer 2xx.
 *
 * <ul>
 *   <li>{@code type: webhook}: signed deliveries (Standard Webhooks, GitHub, Stripe, a generic
 *       HMAC, or none), verified over the raw body with {@link
 *       io.sluice.connector.webhook.verify};
 *   <li>{@code type: supabase-webhook}: Supabase Database Webhooks, turned into the change event
 *       every database source shares ({@link io.sluice.event.DatabaseChange}).
 * </ul>
 *
 * <p>Both publish an accepted delivery to a JetStream journal, with the delivery id as {@code
 * Nats-Msg-Id} so that JetStream drops a redelivery within the dedupe window, and answer 200 only
 * once the stream acknowledged it; when it may not have, they answer 503 with {@code Retry-After}.
 * The same source consumes the journal through a durable pull consumer and acknowledges a message
 * once its event settled, so a crash after the 200 loses nothing.
 */
package io.sluice.connector.webhook;
