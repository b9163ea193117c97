package io.sluice.processors.cel;

/**
 * An expression that could not be evaluated for one event: a missing field, a wrong type, a result
 * of the wrong kind. Its message names the expression and CEL's reason, and becomes the cause the
 * dead-letter store records.
 */
public final class EvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
