package io.sluice.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that cannot be used, with every problem found in it. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;
    private final transient SluiceConfig readable;

    /** Creates the exception from at least one problem. */
    public ConfigException(List<ConfigProblem> problems) {
        this(problems, null);
    }

    /**
     * Creates the exception from at least one problem found in a configuration that could still be
     * read into components, so the components the problems do not touch can be checked further.
     */
    public ConfigException(List<ConfigProblem> problems, SluiceConfig readable) {
        super(render(problems));
        this.problems = List.copyOf(problems);
        this.readable = readable;
    }

    /** Creates the exception from a single problem. */
    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    /** The configuration as read despite the problems, or {@code null} when it could not be. */
    public SluiceConfig readable() {
        return readable;
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
