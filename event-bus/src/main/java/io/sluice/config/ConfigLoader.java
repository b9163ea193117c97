package io.sluice.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a Sluice configuration: YAML with {@code ${ENV}}, {@code ${ENV:-default}} and {@code
 * ${secret:name}} references, validated against {@code io/sluice/schemas/config/sluice.schema.json}
 * and cross-checked (unique names, routes that name existing sources and sinks).
 *
 * <p>Every problem found is reported at once, each with file, line, key, rule and value, so a user
 * fixes a config in one pass.
 */
public final class ConfigLoader {

    /** Classpath location of the configuration schema, shipped by the {@code schemas} module. */
    public static final String SCHEMA = "/io/sluice/schemas/config/sluice.schema.json";

    private static final int DEFAULT_ROUTE_INFLIGHT = 256;
    private static final String SCHEMA_ID_PREFIX = "https://sluice.io/schemas/";

    private final Substitutions substitutions;

    public ConfigLoader(Substitutions substitutions) {
        this.substitutions = substitutions;
    }

    /** Reads and validates a file. */
    public SluiceConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(file.toString(), 0, "", "cannot be read: " + e, null));
        }
        return parse(file.toString(), text);
    }

    /** Reads and validates YAML text; {@code file} names it in errors and may be {@code null}. */
    public SluiceConfig parse(String file, String text) {
        List<ConfigProblem> problems = new ArrayList<>();
        YamlTree tree = new YamlTree(file, substitutions, problems);
        JsonObject root = tree.parse(text);
        ConfigSource origin = new ConfigSource(file, tree.lines());
        if (root != null) {
            validateSchema(root, origin, problems);
        }
        if (root == null) {
            throw new ConfigException(problems);
        }
        SluiceConfig config = null;
        try {
            config = build(root, origin);
            crossCheck(config, problems);
        } catch (ConfigException | ClassCastException e) {
            // The schema already reported what makes the structure unreadable; the cross-checks
            // add what they can, so a user sees every problem in one pass.
            if (problems.isEmpty()) {
                throw e;
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ConfigProblem::line));
            throw new ConfigException(problems, config);
        }
        return config;
    }

    private static void validateSchema(JsonObject root, ConfigSource origin, List<ConfigProblem> problems) {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(root.encode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<ValidationMessage> messages = Holder.SCHEMA.validate(node);
        // A failed choice says what it wants by the schema's "message" for it (every oneOf and anyOf
        // carries one); what each alternative failed on ("required property 'topics' not found",
        // "string found, number expected") only misleads. The validator reports a failed oneOf
        // itself, with that message, and a failed anyOf only by its alternatives' failures, which
        // are replaced here by the anyOf's message, once per value.
        List<String> oneOfs = messages.stream()
                .filter(message -> "oneOf".equals(message.getType()))
                .map(message -> message.getEvaluationPath() + "/")
                .toList();
        Set<String> anyOfsReported = new HashSet<>();
        for (ValidationMessage message : messages) {
            String path = message.getEvaluationPath().toString();
            if (oneOfs.stream().anyMatch(path::startsWith)) {
                continue;
            }
            String pointer = message.getInstanceLocation().toString();
            JsonNode value = message.getInstanceNode();
            String shown = value == null || value.isContainerNode() ? null : value.toString();
            AnyOf anyOf = AnyOf.of(message.getSchemaLocation());
            if (anyOf != null) {
                if (anyOfsReported.add(pointer + " " + anyOf.location())) {
                    problems.add(origin.problem(pointer, anyOf.message(), shown));
                }
                continue;
            }
            String rule = message.getMessage();
            int colon = rule.indexOf(": ");
            if (colon >= 0 && rule.startsWith(pointer.isEmpty() ? ": " : pointer)) {
                // The validator starts with the location ("/sources/0: ", or ": " for the root).
                rule = rule.substring(colon + 2);
            }
            problems.add(origin.problem(pointer, rule, shown));
        }
    }

    /**
     * The anyOf an alternative's failure belongs to, with the schema's message for it.
     *
     * @param location where the anyOf is, as a schema IRI and JSON pointer
     */
    private record AnyOf(String location, String message) {

        private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

        /** The innermost anyOf holding the failed keyword, or {@code null} when there is none. */
        static AnyOf of(SchemaLocation failed) {
            String fragment = failed.getFragment().toString();
            int at = fragment.lastIndexOf("/anyOf/");
            String iri = failed.getAbsoluteIri() == null
                    ? ""
                    : failed.getAbsoluteIri().toString();
            if (at < 0 || !iri.startsWith(SCHEMA_ID_PREFIX)) {
                return null;
            }
            String owner = fragment.substring(0, at);
            JsonNode text = DOCUMENTS
                    .computeIfAbsent(iri, AnyOf::read)
                    .at(owner)
                    .path("message")
                    .path("anyOf");
            return text.isTextual() ? new AnyOf(iri + "#" + owner, text.asText()) : null;
        }

        private static JsonNode read(String iri) {
            String resource = "/io/sluice/schemas/" + iri.substring(SCHEMA_ID_PREFIX.length());
            try (InputStream in = ConfigLoader.class.getResourceAsStream(resource)) {
                return in == null ? MissingNode.getInstance() : new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static SluiceConfig build(JsonObject root, ConfigSource origin) {
        return new SluiceConfig(
                root,
                section(root, "http", origin),
                section(root, "admin", origin),
                section(root, "dead-letter", origin),
                components(root, "sources", origin),
                routes(root, origin),
                components(root, "sinks", origin),
                origin);
    }

    private static ComponentConfig section(JsonObject root, String key, ConfigSource origin) {
        JsonObject value = root.getJsonObject(key, new JsonObject());
        return new ComponentConfig(key, value.getString("type", key), value, "/" + key, origin);
    }

    private static List<ComponentConfig> components(JsonObject root, String key, ConfigSource origin) {
        List<ComponentConfig> list = new ArrayList<>();
        JsonArray array = root.getJsonArray(key, new JsonArray());
        for (int i = 0; i < array.size(); i++) {
            JsonObject item = array.getJsonObject(i);
            list.add(new ComponentConfig(
                    item.getString("name"), item.getString("type"), item, "/" + key + "/" + i, origin));
        }
        return list;
    }

    private static List<RouteConfig> routes(JsonObject root, ConfigSource origin) {
        List<RouteConfig> routes = new ArrayList<>();
        for (ComponentConfig route : components(root, "routes", origin)) {
            routes.add(new RouteConfig(
                    route.name(),
                    route.strings("from", List.of()),
                    route.string("when", null),
                    route.sections("processors"),
                    route.strings("to", List.of()),
                    route.integer("max-inflight", DEFAULT_ROUTE_INFLIGHT, 1, 1_000_000),
                    route.bool("continue", false),
                    route.string("ordering-key", null),
                    route));
        }
        return routes;
    }

    private static void crossCheck(SluiceConfig config, List<ConfigProblem> problems) {
        Set<String> sources = unique(config.sources(), "sources", problems);
        Set<String> sinks = unique(config.sinks(), "sinks", problems);
        Set<String> routeNames = new HashSet<>();
        for (RouteConfig route : config.routes()) {
            ComponentConfig at = route.config();
            if (!routeNames.add(route.name())) {
                problems.add(at.problem("name", "must be unique among routes", route.name())
                        .problems()
                        .get(0));
            }
            for (int i = 0; i < route.from().size(); i++) {
                String input = route.from().get(i);
                if (!sources.contains(input) && !sinks.contains(input)) {
                    problems.add(at.problem(
                                    "from/" + i,
                                    "must name a source, or a sink whose replies route onward; "
                                            + "known: "
                                            + String.join(", ", union(sources, sinks)),
                                    input)
                            .problems()
                            .get(0));
                }
            }
            for (int i = 0; i < route.to().size(); i++) {
                if (!sinks.contains(route.to().get(i))) {
                    problems.add(at.problem(
                                    "to/" + i,
                                    "must name a sink; known sinks: " + String.join(", ", sinks),
                                    route.to().get(i))
                            .problems()
                            .get(0));
                }
            }
        }
    }

    private static Set<String> unique(List<ComponentConfig> components, String kind, List<ConfigProblem> problems) {
        Set<String> names = new HashSet<>();
        for (ComponentConfig component : components) {
            if (!names.add(component.name())) {
                problems.add(component
                        .problem("name", "must be unique among " + kind, component.name())
                        .problems()
                        .get(0));
            }
        }
        return names;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(null);
        return all;
    }

    /** Loads the schema once, on first use. */
    private static final class Holder {
        static final JsonSchema SCHEMA = load();

        private static JsonSchema load() {
            try (InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.SCHEMA)) {
                if (in == null) {
                    throw new IllegalStateException("configuration schema "
                            + ConfigLoader.SCHEMA
                            + " is missing from the classpath; is sluice-schemas on it?");
                }
                SchemaValidatorsConfig settings = SchemaValidatorsConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        .errorMessageKeyword("message")
                        .build();
                // Component types keep their options in files beside the main schema; map the
                // schemas' $id prefix to the classpath so that nothing is fetched over the network.
                JsonSchemaFactory factory = JsonSchemaFactory.builder(
                                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
                        .schemaMappers(mappers -> mappers.mappings(
                                uri -> uri.startsWith(SCHEMA_ID_PREFIX),
                                uri -> "classpath:io/sluice/schemas/" + uri.substring(SCHEMA_ID_PREFIX.length())))
                        .build();
                return factory.getSchema(in, settings);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
