/**
 * The {@code type: email} sink: one templated SMTP message per event, sent at most once per event
 * across retries, redeliveries and replicas.
 *
 * <p>{@link io.sluice.connector.email.EmailSettings} holds the resolved options, {@link
 * io.sluice.connector.email.MessageIds} derives the idempotency key and {@code Message-ID} of an
 * event, and {@link io.sluice.connector.email.SendLedger} is the dedupe record consulted before
 * every send. The implementation lives in {@code impl}.
 */
package io.sluice.connector.email;
