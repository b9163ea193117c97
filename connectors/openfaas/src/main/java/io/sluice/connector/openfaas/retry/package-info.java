/**
 * Retries compatible with the OpenFaaS Pro queue-worker: the {@link
 * io.sluice.connector.openfaas.retry.RetryPolicy} (settings, per-function annotation overrides,
 * retryable statuses, exponential backoff with optional jitter, {@code Retry-After}), Go duration
 * strings, and an adapter to Resilience4j.
 *
 * <p>Pure decisions only: nothing here sleeps or schedules. Randomness and the current time are
 * passed in, so every delay is reproducible in tests.
 */
package io.sluice.connector.openfaas.retry;
