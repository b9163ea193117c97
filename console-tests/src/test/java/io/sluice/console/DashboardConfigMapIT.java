package io.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart ships the dashboard as a ConfigMap the Grafana sidecar picks up, only when asked. Renders
 * with the helm binary that {@code scripts/check-chart.sh} installs into {@code .tools/} (and runs
 * that script first when it is missing).
 */
class DashboardConfigMapIT {

    private static final Path HELM = Repository.ROOT.resolve(".tools/helm/helm");
    private static final Path CHECK_CHART = Repository.ROOT.resolve("scripts/check-chart.sh");
    private static final long TIMEOUT_MINUTES = 10;

    @Test
    @SuppressWarnings("unchecked")
    void enabledDashboardIsAConfigMapForTheGrafanaSidecar() throws Exception {
        String rendered = helmTemplate(
                "--set", "dashboard.enabled=true",
                "--set", "dashboard.annotations.grafana_folder=Sluice",
                "--show-only", "templates/dashboard.yaml");

        Map<String, Object> configMap =
                (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(rendered);

        assertThat(configMap).containsEntry("apiVersion", "v1").containsEntry("kind", "ConfigMap");
        Map<String, Object> metadata = (Map<String, Object>) configMap.get("metadata");
        assertThat((Map<String, Object>) metadata.get("labels")).containsEntry("grafana_dashboard", "1");
        assertThat((Map<String, Object>) metadata.get("annotations")).containsEntry("grafana_folder", "Sluice");
        String json = ((Map<String, String>) configMap.get("data")).get("sluice.json");
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(json)).isEqualTo(mapper.readTree(Repository.DASHBOARD.toFile()));
    }

    @Test
    void defaultsShipNoDashboard() throws Exception {
        String rendered = helmTemplate();

        assertThat(rendered).contains("kind: Deployment").doesNotContain("grafana_dashboard");
    }

    private static String helmTemplate(String... extra) throws IOException, InterruptedException {
        ensureHelm();
        List<String> command = new ArrayList<>(
                List.of(HELM.toString(), "template", "sluice", "charts/sluice", "--namespace", "openfaas"));
        command.addAll(List.of(extra));
        return run(command);
    }

    private static void ensureHelm() throws IOException, InterruptedException {
        if (!Files.isExecutable(HELM)) {
            run(List.of("bash", CHECK_CHART.toString()));
        }
        assertThat(HELM).as("helm installed by %s", CHECK_CHART).isExecutable();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(Repository.ROOT.toFile());
        // The same private helm home as check-chart.sh: nothing read from or written to the user's.
        Map<String, String> env = builder.environment();
        env.put(
                "HELM_CACHE_HOME",
                Repository.ROOT.resolve(".tools/helm-home/cache").toString());
        env.put(
                "HELM_CONFIG_HOME",
                Repository.ROOT.resolve(".tools/helm-home/config").toString());
        env.put(
                "HELM_DATA_HOME",
                Repository.ROOT.resolve(".tools/helm-home/data").toString());
        Path errors = Files.createTempFile("helm", ".log");
        Process process = builder.redirectError(errors.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + TIMEOUT_MINUTES + " min");
        }
        String log = Files.readString(errors, StandardCharsets.UTF_8);
        Files.delete(errors);
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " exited " + process.exitValue() + ": " + log);
        }
        return output;
    }
}
