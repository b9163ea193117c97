package io.sluice.connector.openfaas.wire;

import io.sluice.connector.openfaas.wire.GoUrlEscaping.Mode;
import java.util.Objects;

/**
 * The URL a queued request is invoked at, as the queue-worker builds it (nats-queue-worker {@code
 * makeFunctionURL}): {@code {gateway}/function/{Function trimmed of '/'}{Path or "/"}{?QueryString
 * without leading '?'}}.
 *
 * <p>For example, with gateway {@code http://gw:8080} and function {@code f1}: path {@code ""}
 * gives {@code http://gw:8080/function/f1/}; query {@code user=1} gives {@code
 * http://gw:8080/function/f1/?user=1}; path {@code /resources/main.css} gives {@code
 * http://gw:8080/function/f1/resources/main.css}.
 *
 * <p>One deliberate difference: {@code Path} holds the gateway's <em>decoded</em> path, and the
 * queue-worker pastes it into a string that Go parses again, so a decoded {@code %} makes the URL
 * unparsable (the message is dropped) and a decoded {@code ?} moves the rest of the path into the
 * query. Here the path is escaped as Go's {@code EscapedPath} would escape it, which gives the same
 * URL for every path the worker handles and a correct one for those it mangles.
 */
public final class Invocations {

    private Invocations() {}

    /**
     * @param gatewayUrl the gateway's base URL, e.g. {@code http://gateway:8080}, with or without a
     *     trailing slash
     * @param request the queued request
     * @return the URL to POST the request to
     * @throws IllegalArgumentException when {@code gatewayUrl} is not an absolute http(s) URL
     */
    public static String functionUrl(String gatewayUrl, QueueRequest request) {
        return functionUrl(gatewayUrl, request.function(), request.path(), request.queryString());
    }

    /**
     * @param gatewayUrl the gateway's base URL, with or without a trailing slash
     * @param function the function name, e.g. {@code f1} or {@code f1.ns}
     * @param path the decoded path after the function name; empty means {@code /}
     * @param queryString the raw query, with or without a leading {@code ?}; empty for none
     * @return the URL to POST the request to
     * @throws IllegalArgumentException when {@code gatewayUrl} is not an absolute http(s) URL
     */
    public static String functionUrl(String gatewayUrl, String function, String path, String queryString) {
        GoUrl gateway = parseGateway(Objects.requireNonNull(gatewayUrl, "gatewayUrl"));
        String functionPath = "/function/" + trim(function, '/') + (path.isEmpty() ? "/" : path);
        StringBuilder url = new StringBuilder()
                .append(gateway.scheme())
                .append("://")
                .append(GoUrlEscaping.escape(gateway.host(), Mode.HOST))
                .append(stripTrailingSlashes(gateway.escapedPath()))
                .append(GoUrlEscaping.escape(functionPath, Mode.PATH));
        if (!queryString.isEmpty()) {
            // Go's strings.TrimLeft: every leading '?' goes, then one is put back.
            url.append('?').append(queryString, leading(queryString, '?'), queryString.length());
        }
        return url.toString();
    }

    private static GoUrl parseGateway(String gatewayUrl) {
        GoUrl gateway;
        try {
            gateway = GoUrl.parse(gatewayUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gateway URL is not a valid URL: " + e.getMessage(), e);
        }
        if (gateway.hasUser()) {
            // Credentials in the URL would be lost here; the sink sends them as a header instead.
            throw new IllegalArgumentException("gateway URL must not contain credentials");
        }
        if (!gateway.isAbsoluteHttp()) {
            throw new IllegalArgumentException(
                    "gateway URL must be an absolute http or https URL with a host, was \"" + gatewayUrl + "\"");
        }
        if (!gateway.rawQuery().isEmpty()
                || gateway.forceQuery()
                || !gateway.fragment().isEmpty()) {
            throw new IllegalArgumentException(
                    "gateway URL must not have a query or fragment, was \"" + gatewayUrl + "\"");
        }
        return gateway;
    }

    private static String trim(String s, char c) {
        int start = leading(s, c);
        int end = s.length();
        while (end > start && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }

    private static int leading(String s, char c) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return i;
    }
}
