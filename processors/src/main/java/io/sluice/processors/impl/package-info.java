/**
 * The built-in processors, each a {@link io.sluice.spi.ProcessorFactory} registered in {@code
 * META-INF/services} and the {@link io.sluice.pipeline.Processor} it creates. Options are read and
 * checked in the factory, at start-up; the processor runs on its route's event loop only.
 */
package io.sluice.processors.impl;
