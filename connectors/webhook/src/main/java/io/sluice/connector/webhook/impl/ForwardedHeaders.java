package io.sluice.connector.webhook.impl;

import io.sluice.event.Headers;
import io.vertx.core.MultiMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request headers an accepted delivery carries onward as its event's headers.
 *
 * <p>Kept: everything the sender sent, signature headers included, so that a function can verify
 * the untouched body again. Dropped: credentials meant for Sluice's listener ({@code
 * Authorization}, {@code Proxy-Authorization}, {@code Cookie}), hop-by-hop headers (RFC 9110
 * §7.6.1, plus any a {@code Connection} header names), {@code Content-Length}, which a sink
 * recomputes, and whatever the source adds (a shared-secret header).
 */
final class ForwardedHeaders {

    private static final Set<String> DROPPED = Set.of(
            "authorization",
            "proxy-authorization",
            "cookie",
            "connection",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "content-length");

    private ForwardedHeaders() {}

    /** The headers to keep, without those in {@code alsoDropped} (any case). */
    static Headers of(MultiMap request, Set<String> alsoDropped) {
        Set<String> dropped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        dropped.addAll(DROPPED);
        dropped.addAll(alsoDropped);
        for (String listed : request.getAll("Connection")) {
            for (String name : listed.split(",")) {
                dropped.add(name.trim());
            }
        }
        Headers.Builder headers = Headers.builder();
        for (Map.Entry<String, String> header : request) {
            if (!dropped.contains(header.getKey())) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        return headers.build();
    }
}
