package io.sluice.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The chart as {@code scripts/check-chart.sh} renders it: once with its defaults, once with every
 * optional feature on.
 *
 * <p>The script runs at most once per test JVM, and not at all while both rendered files are newer
 * than the chart and the script, so a CI step that already ran it is not repeated.
 */
final class RenderedChart {

    /** The repository root: tests run in the module directory, {@code charts/}. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final Path CHART = ROOT.resolve("charts/sluice");

    private static final Logger LOG = LoggerFactory.getLogger(RenderedChart.class);
    private static final Path SCRIPT = ROOT.resolve("scripts/check-chart.sh");
    private static final Path OUT = ROOT.resolve("charts/target");
    private static final Path DEFAULTS = OUT.resolve("rendered-default.yaml");
    private static final Path ALL_FEATURES = OUT.resolve("rendered-all.yaml");
    private static final long SCRIPT_TIMEOUT_MINUTES = 10;
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static boolean rendered;

    private final Path file;
    private final List<Manifest> manifests;

    private RenderedChart(Path file, List<Manifest> manifests) {
        this.file = file;
        this.manifests = manifests;
    }

    static RenderedChart defaults() {
        return load(DEFAULTS);
    }

    static RenderedChart allFeatures() {
        return load(ALL_FEATURES);
    }

    Path file() {
        return file;
    }

    List<Manifest> manifests() {
        return manifests;
    }

    /** The documents of a kind, however many. */
    List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.kind())).toList();
    }

    /** The only document of the type's kind, parsed with the fabric8 model. */
    <T extends HasMetadata> T one(Class<T> type) {
        List<Manifest> matches = ofKind(type.getSimpleName());
        if (matches.size() != 1) {
            throw new AssertionError(
                    file.getFileName() + ": expected one " + type.getSimpleName() + ", found " + matches.size());
        }
        return type.cast(parse(matches.get(0)));
    }

    /** The document as a fabric8 bean: a typed model class, or GenericKubernetesResource for unknown kinds. */
    static Object parse(Manifest manifest) {
        return SERIALIZATION.unmarshal(manifest.text());
    }

    /** Parses YAML into plain maps and lists, without building arbitrary Java types. */
    static Object yaml(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    private static RenderedChart load(Path file) {
        ensureRendered();
        try {
            return new RenderedChart(file, split(file, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Manifest> split(Path file, String rendered) {
        List<Manifest> manifests = new ArrayList<>();
        for (String text : rendered.split("(?m)^---\\s*$")) {
            String source = text.lines()
                    .filter(line -> line.startsWith("# Source: "))
                    .map(line -> line.substring("# Source: ".length()))
                    .findFirst()
                    .orElse("<unknown template>");
            Object tree;
            try {
                tree = yaml(text);
            } catch (YAMLException e) {
                throw new AssertionError(file + ": the document from " + source + " is not YAML: " + e.getMessage(), e);
            }
            if (tree instanceof Map) {
                manifests.add(new Manifest(source, text, (Map<String, Object>) tree));
            } else if (tree != null) {
                throw new AssertionError(file + ": the document from " + source + " is not a YAML mapping");
            }
        }
        return manifests;
    }

    private static synchronized void ensureRendered() {
        if (rendered) {
            return;
        }
        try {
            if (upToDate()) {
                LOG.info("Reusing {} and {}: newer than the chart", DEFAULTS, ALL_FEATURES);
            } else {
                runScript();
            }
        } catch (IOException e) {
            throw new AssertionError("cannot render the chart", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering the chart", e);
        }
        rendered = true;
    }

    private static boolean upToDate() throws IOException {
        if (!Files.exists(DEFAULTS) || !Files.exists(ALL_FEATURES)) {
            return false;
        }
        FileTime oldestOutput = min(Files.getLastModifiedTime(DEFAULTS), Files.getLastModifiedTime(ALL_FEATURES));
        try (Stream<Path> inputs = Stream.concat(Files.walk(CHART), Stream.of(SCRIPT))) {
            return inputs.filter(Files::isRegularFile)
                    .allMatch(input -> lastModified(input).compareTo(oldestOutput) < 0);
        }
    }

    private static void runScript() throws IOException, InterruptedException {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new AssertionError(SCRIPT + " is missing; tests must run from the charts/ module directory");
        }
        Files.createDirectories(OUT);
        Path log = OUT.resolve("check-chart.log");
        LOG.info("Running {}, output in {}", SCRIPT, log);
        Process process = new ProcessBuilder("bash", SCRIPT.toString())
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(SCRIPT + " did not finish in " + SCRIPT_TIMEOUT_MINUTES + " minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(SCRIPT + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
        }
    }

    private static FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new AssertionError("cannot stat " + path, e);
        }
    }

    private static FileTime min(FileTime a, FileTime b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
