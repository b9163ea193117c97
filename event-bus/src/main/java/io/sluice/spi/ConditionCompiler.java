package io.sluice.spi;

import io.sluice.pipeline.Condition;

/**
 * Compiles route conditions ({@code when:}); found with {@link java.util.ServiceLoader}. The
 * processors module provides CEL.
 */
public interface ConditionCompiler {

    /**
     * Compiles an expression at start-up.
     *
     * @throws IllegalArgumentException with the position and reason of the error
     */
    Condition compile(String expression);
}
