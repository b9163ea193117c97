package io.sluice.processors.impl;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Escapes {@code {{value}}} for the media type the template renders: HTML for HTML, JSON string
 * content for JSON (so {@code "{{data.name}}"} stays valid JSON whatever the name holds), nothing
 * for anything else. Mustache.java escapes HTML everywhere by default, which would corrupt text and
 * JSON output. {@code {{{value}}}} never escapes.
 */
final class EscapingMustacheFactory extends DefaultMustacheFactory {

    private enum Escape {
        HTML,
        JSON,
        NONE
    }

    private final Escape escape;

    /**
     * @param root where partials are looked up
     * @param mediaType the rendered media type, or {@code null} for text written into a JSON field
     */
    EscapingMustacheFactory(File root, String mediaType) {
        super(root);
        this.escape = escapeFor(mediaType);
    }

    private static Escape escapeFor(String mediaType) {
        if (mediaType == null) {
            return Escape.NONE;
        }
        String media = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (media.contains("html")) {
            return Escape.HTML;
        }
        if (media.equals("application/json") || media.endsWith("+json")) {
            return Escape.JSON;
        }
        return Escape.NONE;
    }

    @Override
    public void encode(String value, Writer writer) {
        switch (escape) {
            case HTML:
                super.encode(value, writer);
                break;
            case JSON:
                write(writer, jsonStringContent(value));
                break;
            default:
                write(writer, value);
        }
    }

    private static String jsonStringContent(String value) {
        String quoted = new JsonObject().put("v", value).encode();
        // {"v":"..."}: keep what lies between the string's quotes.
        return quoted.substring(6, quoted.length() - 2);
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new MustacheException("cannot write the rendered text", e);
        }
    }
}
