package io.sluice.processors.cel;

import dev.cel.runtime.CelEvaluationException;
import io.sluice.event.Event;
import io.sluice.processors.cel.impl.CelEnvironment;
import io.sluice.processors.cel.impl.CelValues;

/**
 * A CEL expression compiled over an event's {@linkplain EventVariables variables}. Compile once at
 * start-up; evaluate per event from any thread.
 */
public final class EventExpression {

    private enum Expect {
        BOOL("a bool"),
        STRING("a string or null");

        private final String description;

        Expect(String description) {
            this.description = description;
        }
    }

    private final String text;
    private final CelEnvironment.Compiled compiled;

    private EventExpression(String text, CelEnvironment.Compiled compiled) {
        this.text = text;
        this.compiled = compiled;
    }

    /**
     * Compiles an expression whose result may be any JSON value.
     *
     * @throws IllegalArgumentException with {@code line:column: reason} for a syntax or type error
     */
    public static EventExpression compile(String text) {
        return new EventExpression(text, CelEnvironment.compile(text));
    }

    /**
     * Compiles an expression that must yield a bool, such as a route condition.
     *
     * @throws IllegalArgumentException for a syntax or type error, or a result that cannot be a bool
     */
    public static EventExpression compileCondition(String text) {
        EventExpression expression = compile(text);
        expression.requireResult(expression.compiled.mayBeBool(), Expect.BOOL);
        return expression;
    }

    /**
     * Compiles an expression that must yield a string (or null), such as a new event type.
     *
     * @throws IllegalArgumentException for a syntax or type error, or a result that cannot be a
     *     string
     */
    public static EventExpression compileText(String text) {
        EventExpression expression = compile(text);
        expression.requireResult(expression.compiled.mayBeString(), Expect.STRING);
        return expression;
    }

    private void requireResult(boolean possible, Expect expect) {
        if (!possible) {
            throw new IllegalArgumentException("1:1: must yield " + expect.description + ", but yields "
                    + CelEnvironment.typeName(compiled.resultType()));
        }
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    /**
     * Evaluates a condition.
     *
     * @throws EvaluationException when evaluation fails or yields something other than a bool
     */
    public boolean test(EventVariables variables) {
        Object result = evaluate(variables);
        if (!(result instanceof Boolean)) {
            throw failure(Expect.BOOL, result);
        }
        return (Boolean) result;
    }

    /** Evaluates a condition over the event. */
    public boolean test(Event event) {
        return test(EventVariables.of(event));
    }

    /**
     * Evaluates the expression to a Vert.x JSON value ({@code JsonObject}, {@code JsonArray},
     * string, number, bool or {@code null}); timestamps become RFC 3339 strings, durations {@code
     * "1.5s"}, bytes base64.
     *
     * @throws EvaluationException when evaluation fails or the result cannot be JSON
     */
    public Object evaluateJson(EventVariables variables) {
        Object result = evaluate(variables);
        try {
            return CelValues.toJson(result);
        } catch (IllegalArgumentException e) {
            throw new EvaluationException(describe() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Evaluates the expression to a string, or {@code null}.
     *
     * @throws EvaluationException when evaluation fails or yields something other than a string
     */
    public String evaluateText(EventVariables variables) {
        Object result = evaluate(variables);
        if (result instanceof String) {
            return (String) result;
        }
        if (CelValues.isNull(result)) {
            return null;
        }
        throw failure(Expect.STRING, result);
    }

    private Object evaluate(EventVariables variables) {
        try {
            return compiled.program().eval(variables::find);
        } catch (CelEvaluationException e) {
            throw new EvaluationException(describe() + " failed: " + e.getMessage(), e);
        }
    }

    private EvaluationException failure(Expect expect, Object result) {
        return new EvaluationException(
                describe() + " must yield " + expect.description + ", but yielded " + CelValues.typeName(result), null);
    }

    private String describe() {
        return "CEL expression '" + text + "'";
    }

    @Override
    public String toString() {
        return text;
    }
}
