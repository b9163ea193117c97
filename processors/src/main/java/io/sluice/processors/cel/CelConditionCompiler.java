package io.sluice.processors.cel;

import io.sluice.pipeline.Condition;
import io.sluice.spi.ConditionCompiler;

/**
 * Route conditions ({@code when:}) in CEL, found by the core through {@code META-INF/services}.
 *
 * <p>A condition sees the event's variables: {@code id}, {@code source}, {@code type}, {@code
 * subject} (string or null), {@code datacontenttype} (string or null), {@code time} (timestamp or
 * null), {@code extensions} (map of string), {@code headers} (lower-cased header name to its first
 * value), {@code header_values} (lower-cased name to every value) and {@code data} (the data parsed
 * as JSON when it is JSON, null otherwise); see {@link EventVariables}. Examples:
 *
 * <pre>
 * when: type == "com.openfaas.async.invocation" &amp;&amp; subject == "resize"
 * when: has(data.amount) &amp;&amp; data.amount &gt; 100
 * when: headers["x-priority"] == "high"
 * </pre>
 *
 * <p>A condition is compiled and type-checked at start-up: a syntax or type error, or a result that
 * cannot be a bool, fails start-up with {@code line:column: reason}. At run time an error (reading
 * a key the data lacks, comparing a string with an int) throws from {@link Condition#test}, and the
 * core dead-letters that event alone with the error as its cause.
 */
public final class CelConditionCompiler implements ConditionCompiler {

    @Override
    public Condition compile(String expression) {
        EventExpression condition = EventExpression.compileCondition(expression);
        return condition::test;
    }
}
