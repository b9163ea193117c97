package io.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md lists exactly the metric families the code registers. A family is any string
 * literal {@code "sluice_…"} or {@code "queue_worker_…"} in main sources: every metric is named with
 * {@code MetricNames.name("family", …)} or a constant holding its family.
 */
class MetricsDocumentedTest {

    private static final Pattern FAMILY_LITERAL = Pattern.compile("\"((?:sluice|queue_worker)_[a-z0-9_]*[a-z0-9])\"");

    /** Directories that hold no main sources of the project, or copies of them. */
    private static final Set<String> SKIPPED = Set.of(".git", ".tools", "target", "node_modules");

    @Test
    void everyMetricInTheCodeIsDocumented() throws IOException {
        Set<String> inCode = familiesInCode();

        MetricsReference reference = MetricsReference.read();

        assertThat(inCode).as("metric families found in main sources").isNotEmpty();
        assertThat(inCode)
                .as("families in the code without a row in %s", Repository.METRICS_DOC)
                .isSubsetOf(reference.families().keySet());
    }

    @Test
    void everyDocumentedMetricExistsInTheCode() throws IOException {
        MetricsReference reference = MetricsReference.read();

        Set<String> inCode = familiesInCode();

        assertThat(reference.families().keySet())
                .as("rows of %s naming no family in the code", Repository.METRICS_DOC)
                .isSubsetOf(inCode);
    }

    private static Set<String> familiesInCode() throws IOException {
        Set<String> families = new TreeSet<>();
        Files.walkFileTree(Repository.ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return SKIPPED.contains(String.valueOf(dir.getFileName()))
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (file.toString().endsWith(".java") && file.toString().contains("/src/main/java/")) {
                    FAMILY_LITERAL
                            .matcher(Files.readString(file, StandardCharsets.UTF_8))
                            .results()
                            .forEach(match -> families.add(match.group(1)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return families;
    }
}
