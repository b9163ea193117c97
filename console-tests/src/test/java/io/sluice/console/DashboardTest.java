package io.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard the chart ships: valid for Grafana 10+, and drawn only from documented metrics. */
class DashboardTest {

    private static final String DATASOURCE = "${DS_PROMETHEUS}";
    private static final int GRID_COLUMNS = 24;
    private static final Pattern METRIC = Pattern.compile("\\b(?:sluice|queue_worker)_[a-z0-9_]+\\b");

    /** What issue 9 asks the dashboard to show. */
    private static final Set<String> REQUIRED = Set.of(
            "sluice_source_events_total",
            "sluice_source_settled_total",
            "sluice_sink_deliveries_total",
            "sluice_route_inflight",
            "sluice_route_capacity",
            "sluice_sink_retries_total",
            "sluice_dead_letters_total",
            "sluice_sink_breaker_state",
            "sluice_cdc_slot_lag_bytes",
            "sluice_sink_send_seconds",
            "sluice_function_invocation_seconds");

    private JsonNode dashboard;

    @BeforeEach
    void read() throws IOException {
        dashboard = new ObjectMapper().readTree(Repository.DASHBOARD.toFile());
    }

    @Test
    void isADashboardOfSchemaVersion39OrLater() {
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(panels()).isNotEmpty();
    }

    @Test
    void everyQueryReadsThePrometheusDatasourceVariable() {
        JsonNode variable = templateVariable("DS_PROMETHEUS");

        List<JsonNode> queried = new ArrayList<>(queryPanels());
        templateVariables().stream()
                .filter(v -> "query".equals(v.path("type").asText()))
                .forEach(queried::add);

        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        assertThat(queried)
                .allSatisfy(node -> assertThat(
                                node.path("datasource").path("uid").asText())
                        .as(
                                "datasource of %s",
                                node.path("title").asText(node.path("name").asText()))
                        .isEqualTo(DATASOURCE));
        assertThat(targets())
                .allSatisfy(target -> assertThat(
                                target.path("datasource").path("uid").asText())
                        .as("datasource of query %s", target.path("expr").asText())
                        .isEqualTo(DATASOURCE));
    }

    @Test
    void everyQueryNamesOnlyDocumentedMetrics() throws IOException {
        MetricsReference reference = MetricsReference.read();

        Set<String> used = metricsInQueries();

        assertThat(used)
                .as("metrics the dashboard queries that %s does not list", Repository.METRICS_DOC)
                .filteredOn(metric -> !reference.covers(metric))
                .isEmpty();
    }

    @Test
    void showsThroughputSaturationFailuresLagAndLatency() {
        Set<String> used = metricsInQueries();

        assertThat(used).containsAll(REQUIRED);
    }

    @Test
    void panelsHaveUniqueIdsAndDoNotOverlap() {
        List<JsonNode> panels = panels();

        Set<Integer> ids = new HashSet<>();
        assertThat(panels)
                .allSatisfy(panel -> assertThat(ids.add(panel.path("id").asInt()))
                        .as("panel id %s is unique", panel.path("id"))
                        .isTrue());
        for (int i = 0; i < panels.size(); i++) {
            JsonNode a = panels.get(i).path("gridPos");
            assertThat(a.path("x").asInt() + a.path("w").asInt())
                    .as("right edge of %s", panels.get(i).path("title").asText())
                    .isLessThanOrEqualTo(GRID_COLUMNS);
            for (int j = i + 1; j < panels.size(); j++) {
                assertThat(overlap(a, panels.get(j).path("gridPos")))
                        .as(
                                "%s overlaps %s",
                                panels.get(i).path("title").asText(),
                                panels.get(j).path("title").asText())
                        .isFalse();
            }
        }
    }

    private List<JsonNode> panels() {
        return StreamSupport.stream(dashboard.path("panels").spliterator(), false)
                .toList();
    }

    private List<JsonNode> queryPanels() {
        return panels().stream()
                .filter(panel -> !"row".equals(panel.path("type").asText()))
                .toList();
    }

    private List<JsonNode> targets() {
        return queryPanels().stream()
                .flatMap(panel -> StreamSupport.stream(panel.path("targets").spliterator(), false))
                .toList();
    }

    private List<JsonNode> templateVariables() {
        return StreamSupport.stream(dashboard.path("templating").path("list").spliterator(), false)
                .toList();
    }

    private JsonNode templateVariable(String name) {
        return templateVariables().stream()
                .filter(variable -> name.equals(variable.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no template variable " + name));
    }

    private Set<String> metricsInQueries() {
        List<String> queries = new ArrayList<>();
        targets().forEach(target -> queries.add(target.path("expr").asText()));
        templateVariables()
                .forEach(variable -> queries.add(variable.path("definition").asText()));
        Set<String> metrics = new TreeSet<>();
        queries.forEach(query ->
                METRIC.matcher(query).results().map(match -> match.group()).forEach(metrics::add));
        return metrics;
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
    }
}
