package io.sluice.connector.openfaas.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps callbacks away from internal services: a caller controls {@code X-Callback-Url}, so without
 * a guard anyone who can enqueue an invocation could make Sluice POST to loopback, link-local or
 * cloud metadata addresses. Callback hosts are resolved and refused when any address falls in a
 * denied network, unless an allowed network contains it.
 *
 * <p>The check resolves the name before the HTTP client does; a name whose DNS answer changes
 * between the two (DNS rebinding) is not caught. Private ranges (10/8, 172.16/12, 192.168/16) are
 * allowed by default, since callback receivers inside a cluster live there; add them to {@code
 * denied-networks} to refuse them.
 */
final class CallbackGuard {

    /** Loopback, "this network", link-local (cloud metadata at 169.254.169.254) and AWS's IPv6 metadata. */
    static final List<String> DEFAULT_DENIED = List.of(
            "127.0.0.0/8", "0.0.0.0/8", "169.254.0.0/16", "::1/128", "::/128", "fe80::/10", "fd00:ec2::254/128");

    private final Vertx vertx;
    private final List<Cidr> denied;
    private final List<Cidr> allowed;

    CallbackGuard(Vertx vertx, List<Cidr> denied, List<Cidr> allowed) {
        this.vertx = vertx;
        this.denied = denied;
        this.allowed = allowed;
    }

    static List<Cidr> parse(List<String> networks) {
        List<Cidr> parsed = new ArrayList<>();
        networks.forEach(n -> parsed.add(Cidr.parse(n)));
        return parsed;
    }

    /** Succeeds when the URL may be called; fails naming the address and the network that refused it. */
    Future<Void> check(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new IllegalArgumentException("callback URL '" + url + "' is not a URI", e));
        }
        if (host == null) {
            return Future.failedFuture(new IllegalArgumentException("callback URL '" + url + "' names no host"));
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return vertx.executeBlocking(() -> InetAddress.getAllByName(bare), false)
                .compose(addresses -> {
                    for (InetAddress address : addresses) {
                        String refusal = refusal(address);
                        if (refusal != null) {
                            return Future.failedFuture(
                                    new IllegalArgumentException("callback URL '" + url + "' resolves to "
                                            + address.getHostAddress() + ", in denied network " + refusal
                                            + "; allow it with the callback sink's allowed-networks"));
                        }
                    }
                    return Future.succeededFuture();
                });
    }

    private String refusal(InetAddress address) {
        for (Cidr network : allowed) {
            if (network.contains(address)) {
                return null;
            }
        }
        for (Cidr network : denied) {
            if (network.contains(address)) {
                return network.text();
            }
        }
        return null;
    }
}
