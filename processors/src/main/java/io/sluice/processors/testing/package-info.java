/**
 * Pipeline tests ({@code sluice test}): run a configuration's routes, conditions and processors
 * against cases written in YAML beside it, without any broker, function or database.
 *
 * <p>{@link io.sluice.processors.testing.PipelineTestRunner} replaces every source with a {@code
 * test-input}, every sink with a {@code test-capture} and the dead-letter store with {@code
 * test-memory} (types this module registers), starts the Sluice on random ports, dispatches each
 * case's input and compares what every sink captured with what the case expects.
 */
package io.sluice.processors.testing;
