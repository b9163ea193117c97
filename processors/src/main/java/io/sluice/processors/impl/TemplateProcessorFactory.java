package io.sluice.processors.impl;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Processor;
import io.sluice.spi.ProcessorFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: template}: renders a Mustache template over the event's attributes and data, and
 * makes the result the new data, or one field of JSON data.
 */
public final class TemplateProcessorFactory implements ProcessorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateProcessorFactory.class);

    /** The template text; exactly one of this and {@link #TEMPLATE_FILE}. */
    static final String TEMPLATE = "template";
    /** A template file, relative to the configuration file's directory. */
    static final String TEMPLATE_FILE = "template-file";
    /** Media type of the rendered data; default {@code text/plain}. Chooses the escaping. */
    static final String CONTENT_TYPE = "content-type";
    /** A field (dotted path) of JSON object data to write the text into, keeping the rest. */
    static final String FIELD = "field";

    /** Every option, as the schema {@code processor-template.schema.json} declares them. */
    static final Set<String> OPTIONS = Set.of(TEMPLATE, TEMPLATE_FILE, CONTENT_TYPE, FIELD);

    @Override
    public String type() {
        return "template";
    }

    @Override
    public Processor create(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(OPTIONS);
        FieldPath field = field(config);
        String contentType = config.string(CONTENT_TYPE, null);
        if (field != null && contentType != null) {
            throw config.problem(
                    CONTENT_TYPE, "cannot be combined with " + FIELD + ": the data stays JSON", contentType);
        }
        contentType = contentType == null ? "text/plain" : contentType;
        Path directory = configDirectory(context);
        Mustache template = template(config, directory, field == null ? contentType : null);
        LOG.info(
                "Route '{}' template: {}, content-type '{}', field '{}'",
                config.name(),
                config.has(TEMPLATE_FILE) ? "file '" + config.string(TEMPLATE_FILE, null) + "'" : "inline",
                contentType,
                field);
        return new TemplateProcessor(template, contentType, field);
    }

    private static FieldPath field(ComponentConfig config) {
        String text = config.string(FIELD, null);
        if (text == null) {
            return null;
        }
        FieldPath path = FieldPath.parse(text);
        if (path == null) {
            throw config.problem(FIELD, "is not a field path: write names separated by dots", text);
        }
        return path;
    }

    private static Path configDirectory(ComponentContext context) {
        String file = context.config().origin().file();
        Path parent = file == null ? null : Path.of(file).toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent)
                ? parent
                : Path.of("").toAbsolutePath();
    }

    private static Mustache template(ComponentConfig config, Path directory, String escapeFor) {
        boolean inline = config.has(TEMPLATE);
        if (inline == config.has(TEMPLATE_FILE)) {
            throw config.problem(TEMPLATE, "give exactly one of " + TEMPLATE + " and " + TEMPLATE_FILE, null);
        }
        String key = inline ? TEMPLATE : TEMPLATE_FILE;
        Path root = directory;
        String text;
        if (inline) {
            text = config.string(TEMPLATE, "");
        } else {
            Path file = directory.resolve(config.requiredString(TEMPLATE_FILE));
            text = read(config, file);
            root = file.getParent();
        }
        try {
            // Partials ({{> name}}) resolve against the template's directory.
            return new EscapingMustacheFactory(root.toFile(), escapeFor)
                    .compile(new StringReader(text), config.name() + "-" + key);
        } catch (MustacheException e) {
            throw config.problem(key, "is not a valid Mustache template: " + e.getMessage(), null);
        }
    }

    private static String read(ComponentConfig config, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw config.problem(TEMPLATE_FILE, "cannot be read: " + e, file);
        }
    }
}
