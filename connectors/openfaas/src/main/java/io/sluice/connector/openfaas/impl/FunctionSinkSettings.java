package io.sluice.connector.openfaas.impl;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.sluice.config.ComponentConfig;
import io.sluice.connector.openfaas.retry.RetryPolicy;
import io.sluice.connector.openfaas.retry.RetrySetting;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The function sink's options: the gateway, the upstream timeout, OpenFaaS Pro's retry settings
 * (same names as the queue-worker's environment, in kebab-case) and the per-function breaker.
 */
record FunctionSinkSettings(
        String sinkName,
        String gatewayUrl,
        Duration upstreamTimeout,
        RetryPolicy retries,
        CircuitBreakerConfig breaker,
        String function,
        int connections,
        String userAgent) {

    static final Set<String> KEYS = keys();

    static FunctionSinkSettings from(ComponentConfig config) {
        config.rejectUnknown(KEYS);
        Map<String, String> retry = new HashMap<>();
        for (RetrySetting setting : RetrySetting.values()) {
            if (config.has(setting.key())) {
                retry.put(setting.key(), String.join(",", config.strings(setting.key(), null)));
            }
        }
        RetryPolicy policy;
        try {
            policy = RetryPolicy.fromSettings(retry);
        } catch (IllegalArgumentException e) {
            throw config.problem("", e.getMessage(), null);
        }
        return new FunctionSinkSettings(
                config.name(),
                stripSlash(config.string("gateway-url", "http://gateway.openfaas:8080")),
                config.positiveDuration("upstream-timeout", Duration.ofMinutes(1)),
                policy,
                breaker(
                        config.section("function-circuit-breaker"),
                        config.positiveDuration("upstream-timeout", Duration.ofMinutes(1))),
                config.string("function", null),
                config.integer("connections", 64, 1, 10_000),
                "sluice/0.1 (openfaas-queue-worker compatible)");
    }

    private static CircuitBreakerConfig breaker(ComponentConfig cb, Duration upstreamTimeout) {
        if (!cb.bool("enabled", true)) {
            return null;
        }
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(cb.integer("failure-rate-threshold", 50, 1, 100))
                .minimumNumberOfCalls(cb.integer("minimum-calls", 10, 1, 10_000))
                .slidingWindowSize(cb.integer("window", 20, 1, 10_000))
                .waitDurationInOpenState(cb.positiveDuration("open-wait", Duration.ofSeconds(30)))
                .permittedNumberOfCallsInHalfOpenState(cb.integer("half-open-calls", 3, 1, 1000))
                // A function that is slow but answers within upstream-timeout is not failing:
                // without this, Resilience4j's 60 s slow-call default opens the breaker after a stall.
                .slowCallDurationThreshold(upstreamTimeout.plusSeconds(1))
                .build();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Set<String> keys() {
        Set<String> keys = new HashSet<>(Set.of(
                "gateway-url",
                "upstream-timeout",
                "function-circuit-breaker",
                "function",
                "connections",
                "concurrency",
                "timeout",
                "rate",
                "circuit-breaker"));
        for (RetrySetting setting : RetrySetting.values()) {
            keys.add(setting.key());
        }
        return Set.copyOf(keys);
    }
}
