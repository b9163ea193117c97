package io.sluice.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The optional features, rendered with charts/sluice/ci/all-features-values.yaml. */
class AllFeaturesManifestsTest {

    private static final String SECRETS_DIR = "/var/openfaas/secrets";

    /** The ServiceMonitor fields this chart may set; anything else is a typo the CRD would drop or reject. */
    private static final Set<String> SERVICE_MONITOR_SPEC_FIELDS =
            Set.of("selector", "endpoints", "namespaceSelector", "jobLabel", "targetLabels", "podTargetLabels");

    private static final Set<String> SERVICE_MONITOR_ENDPOINT_FIELDS = Set.of(
            "port",
            "path",
            "scheme",
            "interval",
            "scrapeTimeout",
            "honorLabels",
            "relabelings",
            "metricRelabelings",
            "bearerTokenSecret",
            "authorization",
            "tlsConfig");

    private final RenderedChart chart = RenderedChart.allFeatures();

    @Test
    void autoscalerOwnsTheReplicaCount() {
        Deployment deployment = chart.one(Deployment.class);

        HorizontalPodAutoscaler hpa = chart.one(HorizontalPodAutoscaler.class);

        assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName())
                .isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas())
                .isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        assertThat(hpa.getSpec().getMetrics()).extracting(MetricSpec::getType).contains("Resource", "Pods");
        assertThat(deployment.getSpec().getReplicas())
                .as("replicas left to the HPA")
                .isNull();
    }

    @Test
    void existingAndCreatedSecretsAreMountedWhereOpenFaasMountsThem() {
        Secret created = chart.one(Secret.class);
        PodSpec pod = chart.one(Deployment.class).getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);

        VolumeMount mount = RenderedManifestsTest.mount(container, SECRETS_DIR);
        List<VolumeProjection> projected = RenderedManifestsTest.volume(pod, mount.getName())
                .getProjected()
                .getSources();

        assertThat(mount.getReadOnly()).isTrue();
        assertThat(projected)
                .extracting(source -> source.getSecret().getName())
                .containsExactly("sluice-webhook-key", created.getMetadata().getName());
        assertThat(created.getData()).containsKey("sluice-admin-token");
        Map<String, Object> admin = Manifest.map(RenderedManifestsTest.pipeline(chart.one(ConfigMap.class)), "admin");
        assertThat(admin).containsEntry("token", "${secret:sluice-admin-token}");
        assertThat(chart.one(Deployment.class)
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations())
                .containsKey("checksum/secrets");
    }

    @Test
    void serviceMonitorScrapesTheServicesAdminPort() {
        Service service = chart.one(Service.class);
        List<Manifest> monitors = chart.ofKind("ServiceMonitor");

        assertThat(monitors).hasSize(1);
        Manifest monitor = monitors.get(0);
        Map<String, Object> spec = Manifest.map(monitor.tree(), "spec");

        assertThat(monitor.apiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(spec.keySet()).as("%s spec fields", monitor.label()).isSubsetOf(SERVICE_MONITOR_SPEC_FIELDS);
        Map<String, Object> matchLabels = Manifest.map(Manifest.map(spec, "selector"), "matchLabels");
        assertThat(matchLabels).isNotEmpty();
        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(stringMap(matchLabels));
        List<String> portNames =
                service.getSpec().getPorts().stream().map(ServicePort::getName).toList();
        assertThat(Manifest.list(spec, "endpoints"))
                .isNotEmpty()
                .allSatisfy(endpoint -> {
                    assertThat(endpoint.keySet()).isSubsetOf(SERVICE_MONITOR_ENDPOINT_FIELDS);
                    assertThat(portNames).contains((String) endpoint.get("port"));
                })
                .anySatisfy(endpoint ->
                        assertThat(endpoint).containsEntry("port", "admin").containsEntry("path", "/metrics"));
        assertThat(Manifest.map(monitor.tree(), "metadata").get("labels"))
                .asInstanceOf(MAP)
                .containsEntry("release", "kube-prometheus-stack");
    }

    @Test
    void extraEgressReachesExternalSinks() {
        List<NetworkPolicyEgressRule> egress =
                chart.one(NetworkPolicy.class).getSpec().getEgress();

        List<NetworkPolicyEgressRule> toCidrs = egress.stream()
                .filter(rule -> rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null))
                .toList();

        assertThat(toCidrs).hasSize(2);
        assertThat(toCidrs.get(0).getTo())
                .singleElement()
                .satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("203.0.113.0/24"));
        assertThat(RenderedManifestsTest.egressPorts(toCidrs.subList(0, 1))).containsExactly("TCP/443");
        assertThat(toCidrs.get(1).getTo())
                .singleElement()
                .satisfies(peer -> assertThat(peer.getIpBlock().getExcept()).contains("169.254.169.254/32"));
        assertThat(RenderedManifestsTest.egressPorts(toCidrs.subList(1, 2))).containsExactly("TCP/443", "TCP/9092");
        assertThat(RenderedManifestsTest.egressPorts(egress)).contains("UDP/53", "TCP/4222", "TCP/8080");
    }

    private static Map<String, String> stringMap(Map<String, Object> map) {
        return map.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue())));
    }
}
