package io.sluice.processors.impl;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Processor;
import io.sluice.spi.ProcessorFactory;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: throttle}: passes at most {@code rate.limit} events per {@code rate.period}, holding
 * the others until their turn.
 */
public final class ThrottleProcessorFactory implements ProcessorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ThrottleProcessorFactory.class);

    /** Object {@code {limit, period}}, as for sinks: events let through per period. */
    static final String RATE = "rate";
    /** Required: events per period, at least 1. */
    static final String LIMIT = "limit";
    /** The period; default 1s. */
    static final String PERIOD = "period";

    /** Every option, as the schema {@code processor-throttle.schema.json} declares them. */
    static final Set<String> OPTIONS = Set.of(RATE);

    /**
     * How far ahead a permit may be reserved. The route's max-inflight already bounds the queue, so
     * this only guards against an overflow in the limiter's arithmetic.
     */
    private static final Duration LONGEST_WAIT = Duration.ofDays(365);

    @Override
    public String type() {
        return "throttle";
    }

    @Override
    public Processor create(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(OPTIONS);
        if (!config.has(RATE)) {
            throw config.problem(RATE, "is required: write rate: {limit: N, period: 1s}", null);
        }
        ComponentConfig rate = config.section(RATE);
        rate.rejectUnknown(Set.of(LIMIT, PERIOD));
        if (!rate.has(LIMIT)) {
            throw rate.problem(LIMIT, "is required", null);
        }
        int limit = rate.integer(LIMIT, 1, 1, 1_000_000);
        Duration period = rate.positiveDuration(PERIOD, Duration.ofSeconds(1));
        RateLimiter limiter = RateLimiter.of(
                "throttle-" + config.name(),
                RateLimiterConfig.custom()
                        .limitForPeriod(limit)
                        .limitRefreshPeriod(period)
                        .timeoutDuration(LONGEST_WAIT)
                        .build());
        LOG.info("Route '{}' throttle: {} event(s) per {}", config.name(), limit, period);
        return new ThrottleProcessor(limiter);
    }
}
