package io.sluice.connector.postgres.impl;

import io.vertx.core.json.JsonArray;
import java.util.function.Function;

/**
 * Parses PostgreSQL's text output of an array ({@code {1,2,3}}, {@code {"a b",NULL}}, {@code
 * {{1,2},{3,4}}}) into a JSON array, as {@code to_jsonb} would write it. Elements are converted by
 * the caller; an unquoted {@code NULL} becomes JSON null.
 */
final class PgArrayLiteral {

    private final String text;
    private final Function<String, Object> element;
    private int at;

    private PgArrayLiteral(String text, Function<String, Object> element) {
        this.text = text;
        this.element = element;
    }

    /**
     * Parses the literal.
     *
     * @param text the array's text output, possibly with bounds ({@code [0:1]={1,2}})
     * @param element converts an element's text to its JSON value
     * @throws IllegalArgumentException when the text is not an array literal
     */
    static JsonArray parse(String text, Function<String, Object> element) {
        PgArrayLiteral parser = new PgArrayLiteral(text, element);
        if (text.startsWith("[")) {
            parser.at = text.indexOf('=') + 1;
        }
        JsonArray array = parser.array();
        if (parser.at != text.length()) {
            throw new IllegalArgumentException("unexpected text after the array at offset " + parser.at);
        }
        return array;
    }

    private JsonArray array() {
        expect('{');
        JsonArray array = new JsonArray();
        if (peek() == '}') {
            at++;
            return array;
        }
        while (true) {
            char c = peek();
            if (c == '{') {
                array.add(array());
            } else if (c == '"') {
                array.add(element.apply(quoted()));
            } else {
                String bare = bare();
                array.add(bare.equalsIgnoreCase("NULL") ? null : element.apply(bare));
            }
            char next = peek();
            at++;
            if (next == '}') {
                return array;
            }
            if (next != ',') {
                throw new IllegalArgumentException("expected ',' or '}' at offset " + (at - 1));
            }
        }
    }

    private String quoted() {
        StringBuilder value = new StringBuilder();
        at++;
        while (true) {
            char c = peek();
            at++;
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                c = peek();
                at++;
            }
            value.append(c);
        }
    }

    private String bare() {
        int start = at;
        while (peek() != ',' && peek() != '}') {
            at++;
        }
        return text.substring(start, at).trim();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at offset " + at);
        }
        at++;
    }

    private char peek() {
        if (at >= text.length()) {
            throw new IllegalArgumentException("the array ends early");
        }
        return text.charAt(at);
    }
}
