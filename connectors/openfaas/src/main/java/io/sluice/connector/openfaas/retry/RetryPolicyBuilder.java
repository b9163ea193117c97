package io.sluice.connector.openfaas.retry;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Builds a {@link RetryPolicy}, starting from the defaults of {@link RetrySetting}. Every setter
 * rejects a bad value with a message naming the setting, the rule and the value. Not thread-safe.
 */
public final class RetryPolicyBuilder {

    private static final Duration MAX_WAIT = Duration.ofNanos(Long.MAX_VALUE);

    int maxRetryAttempts;
    Duration initialRetryWait;
    Duration maxRetryWait;
    Set<Integer> retryHttpCodes;
    Backoff backoff;

    RetryPolicyBuilder() {
        for (RetrySetting setting : RetrySetting.values()) {
            set(setting, setting.defaultValue());
        }
    }

    RetryPolicyBuilder(RetryPolicy policy) {
        maxRetryAttempts = policy.maxRetryAttempts();
        initialRetryWait = policy.initialRetryWait();
        maxRetryWait = policy.maxRetryWait();
        retryHttpCodes = policy.retryHttpCodes();
        backoff = policy.backoff();
    }

    /**
     * Sets one setting from its configuration text, e.g. {@code ("max-retry-wait", "2m")}.
     *
     * @param setting the setting
     * @param value its text, as in configuration
     * @return this builder
     * @throws IllegalArgumentException naming the key, the rule and the value
     */
    public RetryPolicyBuilder set(RetrySetting setting, String value) {
        try {
            apply(setting, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting.key() + " " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * @param attempts retries after the first invocation, at least 0
     * @return this builder
     */
    public RetryPolicyBuilder maxRetryAttempts(int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException(
                    RetrySetting.MAX_RETRY_ATTEMPTS.key() + " must be at least 0, was " + attempts);
        }
        this.maxRetryAttempts = attempts;
        return this;
    }

    /**
     * @param wait the wait before the first retry, not negative
     * @return this builder
     */
    public RetryPolicyBuilder initialRetryWait(Duration wait) {
        this.initialRetryWait = checkWait(RetrySetting.INITIAL_RETRY_WAIT, wait);
        return this;
    }

    /**
     * @param wait the longest wait between attempts, not negative
     * @return this builder
     */
    public RetryPolicyBuilder maxRetryWait(Duration wait) {
        this.maxRetryWait = checkWait(RetrySetting.MAX_RETRY_WAIT, wait);
        return this;
    }

    /**
     * @param codes statuses from 100 to 599 to retry; may be empty
     * @return this builder
     */
    public RetryPolicyBuilder retryHttpCodes(Collection<Integer> codes) {
        SortedSet<Integer> checked = new TreeSet<>();
        for (Integer code : codes) {
            if (code == null || code < 100 || code > 599) {
                throw new IllegalArgumentException(
                        RetrySetting.RETRY_HTTP_CODES.key() + " must hold HTTP statuses from 100 to 599, was " + code);
            }
            checked.add(code);
        }
        this.retryHttpCodes = Collections.unmodifiableSortedSet(checked);
        return this;
    }

    /**
     * @param backoff the jitter mode
     * @return this builder
     */
    public RetryPolicyBuilder backoff(Backoff backoff) {
        if (backoff == null) {
            throw new IllegalArgumentException(RetrySetting.BACKOFF.key() + " must not be null");
        }
        this.backoff = backoff;
        return this;
    }

    /**
     * @return the policy
     * @throws IllegalArgumentException when the initial wait exceeds the maximum wait
     */
    public RetryPolicy build() {
        if (initialRetryWait.compareTo(maxRetryWait) > 0) {
            throw new IllegalArgumentException(RetrySetting.INITIAL_RETRY_WAIT.key() + " ("
                    + GoDurations.format(initialRetryWait) + ") must not exceed "
                    + RetrySetting.MAX_RETRY_WAIT.key() + " ("
                    + GoDurations.format(maxRetryWait) + ")");
        }
        return new RetryPolicy(this);
    }

    /** Parses and stores {@code value}; the exception states the rule and value, not the key. */
    void apply(RetrySetting setting, String value) {
        if (value == null) {
            throw new IllegalArgumentException("must not be null");
        }
        switch (setting) {
            case MAX_RETRY_ATTEMPTS -> maxRetryAttempts = parseAttempts(value);
            case INITIAL_RETRY_WAIT -> initialRetryWait = parseWait(value);
            case MAX_RETRY_WAIT -> maxRetryWait = parseWait(value);
            case RETRY_HTTP_CODES -> retryHttpCodes = parseCodes(value);
            case BACKOFF -> backoff = Backoff.parse(value);
            default -> throw new IllegalStateException("unhandled setting " + setting);
        }
    }

    private static int parseAttempts(String value) {
        try {
            int attempts = Integer.parseInt(value.trim());
            if (attempts >= 0) {
                return attempts;
            }
        } catch (NumberFormatException ignored) {
            // Reported below with the rule, which says more than the parser's message.
        }
        throw new IllegalArgumentException("must be a whole number of at least 0, was \"" + value + "\"");
    }

    private static Duration parseWait(String value) {
        Duration wait;
        try {
            wait = GoDurations.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a Go duration such as 10s, 2m or 500ms: " + e.getMessage(), e);
        }
        if (wait.isNegative()) {
            throw new IllegalArgumentException("must not be negative, was \"" + value + "\"");
        }
        return wait;
    }

    private static Set<Integer> parseCodes(String value) {
        SortedSet<Integer> codes = new TreeSet<>();
        if (value.isBlank()) {
            return Collections.emptySortedSet();
        }
        for (String token : value.split(",", -1)) {
            try {
                int code = Integer.parseInt(token.trim());
                if (code >= 100 && code <= 599) {
                    codes.add(code);
                    continue;
                }
            } catch (NumberFormatException ignored) {
                // Reported below, naming the whole list.
            }
            throw new IllegalArgumentException(
                    "must be comma-separated HTTP statuses from 100 to 599, was \"" + value + "\"");
        }
        return Collections.unmodifiableSortedSet(codes);
    }

    private static Duration checkWait(RetrySetting setting, Duration wait) {
        if (wait == null || wait.isNegative()) {
            throw new IllegalArgumentException(setting.key() + " must not be negative, was " + wait);
        }
        if (wait.compareTo(MAX_WAIT) > 0) {
            // Delays are computed in nanoseconds, as Go's time.Duration holds them.
            throw new IllegalArgumentException(
                    setting.key() + " must not exceed " + GoDurations.format(MAX_WAIT) + ", was " + wait);
        }
        return wait;
    }
}
