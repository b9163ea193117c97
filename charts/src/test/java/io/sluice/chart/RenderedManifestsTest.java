package io.sluice.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart rendered with its defaults, and with every optional feature on, read back as Kubernetes objects. */
class RenderedManifestsTest {

    /** Kinds defined by CRDs, which the fabric8 model cannot check; they get structural checks instead. */
    private static final Set<String> CUSTOM_KINDS = Set.of("ServiceMonitor");

    private static final String CONFIG_FILE = "/etc/sluice/sluice.yaml";

    static Stream<Named<RenderedChart>> renders() {
        return Stream.of(
                Named.of("defaults", RenderedChart.defaults()), Named.of("all features", RenderedChart.allFeatures()));
    }

    @ParameterizedTest
    @MethodSource("renders")
    void everyDocumentIsABuiltInKindWithOnlyKnownFields(RenderedChart chart) {
        List<String> problems = new ArrayList<>();

        for (Manifest manifest : chart.manifests()) {
            if (!CUSTOM_KINDS.contains(manifest.kind())) {
                problems.addAll(modelProblems(manifest));
            }
        }

        assertThat(chart.manifests()).as("documents in %s", chart.file()).isNotEmpty();
        assertThat(problems).as("problems in %s", chart.file()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("renders")
    void probesAskTheAdminListener(RenderedChart chart) {
        Container container = container(chart.one(Deployment.class));
        Service service = chart.one(Service.class);

        assertThat(port(container, "admin").getContainerPort()).isEqualTo(8081);
        assertThat(port(container, "http").getContainerPort()).isEqualTo(8080);
        assertProbe(container.getReadinessProbe(), "/health/ready");
        assertProbe(container.getLivenessProbe(), "/health/live");
        assertProbe(container.getStartupProbe(), "/health/live");
        assertThat(servicePort(service, "admin").getTargetPort()).isEqualTo(new IntOrString("admin"));
        assertThat(servicePort(service, "http").getTargetPort()).isEqualTo(new IntOrString("http"));
    }

    @ParameterizedTest
    @MethodSource("renders")
    void podRunsAsNonRootOnAReadOnlyRootFilesystem(RenderedChart chart) {
        PodSpec pod = chart.one(Deployment.class).getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(volume(pod, mount(container, "/tmp").getName()).getEmptyDir())
                .isNotNull();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("renders")
    void configMapHoldsAPipelineWhoseRoutesNameItsSourcesAndSinks(RenderedChart chart) {
        ConfigMap configMap = chart.one(ConfigMap.class);
        PodSpec pod = chart.one(Deployment.class).getSpec().getTemplate().getSpec();

        Map<String, Object> config = pipeline(configMap);

        assertThat(config).containsKeys("sources", "routes", "sinks");
        Set<String> sources = names(Manifest.list(config, "sources"));
        Set<String> sinks = names(Manifest.list(config, "sinks"));
        assertThat(sources).isNotEmpty();
        assertThat(sinks).isNotEmpty();
        for (Map<String, Object> route : Manifest.list(config, "routes")) {
            assertThat(sources).as("sources of route %s", route.get("name")).containsAll(strings(route, "from"));
            assertThat(sinks).as("sinks of route %s", route.get("name")).containsAll(strings(route, "to"));
        }
        assertThat(Manifest.map(config, "http").get("port")).isEqualTo(8080);
        assertThat(Manifest.map(config, "admin").get("port")).isEqualTo(8081);
        Container container = pod.getContainers().get(0);
        assertThat(container.getArgs()).containsExactly("run", "--config", CONFIG_FILE);
        Volume configVolume = volume(pod, mount(container, "/etc/sluice").getName());
        assertThat(configVolume.getConfigMap().getName())
                .isEqualTo(configMap.getMetadata().getName());
    }

    @Test
    void defaultPipelineWorksTheOpenFaasQueueNextToAStandardInstall() {
        Map<String, Object> config = pipeline(RenderedChart.defaults().one(ConfigMap.class));

        assertThat(Manifest.map(config, "nats")).containsEntry("url", "nats://nats.openfaas:4222");
        assertThat(Manifest.map(config, "dead-letter")).containsEntry("type", "jetstream");
        assertThat(Manifest.list(config, "sources"))
                .anySatisfy(source -> assertThat(source)
                        .containsEntry("type", "openfaas-queue")
                        .containsEntry("stream", "faas-request")
                        .containsEntry("subject", "faas-request")
                        .containsEntry("durable", "faas-workers")
                        .containsKeys("max-inflight", "ack-wait"))
                .anySatisfy(source -> assertThat(source).containsEntry("type", "openfaas-async-http"));
        assertThat(Manifest.list(config, "sinks"))
                .singleElement()
                .satisfies(sink -> assertThat(sink)
                        .containsEntry("type", "openfaas-function")
                        .containsEntry("gateway-url", "http://gateway.openfaas:8080")
                        .containsKeys("upstream-timeout", "retries"));
    }

    @Test
    void aConfigChangeChangesThePodTemplateSoPodsRoll() {
        String defaults = configChecksum(RenderedChart.defaults());

        String allFeatures = configChecksum(RenderedChart.allFeatures());

        assertThat(defaults).matches("[0-9a-f]{64}");
        assertThat(allFeatures).matches("[0-9a-f]{64}").isNotEqualTo(defaults);
    }

    @ParameterizedTest
    @MethodSource("renders")
    void jvmSizesItsHeapFromTheMemoryLimit(RenderedChart chart) {
        Container container = container(chart.one(Deployment.class));

        assertThat(container.getEnv())
                .filteredOn(env -> env.getName().equals("JAVA_TOOL_OPTIONS"))
                .singleElement()
                .extracting(EnvVar::getValue)
                .asString()
                .contains("-XX:MaxRAMPercentage=75");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    }

    @ParameterizedTest
    @MethodSource("renders")
    void serviceBudgetAndPolicySelectTheDeploymentsPods(RenderedChart chart) {
        Deployment deployment = chart.one(Deployment.class);
        Map<String, String> podLabels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();

        assertThat(podLabels)
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(podLabels)
                .containsAllEntriesOf(chart.one(Service.class).getSpec().getSelector());
        assertThat(podLabels)
                .containsAllEntriesOf(chart.one(PodDisruptionBudget.class)
                        .getSpec()
                        .getSelector()
                        .getMatchLabels());
        assertThat(podLabels)
                .containsAllEntriesOf(chart.one(NetworkPolicy.class)
                        .getSpec()
                        .getPodSelector()
                        .getMatchLabels());
    }

    @Test
    void defaultsLeaveOptionalFeaturesOff() {
        RenderedChart chart = RenderedChart.defaults();

        Deployment deployment = chart.one(Deployment.class);

        assertThat(chart.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(chart.ofKind("ServiceMonitor")).isEmpty();
        assertThat(chart.ofKind("Secret")).isEmpty();
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
                .noneMatch(volume -> volume.getProjected() != null);
        assertThat(chart.one(PodDisruptionBudget.class).getSpec().getMaxUnavailable())
                .isEqualTo(new IntOrString(1));
    }

    @Test
    void networkPolicyAdmitsTheGatewayToHttpAndPrometheusToAdmin() {
        NetworkPolicy policy = RenderedChart.defaults().one(NetworkPolicy.class);

        List<NetworkPolicyIngressRule> ingress = policy.getSpec().getIngress();

        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        NetworkPolicyPeer gateway = ingressFrom(ingress, "http").get(0);
        assertThat(gateway.getNamespaceSelector().getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", "openfaas");
        assertThat(gateway.getPodSelector().getMatchLabels()).containsEntry("app", "gateway");
        assertThat(ingressFrom(ingress, "admin"))
                .singleElement()
                .satisfies(peer ->
                        assertThat(peer.getNamespaceSelector().getMatchLabels()).isNotEmpty());
        assertThat(egressPorts(policy.getSpec().getEgress()))
                .contains("UDP/53", "TCP/53", "TCP/4222", "TCP/5432", "TCP/8080");
    }

    private static List<String> modelProblems(Manifest manifest) {
        Object bean;
        try {
            bean = RenderedChart.parse(manifest);
        } catch (RuntimeException e) {
            return List.of(manifest.label() + ": does not parse: " + e.getMessage());
        }
        if (bean instanceof GenericKubernetesResource) {
            return List.of(manifest.label() + ": " + manifest.apiVersion() + " is not a kind the model knows");
        }
        return UnknownFields.in(bean).stream()
                .map(path -> manifest.label() + ": unknown field " + path)
                .toList();
    }

    static Container container(Deployment deployment) {
        List<Container> containers =
                deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static VolumeMount mount(Container container, String path) {
        return container.getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream()
                .filter(volume -> volume.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> pipeline(ConfigMap configMap) {
        String text = configMap.getData().get("sluice.yaml");
        assertThat(text).as("ConfigMap key sluice.yaml").isNotBlank();
        return (Map<String, Object>) RenderedChart.yaml(text);
    }

    static String configChecksum(RenderedChart chart) {
        Deployment deployment = chart.one(Deployment.class);
        return deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
    }

    private static ContainerPort port(Container container, String name) {
        return container.getPorts().stream()
                .filter(port -> name.equals(port.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port " + name));
    }

    private static ServicePort servicePort(Service service, String name) {
        return service.getSpec().getPorts().stream()
                .filter(port -> name.equals(port.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no service port " + name));
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as("probe for %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort()).isEqualTo(new IntOrString("admin"));
    }

    private static Set<String> names(List<Map<String, Object>> components) {
        return components.stream()
                .map(component -> (String) component.get("name"))
                .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> parent, String key) {
        return (List<String>) parent.get(key);
    }

    private static List<NetworkPolicyPeer> ingressFrom(List<NetworkPolicyIngressRule> rules, String port) {
        return rules.stream()
                .filter(rule ->
                        rule.getPorts().stream().anyMatch(p -> p.getPort().equals(new IntOrString(port))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ingress rule for port " + port))
                .getFrom();
    }

    static List<String> egressPorts(List<NetworkPolicyEgressRule> rules) {
        return rules.stream()
                .flatMap(rule -> rule.getPorts().stream())
                .map(port -> port.getProtocol() + "/" + port.getPort().getValue())
                .toList();
    }
}
