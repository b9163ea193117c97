package io.sluice.pipeline;

import io.vertx.core.VerticleBase;

/**
 * A source of events, deployed as a verticle. It takes messages from its broker only while {@link
 * SourceContext#capacity()} allows, hands each to {@link SourceContext#dispatch} and acknowledges
 * the message when the returned future succeeds.
 *
 * <p>Subclasses implement {@code start()} and {@code stop()} returning futures; {@code stop()}
 * should stop taking messages and let in-flight ones settle or be redelivered later.
 */
public abstract class Source extends VerticleBase {

    /** The core's side of the contract. */
    protected final SourceContext sluice;

    protected Source(SourceContext sluice) {
        this.sluice = sluice;
    }

    /** The source's configured name. */
    public String name() {
        return sluice.sourceName();
    }
}
