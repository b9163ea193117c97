package io.sluice.processors.testing;

import java.util.List;

/**
 * The results of a pipeline test file, in case order.
 *
 * @param file the test file, as named to the runner
 * @param cases one result per case
 */
public record TestReport(String file, List<CaseResult> cases) {

    public TestReport {
        cases = List.copyOf(cases);
    }

    /** Whether every case passed. */
    public boolean passed() {
        return cases.stream().allMatch(CaseResult::passed);
    }

    public long passedCount() {
        return cases.stream().filter(CaseResult::passed).count();
    }

    public long failedCount() {
        return cases.size() - passedCount();
    }

    /**
     * The report as text: a line per case, the differences of failed cases indented under it, and
     * a closing {@code N passed, N failed} line that CI tools recognise.
     */
    public String render() {
        StringBuilder text =
                new StringBuilder("Pipeline tests in ").append(file).append('\n');
        for (CaseResult result : cases) {
            text.append(result.passed() ? "PASS " : "FAIL ")
                    .append(result.name())
                    .append(" (")
                    .append(result.took().toMillis())
                    .append(" ms)\n");
            result.differences()
                    .forEach(line -> text.append("    ").append(line).append('\n'));
        }
        return text.append(passedCount())
                .append(" passed, ")
                .append(failedCount())
                .append(" failed\n")
                .toString();
    }
}
