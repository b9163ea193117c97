package io.sluice.config;

import java.util.List;

/**
 * A route: which inputs feed it, the condition an event must meet, the processors it runs, the
 * sinks it fans out to, and how many events it holds in flight at most.
 *
 * @param name unique route name
 * @param from sources (or sinks whose replies route onward) that feed this route
 * @param when a condition expression, or {@code null} to take every event
 * @param processors processor configs, run in order
 * @param to sink names; every output of the processors goes to each
 * @param maxInflight the most events this route holds unsettled; its sources stop taking more at it
 * @param continueMatching whether later routes are still tried after this one matched
 * @param orderingKey where the key lives whose events must be processed in order, or {@code null}
 * @param config the route's whole object, for errors with lines
 */
public record RouteConfig(
        String name,
        List<String> from,
        String when,
        List<ComponentConfig> processors,
        List<String> to,
        int maxInflight,
        boolean continueMatching,
        String orderingKey,
        ComponentConfig config) {}
