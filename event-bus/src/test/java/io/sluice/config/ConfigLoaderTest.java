package io.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path secrets;

    private ConfigLoader loader(Map<String, String> env) {
        return new ConfigLoader(new Substitutions(env, secrets));
    }

    @Test
    void substitutesEnvironmentDefaultsAndSecretsThenTypesTheValue() throws IOException {
        Files.writeString(secrets.resolve("nats-token"), "s3cret\n");
        String yaml = "http:\n  port: ${SLUICE_HTTP_PORT:-8080}\n"
                + "nats:\n  url: ${NATS_URL}\n  token: ${secret:nats-token}\n"
                + "dead-letter: {type: jetstream}\n";

        SluiceConfig config = loader(Map.of("NATS_URL", "nats://n:4222")).parse("a.yaml", yaml);

        assertThat(config.http().json().getValue("port")).isEqualTo(8080L);
        assertThat(config.section("nats").string("url", null)).isEqualTo("nats://n:4222");
        assertThat(config.section("nats").string("token", null)).isEqualTo("s3cret");
    }

    @Test
    void missingVariableIsReportedWithItsKeyAndLine() {
        String yaml = "dead-letter: {type: jetstream}\nnats:\n  url: ${NATS_URL}\n";

        assertThatThrownBy(() -> loader(Map.of()).parse("b.yaml", yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("b.yaml:3: /nats/url: environment variable NATS_URL is not set");
    }

    @Test
    void schemaViolationsAreAllReportedWithFileLineKeyRuleAndValue() {
        String yaml = "dead-letter: {type: jetstream}\n"
                + "sources:\n"
                + "  - name: q\n"
                + "    type: openfaas-queue\n"
                + "    max-inflight: 0\n"
                + "    ack-wait: soon\n"
                + "colour: blue\n";

        ConfigException error = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(
                () -> loader(Map.of()).parse("c.yaml", yaml));

        assertThat(error.problems())
                .extracting(ConfigProblem::toString)
                .anySatisfy(p -> assertThat(p)
                        .startsWith("c.yaml:5: /sources/0/max-inflight:")
                        .contains("minimum")
                        .contains("(got 0)"))
                .anySatisfy(p -> assertThat(p).startsWith("c.yaml:6: /sources/0/ack-wait:"))
                .anySatisfy(p -> assertThat(p).contains("colour"));
    }

    @Test
    void aMissingTopLevelKeyIsNamedPlainly() {
        ConfigException error = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(
                () -> loader(Map.of()).parse("e.yaml", "http: {port: 8080}\n"));

        assertThat(error.problems())
                .extracting(ConfigProblem::rule)
                .contains("required property 'dead-letter' not found");
    }

    @Test
    void aFailedChoiceIsOneProblemSayingWhatItWantsNotOnePerAlternative() {
        String yaml = "dead-letter: {type: jetstream}\n"
                + "sources:\n"
                + "  - name: k\n"
                + "    type: kafka\n"
                + "    bootstrap-servers: b:9092\n"
                + "    commit-interval: soon\n";

        ConfigException error = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(
                () -> loader(Map.of()).parse("d.yaml", yaml));

        assertThat(error.problems())
                .extracting(ConfigProblem::toString)
                .containsExactly(
                        "d.yaml:3: /sources/0: exactly one of 'topics' and 'topic-pattern' is required",
                        "d.yaml:6: /sources/0/commit-interval: must be a duration such as 500ms, 30s, 2m or 1h30m,"
                                + " or a number of seconds (got \"soon\")");
    }

    @Test
    void routesMustNameExistingSourcesAndSinks() {
        String yaml = "dead-letter: {type: jetstream}\n"
                + "sources: [{name: q, type: manual}]\n"
                + "sinks: [{name: f, type: scripted}]\n"
                + "routes:\n"
                + "  - name: r\n"
                + "    from: [q]\n"
                + "    to: [typo]\n";

        assertThatThrownBy(() -> loader(Map.of()).parse("d.yaml", yaml))
                .hasMessageContaining("d.yaml:7: /routes/0/to/0: must name a sink; known sinks: f (got typo)");
    }

    @Test
    void invalidYamlNamesTheLine() {
        assertThatThrownBy(() -> loader(Map.of()).parse("e.yaml", "dead-letter: {type: jetstream}\nsources: [\n"))
                .hasMessageContaining("e.yaml:")
                .hasMessageContaining("is not valid YAML");
    }

    @Test
    void componentOptionsRejectBadValuesNamingKeyAndRule() {
        String yaml = "dead-letter: {type: jetstream}\nsinks:\n  - name: s\n    type: custom\n    size: lots\n";
        SluiceConfig config = loader(Map.of()).parse("f.yaml", yaml);

        assertThatThrownBy(() -> config.sinks().get(0).bytes("size", 1))
                .hasMessage("invalid configuration: f.yaml:5: /sinks/0/size: must be a size such as 262144, 256KiB"
                        + " or 1MiB (got lots)");
    }

    @Test
    void componentSchemasInTheirOwnFilesAreResolvedFromTheClasspath() {
        String yaml = "dead-letter: {type: jetstream}\n"
                + "sources:\n  - {name: j, type: jetstream, stream: s, subject: s.>, max-inflight: 0}\n";

        assertThatThrownBy(() -> loader(Map.of()).parse("g.yaml", yaml))
                .hasMessageContaining("g.yaml:3: /sources/0/max-inflight")
                .hasMessageNotContaining("sluice.io");
    }
}
