/**
 * CEL expressions over events: route conditions ({@code when:}) and the expressions processors
 * evaluate ({@code filter}'s condition, {@code transform}'s fields, {@code dedupe}'s key).
 *
 * <p>{@link io.sluice.processors.cel.EventVariables} lists the variables an expression sees. An
 * expression is compiled and type-checked once, at start-up; {@link
 * io.sluice.processors.cel.EventExpression#compile} rejects a syntax or type error with its
 * {@code line:column} and reason. Evaluation is pure and thread-safe; a runtime error (a missing
 * field, a wrong type) throws {@link io.sluice.processors.cel.EvaluationException} for that event
 * alone.
 */
package io.sluice.processors.cel;
