package io.sluice.processors.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigLoader;
import io.sluice.config.SluiceConfig;
import io.sluice.config.Substitutions;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.vertx.core.Vertx;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code pipelines/orders.yaml}, whose source, sinks, dead-letter store and dedupe store are
 * JetStream and OpenFaaS types that are not on this module's classpath: a case can only pass if the
 * runner replaced every one of them.
 */
class PipelineTestRunnerTest {

    private Vertx vertx;
    private PipelineTestRunner runner;
    private SluiceConfig config;

    @BeforeEach
    void setUp() throws URISyntaxException {
        vertx = Vertx.vertx();
        runner = new PipelineTestRunner(vertx);
        config = new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).load(resource("orders.yaml"));
    }

    @AfterEach
    void tearDown() {
        Await.result(vertx.close());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(
                PipelineTestRunnerTest.class.getResource("/pipelines/" + name).toURI());
    }

    @Test
    void testComponentTypesOutsideAPipelineTestAreRefusedNamingTheKey() {
        SluiceConfig real = new ConfigLoader(new Substitutions(Map.of(), Path.of("/none")))
                .parse(
                        "real.yaml",
                        "dead-letter: {type: test-memory}\n"
                                + "sources: [{name: in, type: test-input}]\n"
                                + "sinks: [{name: out, type: test-capture}]\n"
                                + "routes: [{name: r, from: in, to: out}]\n");

        Throwable failure = Await.failure(Sluice.start(vertx, real));

        assertThat(failure)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is for pipeline tests only")
                .hasMessageContaining("test-");
    }

    @Test
    void passesWhenEverySinkReceivesWhatTheCasesExpect() throws URISyntaxException {
        TestReport report = Await.result(runner.run(config, PipelineTestRunner.testFileFor(resource("orders.yaml"))));

        assertThat(report.render()).endsWith("3 passed, 0 failed\n");
        assertThat(report.passed()).isTrue();
    }

    @Test
    void failsAWrongExpectationWithAFieldByFieldDiff() throws URISyntaxException {
        TestReport report = Await.result(runner.run(config, resource("orders-wrong.test.yaml")));

        assertThat(report.passed()).isFalse();
        assertThat(report.cases().get(0).passed()).isTrue();
        assertThat(report.cases().get(1).differences())
                .containsExactly(
                        "sink 'audit' event 1 type: expected \"order.created\", got \"order.paid\"",
                        "sink 'audit' event 1 data.total: expected 999, got 250",
                        "sink 'audit' event 1 data.flagged: expected no such key, got true",
                        "sink 'receipts': expected 0 event(s), got 1",
                        "sink 'receipts' event 1: unexpected event {type: \"order.paid\", data: "
                                + "{\"customer\":\"Ada\",\"total\":250,\"receipt\":\"Thanks Ada, we received 250.\"}}");
        assertThat(report.render())
                .contains("PASS a small paid order only gets a receipt")
                .contains("FAIL a big paid order is audited")
                .contains("    sink 'audit' event 1 data.total: expected 999, got 250\n")
                .endsWith("1 passed, 1 failed\n");
    }

    @Test
    void malformedTestFileIsRejectedWithFileAndLine() throws URISyntaxException {
        Path file = resource("orders-bad.test.yaml");

        Throwable failure = Await.failure(runner.run(config, file));

        assertThat(failure)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":3: /0/input/event/type: is required");
    }

    @Test
    void caseNamingAnUnknownSourceOrSinkFailsWithTheKnownNames() {
        String cases = "- name: wrong names\n"
                + "  input: {source: payments, event: {type: order.paid}}\n"
                + "  expect: {invoices: []}\n";

        TestReport report = Await.result(runner.run(config, "inline.test.yaml", cases));

        assertThat(report.cases().get(0).differences())
                .containsExactly(
                        "input.source 'payments' is not a source of the configuration; sources: orders",
                        "expect names 'invoices', which is not a sink; sinks: audit, receipts");
    }

    @Test
    void configurationThatCannotBeBuiltFailsTheRunWithItsLine() {
        SluiceConfig broken = new ConfigLoader(new Substitutions(Map.of(), Path.of("/none")))
                .parse(
                        "broken.yaml",
                        "dead-letter: {type: jetstream}\n"
                                + "sources: [{name: in, type: jetstream, stream: S, subject: s}]\n"
                                + "sinks: [{name: out, type: openfaas-function}]\n"
                                + "routes:\n"
                                + "  - {name: r, from: in, to: out, when: 'data.total >'}\n");

        Throwable failure = Await.failure(runner.run(broken, "broken.test.yaml", "[]"));

        assertThat(failure)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broken.yaml:5: /routes/0/when: 1:");
    }

    @Test
    void testFileLiesBesideTheConfiguration() {
        assertThat(PipelineTestRunner.testFileFor(Path.of("/etc/sluice/openfaas-async.yaml")))
                .isEqualTo(Path.of("/etc/sluice/openfaas-async.test.yaml"));
        assertThat(PipelineTestRunner.testFileFor(Path.of("pipeline.yml"))).isEqualTo(Path.of("pipeline.test.yml"));
    }
}
