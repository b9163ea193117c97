package io.sluice.runtime.impl;

import io.sluice.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands an event from an input (a source, or a sink whose replies route onward) to the routes it
 * feeds, in configuration order, each route's condition deciding; a route that does not say {@code
 * continue: true} ends the matching.
 */
final class Dispatcher {

    private final Map<String, List<RouteVerticle>> routesByInput = new HashMap<>();
    private DeadLetters deadLetters;

    void add(String input, RouteVerticle route) {
        routesByInput.computeIfAbsent(input, k -> new ArrayList<>()).add(route);
    }

    void deadLetters(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    List<RouteVerticle> routesFedBy(String input) {
        return routesByInput.getOrDefault(input, List.of());
    }

    /**
     * Routes the event as outputs of the settlement; the caller seals the settlement afterwards.
     */
    void dispatch(String input, Event event, String origin, Settlement settlement) {
        for (RouteVerticle route : routesFedBy(input)) {
            boolean matches;
            try {
                matches = route.condition().test(event);
            } catch (RuntimeException e) {
                // A condition that cannot be evaluated for this event (missing field, wrong type)
                // dead-letters this event alone; the route keeps serving the others.
                deadLetters.write(
                        settlement,
                        event,
                        origin,
                        route.name(),
                        null,
                        new IllegalArgumentException(
                                "condition of route '" + route.name() + "' failed: " + e.getMessage(), e),
                        1);
                continue;
            }
            if (matches) {
                route.accept(event, origin, settlement);
                if (!route.continueMatching()) {
                    return;
                }
            }
        }
    }

    /** Routes a sink's reply as a child output of the original event's settlement. */
    void reply(String sinkName, Event reply, String origin, Settlement settlement) {
        Settlement child = settlement.child(() -> {});
        dispatch(sinkName, reply, origin, child);
        child.seal();
    }
}
