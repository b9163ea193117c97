/**
 * Signature verification for inbound webhooks.
 *
 * <p>A {@link io.sluice.connector.webhook.verify.SignatureScheme} is built once from declared
 * options through {@link io.sluice.connector.webhook.verify.SignatureSchemes} and then checks every
 * {@link io.sluice.connector.webhook.verify.WebhookRequest} against the raw body bytes exactly as
 * received. The outcome is a {@link io.sluice.connector.webhook.verify.Verification}: verified,
 * with the delivery id and event type the sender declared, or rejected, with a {@link
 * io.sluice.connector.webhook.verify.Rejection} reason that maps to an HTTP status.
 *
 * <p>Schemes are immutable and thread-safe; they never block and may be called from an event loop.
 */
package io.sluice.connector.webhook.verify;
