/**
 * The OpenFaaS asynchronous-invocation wire format and the rules around it, as the gateway and
 * queue-worker implement them: the queued {@link io.sluice.connector.openfaas.wire.QueueRequest},
 * the {@code /async-function} front door's mapping ({@link
 * io.sluice.connector.openfaas.wire.AsyncRequests}), the function URL ({@link
 * io.sluice.connector.openfaas.wire.Invocations}) and the callback headers ({@link
 * io.sluice.connector.openfaas.wire.CallbackHeaders}).
 *
 * <p>Everything here is pure: no I/O, no blocking, no clock or randomness of its own, so it is
 * safe on an event loop. Package-private classes hold the Go compatibility details ({@code
 * net/url} parsing and escaping, {@code encoding/json} output).
 */
package io.sluice.connector.openfaas.wire;
