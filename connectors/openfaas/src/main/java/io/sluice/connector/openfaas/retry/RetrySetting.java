package io.sluice.connector.openfaas.retry;

import java.util.Optional;

/**
 * Every retry setting, declared once: its key (Sluice's kebab-case form of the queue-worker's
 * environment variable), default, unit, meaning and the function annotation that overrides it per
 * message. Documentation and config schemas are generated from this list.
 */
public enum RetrySetting {

    /** {@code max_retry_attempts} in the queue-worker. */
    MAX_RETRY_ATTEMPTS(
            "max-retry-attempts",
            "10",
            "retries",
            "Retries after the first invocation; 0 disables retries. The OpenFaaS Pro chart"
                    + " default was 10 and is 100 since 2026-02.",
            "com.openfaas.retry.attempts"),

    /** {@code initial_retry_wait} in the queue-worker. */
    INITIAL_RETRY_WAIT(
            "initial-retry-wait",
            "10s",
            "Go duration",
            "Wait before the first retry, doubled for each later one; also the least a Retry-After"
                    + " header can ask for.",
            "com.openfaas.retry.min_wait"),

    /** {@code max_retry_wait} in the queue-worker. */
    MAX_RETRY_WAIT(
            "max-retry-wait",
            "120s",
            "Go duration",
            "The longest wait between two attempts, Retry-After included.",
            "com.openfaas.retry.max_wait"),

    /** {@code retry_http_codes} in the queue-worker. */
    RETRY_HTTP_CODES(
            "retry-http-codes",
            "408,429,500,502,503,504",
            "comma-separated HTTP statuses",
            "Statuses from a function that are retried. Errors carrying X-OpenFaaS-Internal are"
                    + " retried whatever their status.",
            "com.openfaas.retry.codes"),

    /** {@code backoff} in the queue-worker. */
    BACKOFF(
            "backoff",
            "exponential",
            "exponential | full | equal",
            "Jitter on the exponential wait: none, 0-100% (full) or 50-100% (equal).",
            null);

    private final String key;
    private final String defaultValue;
    private final String unit;
    private final String description;
    private final String annotation;

    RetrySetting(String key, String defaultValue, String unit, String description, String annotation) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.unit = unit;
        this.description = description;
        this.annotation = annotation;
    }

    /** @return the configuration key, e.g. {@code max-retry-attempts} */
    public String key() {
        return key;
    }

    /** @return the default, as it would be written in configuration */
    public String defaultValue() {
        return defaultValue;
    }

    /** @return the unit or the shape of the value */
    public String unit() {
        return unit;
    }

    /** @return what the setting does */
    public String description() {
        return description;
    }

    /** @return the function annotation that overrides this setting per message, if any */
    public Optional<String> annotation() {
        return Optional.ofNullable(annotation);
    }
}
