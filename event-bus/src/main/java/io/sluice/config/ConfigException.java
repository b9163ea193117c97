package io.sluice.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that cannot be used, with every problem found in it. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /** Creates the exception from at least one problem. */
    public ConfigException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** Creates the exception from a single problem. */
    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    /** Every problem, in document order where known. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return "invalid configuration: " + problems.get(0);
        }
        return problems.stream()
                .map(ConfigProblem::toString)
                .collect(Collectors.joining(
                        "\n  ", "invalid configuration (" + problems.size() + " problems):\n  ", ""));
    }
}
