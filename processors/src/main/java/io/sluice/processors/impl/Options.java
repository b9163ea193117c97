package io.sluice.processors.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.processors.cel.EventExpression;
import java.util.function.Function;

/** Option readers the built-in processors share. */
final class Options {

    private Options() {}

    /** Compiles a CEL option, rejecting a bad expression with the option named and CEL's reason. */
    static EventExpression expression(
            ComponentConfig config, String key, String text, Function<String, EventExpression> compiler) {
        try {
            return compiler.apply(text);
        } catch (IllegalArgumentException e) {
            throw config.problem(key, "is not a valid CEL expression: " + e.getMessage(), text);
        }
    }

    /** Compiles a CEL option that may be absent ({@code null} then). */
    static EventExpression optionalExpression(
            ComponentConfig config, String key, Function<String, EventExpression> compiler) {
        String text = config.string(key, null);
        return text == null ? null : expression(config, key, text, compiler);
    }
}
