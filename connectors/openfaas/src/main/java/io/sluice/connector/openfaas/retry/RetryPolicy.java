package io.sluice.connector.openfaas.retry;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When and how long to wait before re-invoking a function, compatible with the OpenFaaS Pro
 * queue-worker (docs {@code openfaas-pro/retries.md}).
 *
 * <p>Counting: {@code max-retry-attempts} counts retries after the first invocation, so a message
 * is invoked at most {@code 1 + maxRetryAttempts} times, and on the last callback {@code X-Retry}
 * equals {@code X-Retry-Max}, as Pro documents.
 *
 * <p>Immutable and thread-safe. It decides; it does not wait: the sink schedules the retry on a
 * Vert.x timer, and {@link Resilience4jRetries} adapts it for callers that use Resilience4j.
 */
public final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    private static final RetryPolicy DEFAULTS = new RetryPolicyBuilder().build();

    private final int maxRetryAttempts;
    private final Duration initialRetryWait;
    private final Duration maxRetryWait;
    private final Set<Integer> retryHttpCodes;
    private final Backoff backoff;

    RetryPolicy(RetryPolicyBuilder builder) {
        this.maxRetryAttempts = builder.maxRetryAttempts;
        this.initialRetryWait = builder.initialRetryWait;
        this.maxRetryWait = builder.maxRetryWait;
        this.retryHttpCodes = builder.retryHttpCodes;
        this.backoff = builder.backoff;
    }

    /**
     * @return 10 retries, 10s initial wait, 120s maximum wait, codes 408, 429, 500, 502, 503, 504,
     *     exponential backoff
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * @return a builder starting from the defaults
     */
    public static RetryPolicyBuilder builder() {
        return new RetryPolicyBuilder();
    }

    /**
     * Reads the {@link RetrySetting} keys from configuration; absent keys keep their defaults and
     * other keys are ignored, so a connector can pass its whole configuration.
     *
     * @param settings configuration keys to values, e.g. {@code max-retry-wait=2m}
     * @return the policy
     * @throws IllegalArgumentException naming the key, the rule and the value
     */
    public static RetryPolicy fromSettings(Map<String, String> settings) {
        RetryPolicyBuilder builder = builder();
        for (RetrySetting setting : RetrySetting.values()) {
            String value = settings.get(setting.key());
            if (value != null) {
                builder.set(setting, value);
            }
        }
        return builder.build();
    }

    /**
     * {@link #withAnnotations(Map, Consumer)}, logging each rejected annotation at WARN.
     *
     * @param annotations the queued request's {@code Annotations}
     * @return the policy for this message
     */
    public RetryPolicy withAnnotations(Map<String, String> annotations) {
        return withAnnotations(annotations, problem -> LOG.warn("Ignoring retry annotation: {}", problem));
    }

    /**
     * Applies the per-function overrides a queued request carries: {@code
     * com.openfaas.retry.attempts}, {@code .codes}, {@code .min_wait} (the initial wait) and {@code
     * .max_wait}. As in Pro, an invalid value falls back to this policy's value; unlike Pro, the
     * fallback is reported. Overrides that would make the initial wait exceed the maximum are both
     * dropped.
     *
     * @param annotations the queued request's {@code Annotations}
     * @param onInvalid receives one message per rejected annotation, naming it, the rule, the value
     *     and the value used instead
     * @return the policy for this message; {@code this} when nothing applies
     */
    public RetryPolicy withAnnotations(Map<String, String> annotations, Consumer<String> onInvalid) {
        return RetryOverrides.apply(this, annotations, onInvalid);
    }

    /**
     * Whether a response is worth retrying, attempts aside: its status is one of {@link
     * #retryHttpCodes()}, or it is an error (400 or above) from an OpenFaaS core component.
     *
     * @param status the HTTP status; 503 after a transport error
     * @param internalError whether the response carried {@code X-OpenFaaS-Internal}
     * @return whether to retry when attempts remain
     */
    public boolean isRetryable(int status, boolean internalError) {
        return internalError && status >= 400 || retryHttpCodes.contains(status);
    }

    /**
     * {@link #isRetryable(int, boolean)}, reading {@code X-OpenFaaS-Internal} from {@code headers}.
     *
     * @param status the HTTP status; 503 after a transport error
     * @param headers the response's headers
     * @return whether to retry when attempts remain
     */
    public boolean isRetryable(int status, MultiMap headers) {
        return isRetryable(status, hasInternalHeader(headers.names()));
    }

    /**
     * @param status the HTTP status of the attempt that just ended; 503 after a transport error
     * @param headers that response's headers; names in any case
     * @param attemptsSoFar invocations made so far, the one that just ended included, at least 1
     * @return whether to invoke again
     */
    public boolean shouldRetry(int status, Map<String, ? extends Collection<String>> headers, int attemptsSoFar) {
        return shouldRetry(status, hasInternalHeader(headers.keySet()), attemptsSoFar);
    }

    /**
     * @param status the HTTP status of the attempt that just ended; 503 after a transport error
     * @param headers that response's headers
     * @param attemptsSoFar invocations made so far, the one that just ended included, at least 1
     * @return whether to invoke again
     */
    public boolean shouldRetry(int status, MultiMap headers, int attemptsSoFar) {
        return shouldRetry(status, hasInternalHeader(headers.names()), attemptsSoFar);
    }

    private boolean shouldRetry(int status, boolean internalError, int attemptsSoFar) {
        if (attemptsSoFar < 1) {
            throw new IllegalArgumentException("attemptsSoFar must be at least 1, was " + attemptsSoFar);
        }
        return attemptsSoFar <= maxRetryAttempts && isRetryable(status, internalError);
    }

    /**
     * The backoff alone: {@code initialRetryWait × 2^(retryNumber-1)}, capped at {@code
     * maxRetryWait}, then jittered by {@link #backoff()}.
     *
     * @param retryNumber 1 before the first retry, 2 before the second, and so on
     * @param random the source of jitter
     * @return the wait
     */
    public Duration backoffBefore(int retryNumber, Random random) {
        if (retryNumber < 1) {
            throw new IllegalArgumentException("retryNumber must be at least 1, was " + retryNumber);
        }
        return backoff.jitter(cappedExponential(retryNumber), Objects.requireNonNull(random, "random"));
    }

    /**
     * {@link #delayBefore(int, int, String, Random, Instant)} at the current time.
     *
     * @param retryNumber 1 before the first retry, 2 before the second, and so on
     * @param status the status of the attempt that just ended
     * @param retryAfter that response's {@code Retry-After}, or {@code null}
     * @param random the source of jitter
     * @return the wait
     */
    public Duration delayBefore(int retryNumber, int status, String retryAfter, Random random) {
        return delayBefore(retryNumber, status, retryAfter, random, Instant.now());
    }

    /**
     * The wait before a retry. On 429 and 503 a valid {@code Retry-After} (delay-seconds or
     * HTTP-date) replaces the backoff, raised to {@code initialRetryWait} when shorter, as Pro does,
     * and lowered to {@code maxRetryWait} when longer: one header must not park a message, and the
     * in-flight slot it holds, longer than the operator allowed. An invalid value falls back to the
     * backoff.
     *
     * @param retryNumber 1 before the first retry, 2 before the second, and so on
     * @param status the status of the attempt that just ended
     * @param retryAfter that response's {@code Retry-After}, or {@code null}
     * @param random the source of jitter
     * @param now the current time, to read an HTTP-date against
     * @return the wait
     */
    public Duration delayBefore(int retryNumber, int status, String retryAfter, Random random, Instant now) {
        if ((status == 429 || status == 503) && retryAfter != null) {
            Optional<Duration> requested = RetryAfter.parse(retryAfter, now);
            if (requested.isPresent()) {
                return clamp(requested.get());
            }
        }
        return backoffBefore(retryNumber, random);
    }

    private Duration clamp(Duration requested) {
        if (requested.compareTo(initialRetryWait) < 0) {
            return initialRetryWait;
        }
        return requested.compareTo(maxRetryWait) > 0 ? maxRetryWait : requested;
    }

    private Duration cappedExponential(int retryNumber) {
        long initial = initialRetryWait.toNanos();
        long cap = maxRetryWait.toNanos();
        int shift = retryNumber - 1;
        if (initial == 0) {
            return Duration.ZERO;
        }
        if (shift >= Long.SIZE - 1 || initial > cap >> shift) {
            return maxRetryWait;
        }
        return Duration.ofNanos(Math.min(initial << shift, cap));
    }

    private static boolean hasInternalHeader(Collection<String> names) {
        return names.stream().anyMatch("X-OpenFaaS-Internal"::equalsIgnoreCase);
    }

    /** The current value of {@code setting}, as configuration would write it. */
    String valueOf(RetrySetting setting) {
        return switch (setting) {
            case MAX_RETRY_ATTEMPTS -> Integer.toString(maxRetryAttempts);
            case INITIAL_RETRY_WAIT -> GoDurations.format(initialRetryWait);
            case MAX_RETRY_WAIT -> GoDurations.format(maxRetryWait);
            case RETRY_HTTP_CODES -> retryHttpCodes.toString();
            case BACKOFF -> backoff.configValue();
        };
    }

    /** @return retries allowed after the first invocation */
    public int maxRetryAttempts() {
        return maxRetryAttempts;
    }

    /** @return the wait before the first retry, and the floor for {@code Retry-After} */
    public Duration initialRetryWait() {
        return initialRetryWait;
    }

    /** @return the longest wait between attempts */
    public Duration maxRetryWait() {
        return maxRetryWait;
    }

    /** @return the statuses retried, sorted */
    public Set<Integer> retryHttpCodes() {
        return retryHttpCodes;
    }

    /** @return the jitter mode */
    public Backoff backoff() {
        return backoff;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryPolicy that
                && maxRetryAttempts == that.maxRetryAttempts
                && initialRetryWait.equals(that.initialRetryWait)
                && maxRetryWait.equals(that.maxRetryWait)
                && retryHttpCodes.equals(that.retryHttpCodes)
                && backoff == that.backoff;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRetryAttempts, initialRetryWait, maxRetryWait, retryHttpCodes, backoff);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("RetryPolicy{");
        for (RetrySetting setting : RetrySetting.values()) {
            out.append(setting.ordinal() == 0 ? "" : ", ")
                    .append(setting.key())
                    .append('=')
                    .append(valueOf(setting));
        }
        return out.append('}').toString();
    }
}
