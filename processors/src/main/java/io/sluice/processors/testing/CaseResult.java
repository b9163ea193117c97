package io.sluice.processors.testing;

import java.time.Duration;
import java.util.List;

/**
 * The result of one test case.
 *
 * @param name the case's name
 * @param differences one readable line per mismatch (sink, event, field, expected, got); empty
 *     when the case passed
 * @param took how long the case ran, start-up and shutdown included
 */
public record CaseResult(String name, List<String> differences, Duration took) {

    public CaseResult {
        differences = List.copyOf(differences);
    }

    public boolean passed() {
        return differences.isEmpty();
    }
}
