package io.sluice.connector.openfaas.retry;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * How the OpenFaaS Pro queue-worker spreads retries, after Marc Brooker's "Exponential Backoff And
 * Jitter": each mode takes the capped exponential delay and keeps all, some or none of it.
 */
public enum Backoff {

    /** The capped exponential delay itself, no jitter; the default. */
    EXPONENTIAL("exponential"),

    /** Uniformly between 0 and 100% of the capped exponential delay. */
    FULL("full"),

    /** Half the capped exponential delay plus uniformly up to the other half: 50–100%. */
    EQUAL("equal");

    private final String configValue;

    Backoff(String configValue) {
        this.configValue = configValue;
    }

    /**
     * @return the value as written in configuration: {@code exponential}, {@code full} or {@code
     *     equal}
     */
    public String configValue() {
        return configValue;
    }

    /**
     * @param value {@code exponential}, {@code full} or {@code equal}, in any case
     * @return the mode
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Backoff parse(String value) {
        for (Backoff backoff : values()) {
            if (backoff.configValue.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return backoff;
            }
        }
        throw new IllegalArgumentException("must be one of "
                + Arrays.stream(values()).map(Backoff::configValue).collect(Collectors.joining(", "))
                + ", was \"" + value + "\"");
    }

    /**
     * Applies this mode's jitter.
     *
     * @param capped the capped exponential delay, not negative
     * @param random the source of jitter; unused by {@link #EXPONENTIAL}
     * @return the delay to wait, between 0 and {@code capped} inclusive
     */
    Duration jitter(Duration capped, Random random) {
        long nanos = capped.toNanos();
        switch (this) {
            case FULL:
                return Duration.ofNanos(uniform(random, nanos));
            case EQUAL:
                long half = nanos / 2;
                return Duration.ofNanos(half + uniform(random, nanos - half));
            default:
                return capped;
        }
    }

    /** Uniform in [0, bound], both ends included. */
    private static long uniform(Random random, long bound) {
        if (bound <= 0) {
            return 0;
        }
        return bound == Long.MAX_VALUE ? random.nextLong(bound) : random.nextLong(bound + 1);
    }
}
