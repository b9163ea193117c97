package io.sluice.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every example configuration validates, and passes the pipeline tests that ship beside it. */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(
                            f -> f.toString().endsWith(".yaml") && !f.toString().endsWith(".test.yaml"))
                    .sorted()
                    .toList();
        }
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleValidates(Path example) {
        StringWriter out = new StringWriter();

        int exit = run(out, "validate", "--config", example.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("valid");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void examplePassesItsPipelineTests(Path example) {
        Path tests = Path.of(example.toString().replace(".yaml", ".test.yaml"));
        assertThat(tests).as("every example ships pipeline tests beside it").exists();
        StringWriter out = new StringWriter();

        int exit = run(out, "test", "--config", example.toString());

        assertThat(exit).as(out.toString()).isZero();
    }

    @Test
    void validateListsEveryProblemWithItsLineAndExitsOne() throws IOException {
        Path bad = Files.createTempFile("bad", ".yaml");
        Files.writeString(
                bad,
                "dead-letter: {type: jetstream}\nsources:\n  - name: q\n    type: openfaas-queue\n"
                        + "    max-inflight: 0\nroutes:\n  - {name: r, from: [q], to: [nope]}\n");
        StringWriter out = new StringWriter();

        int exit = run(out, "validate", "--config", bad.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains(bad + ":5: /sources/0/max-inflight: must have a minimum value of 1 (got 0)")
                .contains(bad + ":7: /routes/0/to/0: must name a sink");
    }

    @Test
    void validateChecksTheComponentsTheSchemaProblemsLeaveAlone() throws IOException {
        Path bad = Files.createTempFile("bad", ".yaml");
        Files.writeString(
                bad,
                String.join(
                        "\n",
                        "dead-letter: {type: jetstream}",
                        "sources:",
                        "  - {name: q, type: openfaas-queue, max-inflight: 0}",
                        "  - {name: k, type: kafka, bootstrap-servers: 'b:9092', topic-pattern: 'orders-['}",
                        "routes:",
                        "  - {name: r, from: [q, k], when: 'type ==', to: [out]}",
                        "sinks:",
                        "  - {name: out, type: kafka, bootstrap-servers: 'b:9092', topic: t}",
                        ""));
        StringWriter out = new StringWriter();

        int exit = run(out, "validate", "--config", bad.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains(bad + ":3: /sources/0/max-inflight: must have a minimum value of 1 (got 0)")
                .contains(bad + ":4: /sources/1/topic-pattern: must be a regular expression")
                .contains(bad + ":6: /routes/0/when:")
                .contains("3 problem(s)");
    }

    @Test
    void aMissingDeadLetterSectionIsOneProblem() throws IOException {
        Path bad = Files.createTempFile("bad", ".yaml");
        Files.writeString(bad, "http: {port: 8080}\n");
        StringWriter out = new StringWriter();

        int exit = run(out, "validate", "--config", bad.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("1 problem(s)")
                .contains(bad + ":1: /: required property 'dead-letter' not found");
    }

    @Test
    void versionNamesTheProgram() {
        StringWriter out = new StringWriter();

        int exit = run(out, "--version");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("sluice ");
    }
}
