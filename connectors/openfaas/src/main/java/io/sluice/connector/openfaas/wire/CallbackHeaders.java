package io.sluice.connector.openfaas.wire;

import io.vertx.core.MultiMap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The headers of the callback POST, in the queue-worker's order (nats-queue-worker {@code
 * postResult}): every header of the function's response first, then, each replacing any response
 * header of the same name, {@code X-Duration-Seconds}, {@code X-Function-Status}, {@code
 * X-Function-Name}, {@code X-Call-Id} (only when non-empty) and, for OpenFaaS Pro compatibility,
 * {@code X-Retry} and {@code X-Retry-Max}.
 *
 * <p>Response headers that describe the function's own connection are dropped rather than copied:
 * {@code Content-Length} (the client recomputes it for the body it actually sends), {@code
 * Transfer-Encoding}, {@code Connection} and every header it names, {@code Keep-Alive}, {@code
 * Proxy-Connection}, {@code TE}, {@code Trailer}, {@code Upgrade} (RFC 7230 §6.1 hop-by-hop) and
 * {@code Host}. Go's client ignores most of these when it sends a request; a Vert.x client would
 * send them verbatim and could frame the body wrongly.
 *
 * <p>Immutable.
 */
public final class CallbackHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "Connection",
            "Content-Length",
            "Host",
            "Keep-Alive",
            "Proxy-Connection",
            "Te",
            "Trailer",
            "Transfer-Encoding",
            "Upgrade");

    private final List<Map.Entry<String, String>> entries;

    private CallbackHeaders(List<Map.Entry<String, String>> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The callback headers as the CE queue-worker sends them.
     *
     * @param functionHeaders the function's response headers; {@code null} after a transport error
     * @param duration from taking the message off the queue to the end of the invocation, which is
     *     what the queue-worker measures
     * @param status the function's status, or 503 after a transport error
     * @param functionName the queued {@code Function}
     * @param callId the queued {@code X-Call-Id}; {@code null} or empty leaves the function's
     * @return the headers
     */
    public static CallbackHeaders of(
            MultiMap functionHeaders, Duration duration, int status, String functionName, String callId) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        if (functionHeaders != null) {
            Set<String> dropped = droppedNames(functionHeaders);
            for (Map.Entry<String, String> header : functionHeaders) {
                String name = HeaderNames.canonical(header.getKey());
                if (!dropped.contains(name)) {
                    entries.add(Map.entry(name, header.getValue()));
                }
            }
        }
        set(entries, HeaderNames.DURATION_SECONDS, goSeconds(duration));
        set(entries, HeaderNames.FUNCTION_STATUS, Integer.toString(status));
        set(entries, HeaderNames.FUNCTION_NAME, Objects.requireNonNull(functionName, "functionName"));
        if (callId != null && !callId.isEmpty()) {
            set(entries, HeaderNames.CALL_ID, callId);
        }
        return new CallbackHeaders(entries);
    }

    /**
     * These headers plus the OpenFaaS Pro retry headers. Pro posts the callback only on success or
     * once retries are exhausted, so on the last callback {@code retry == retryMax}.
     *
     * @param retry how many times the invocation was retried
     * @param retryMax how many retries were allowed
     * @return new headers
     */
    public CallbackHeaders withRetries(int retry, int retryMax) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(entries);
        set(copy, HeaderNames.RETRY, Integer.toString(retry));
        set(copy, HeaderNames.RETRY_MAX, Integer.toString(retryMax));
        return new CallbackHeaders(copy);
    }

    /**
     * @return the headers in sending order, names canonical; a name may repeat
     */
    public List<Map.Entry<String, String>> entries() {
        return entries;
    }

    /**
     * @param name any spelling of a header name
     * @return its first value, if present
     */
    public Optional<String> get(String name) {
        String canonical = HeaderNames.canonical(name);
        return entries.stream()
                .filter(entry -> entry.getKey().equals(canonical))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /**
     * @return a new case-insensitive Vert.x multimap holding the entries in order
     */
    public MultiMap toMultiMap() {
        MultiMap map = MultiMap.caseInsensitiveMultiMap();
        entries.forEach(entry -> map.add(entry.getKey(), entry.getValue()));
        return map;
    }

    @Override
    public String toString() {
        // Names only: a function may return cookies or tokens.
        return "CallbackHeaders" + entries.stream().map(Map.Entry::getKey).toList();
    }

    /**
     * Go's {@code fmt.Sprintf("%f", d.Seconds())}: six decimals, correctly rounded from the binary
     * value with ties to even, e.g. {@code 0.002885}. {@code String.format("%f")} rounds the
     * shortest decimal form half-up instead, which differs on ties such as 0.0078125.
     */
    static String goSeconds(Duration duration) {
        long nanos = duration.toNanos();
        double seconds = (double) (nanos / 1_000_000_000L) + (double) (nanos % 1_000_000_000L) / 1e9;
        return new BigDecimal(seconds).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static Set<String> droppedNames(MultiMap functionHeaders) {
        Set<String> dropped = new HashSet<>(HOP_BY_HOP);
        for (Map.Entry<String, String> header : functionHeaders) {
            if (!HeaderNames.canonical(header.getKey()).equals("Connection")) {
                continue;
            }
            for (String token : header.getValue().split(",")) {
                if (!token.isBlank()) {
                    dropped.add(HeaderNames.canonical(token.trim()));
                }
            }
        }
        return dropped;
    }

    private static void set(List<Map.Entry<String, String>> entries, String name, String value) {
        entries.removeIf(entry -> entry.getKey().equals(name));
        entries.add(Map.entry(name, value));
    }
}
