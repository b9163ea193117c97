package io.sluice.connector.ai.impl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the sink remembers about an event between the core's attempts: how many it made (the core
 * calls {@code send} once per attempt, so the count is the attempt number) and a token reservation
 * the event already holds. Entries go when the event succeeds, fails for good or reaches its last
 * attempt; the map is bounded so that events the sink never hears of again cannot pile up.
 *
 * <p>Not thread-safe: one sink, one event loop.
 */
final class PendingEvents {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, State> states = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** Counts one more attempt for the event and returns its state. */
    State attempt(String key) {
        State state = states.computeIfAbsent(key, k -> new State());
        state.attempts++;
        return state;
    }

    /** Forgets the event. */
    void forget(String key) {
        states.remove(key);
    }

    int size() {
        return states.size();
    }

    /** One event's memory. */
    static final class State {
        int attempts;
        /** When the tokens this event reserved are covered, in epoch ms; -1 when it holds none. */
        long tokensReadyAt = -1;
    }
}
