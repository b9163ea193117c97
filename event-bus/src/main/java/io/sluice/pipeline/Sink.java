package io.sluice.pipeline;

import io.sluice.event.Event;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Where events leave Sluice: a function, a callback URL, an email server, a topic, a table.
 *
 * <h2>Threading</h2>
 *
 * The core calls a sink only from one Vert.x event loop, the sink's own, so a sink needs no
 * locking. {@link #send} must not block; use Vert.x clients or {@code executeBlocking}.
 *
 * <h2>Back-pressure and resilience</h2>
 *
 * The core limits concurrent sends to the sink's configured {@code concurrency}, applies its {@code
 * rate} limit, {@code timeout}, {@code retry} policy and {@code circuit-breaker}, and dead-letters
 * what finally fails. While the breaker is open, sends wait rather than fail, so the routes feeding
 * the sink fill up and their sources stop. A sink whose protocol defines its own retries
 * (OpenFaaS's retry annotations) returns {@code true} from {@link #ownsRetries()}; the core then
 * applies no retry of its own, so retries never multiply across layers.
 *
 * <h2>Failure</h2>
 *
 * Fail the future with {@link SinkException} to say whether a retry may help; any other exception
 * counts as retryable.
 */
public interface Sink {

    /** Prepares clients and connections; called once, on the sink's event loop. */
    default Future<Void> start(Vertx vertx) {
        return Future.succeededFuture();
    }

    /** Delivers one event; the result may carry replies that route onward. */
    Future<Delivery> send(Event event);

    /** Releases clients and connections. */
    default Future<Void> stop() {
        return Future.succeededFuture();
    }

    /** Whether this sink retries by its own protocol; the core then does not retry it. */
    default boolean ownsRetries() {
        return false;
    }
}
