package io.sluice.connector.openfaas.impl;

import io.sluice.connector.openfaas.OpenFaasEvents;
import io.sluice.connector.openfaas.wire.QueueRequest;
import io.sluice.connector.openfaas.wire.QueueRequestBuilder;
import io.sluice.event.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The invocation an event asks for: an async invocation's own QueueRequest, or — for any other
 * event (a database change, a webhook) — a POST of the event's data to the configured function
 * with the event's headers, so a function written for Supabase Database Webhooks or the OpenFaaS
 * connectors receives exactly the body and headers it already parses.
 */
final class InvocationRequests {

    private InvocationRequests() {}

    static QueueRequest from(Event event, String configuredFunction) {
        if (OpenFaasEvents.INVOCATION.equals(event.type()) && configuredFunction == null) {
            return QueueRequest.decode(event.data().getBytes());
        }
        if (configuredFunction == null) {
            throw new IllegalArgumentException("its type is '" + event.type() + "', not '" + OpenFaasEvents.INVOCATION
                    + "'; set the sink's 'function' option to invoke a fixed function");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        event.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        if (event.dataContentType() != null) {
            headers.put("Content-Type", List.of(event.dataContentType()));
        }
        headers.putIfAbsent("X-Call-Id", List.of(event.id()));
        QueueRequestBuilder builder = QueueRequest.builder()
                .function(configuredFunction)
                .method("POST")
                .body(event.data().getBytes());
        headers.forEach((name, values) -> values.forEach(value -> builder.addHeader(name, value)));
        return builder.build();
    }
}
