package io.sluice.connector.openfaas.wire;

import io.vertx.core.MultiMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@code POST /async-function/<name>[/<path>]} request into the {@link QueueRequest} the
 * OpenFaaS gateway would queue for it (faas {@code handlers/queue_proxy.go} and {@code
 * callid_middleware.go}).
 *
 * <p>Pure: no I/O, no clock, no randomness of its own, so callers on the event loop can use it and
 * tests can pin the call id and start time.
 */
public final class AsyncRequests {

    /** Generates call ids the way the gateway does: a random UUID. */
    public static final Supplier<String> RANDOM_UUID = () -> UUID.randomUUID().toString();

    /** The gateway's {@code FunctionPrefixTrimmingURLPathTransformer} regex (faas PR #1416). */
    private static final Pattern FUNCTION_PREFIX = Pattern.compile("^/?(?:async-)?function/([^/?]+)([^?]*)");

    /** The gateway's {@code NameExpression}: what its router accepts as {@code {name}}. */
    private static final Pattern FUNCTION_NAME = Pattern.compile("[-a-zA-Z_0-9.]+");

    private AsyncRequests() {}

    /**
     * The queued {@code Path}: what follows the function name, e.g. {@code
     * /async-function/fn/a/b} → {@code /a/b}, {@code /async-function/fn} → {@code ""}, {@code
     * /async-function/fn/} → {@code /}. A path the regex does not match is returned unchanged, as
     * the gateway does.
     *
     * @param requestPath the request's decoded path
     * @return the path after the function name
     */
    public static String pathAfterFunction(String requestPath) {
        Matcher matcher = FUNCTION_PREFIX.matcher(requestPath);
        return matcher.find() ? matcher.group(2) : requestPath;
    }

    /**
     * Builds the request the gateway would queue.
     *
     * <ul>
     *   <li>All client headers are kept, names canonical, including {@code Authorization}.
     *   <li>{@code X-Call-Id} is set from {@code callIdGenerator} when absent or empty. The gateway
     *       appends instead, leaving an empty first value that the worker then reads; replacing it
     *       keeps the id usable. Echo it in the 202 only when the client sent none, as the gateway
     *       does.
     *   <li>{@code X-Start-Time} is always appended, in decimal Unix nanoseconds.
     *   <li>{@code X-Callback-Url}, when its first value is non-empty, must parse with Go's {@code
     *       url.Parse} rules and, stricter than the gateway, be an absolute http or https URL with a
     *       host: the CE gateway queues a relative URL and the callback then fails silently.
     * </ul>
     *
     * @param functionName the route's {@code {name}}, e.g. {@code figlet} or {@code figlet.fn-ns}
     * @param requestPath the request's path as received, still %-encoded, as Vert.x's {@code
     *     HttpServerRequest.path()} returns it, e.g. {@code /async-function/figlet/a%20b}; it is
     *     decoded here, as Go's server decodes {@code URL.Path}, so {@code Path} holds {@code /a b}
     * @param rawQuery the raw query without {@code ?}, or {@code null} when there is none
     * @param host the {@code Host} the request was sent to
     * @param headers the client's headers
     * @param body the whole body; the gateway does not stream
     * @param callIdGenerator supplies a call id when the client sent none, e.g. {@link #RANDOM_UUID}
     * @param nowUnixNanos the acceptance time in Unix nanoseconds
     * @return the request to queue
     * @throws AsyncRequestException when the front door must answer 400
     */
    public static QueueRequest fromHttp(
            String functionName,
            String requestPath,
            String rawQuery,
            String host,
            MultiMap headers,
            byte[] body,
            Supplier<String> callIdGenerator,
            long nowUnixNanos) {
        QueueRequestBuilder builder = QueueRequest.builder()
                .function(checkFunctionName(functionName))
                .method("POST")
                .host(Objects.requireNonNullElse(host, ""))
                .path(pathAfterFunction(decodePath(Objects.requireNonNull(requestPath, "requestPath"))))
                .queryString(Objects.requireNonNullElse(rawQuery, ""))
                .body(Objects.requireNonNullElse(body, new byte[0]));
        for (Map.Entry<String, String> header : headers) {
            builder.addHeader(header.getKey(), header.getValue());
        }
        if (builder.firstHeader(HeaderNames.CALL_ID) == null) {
            builder.setHeader(HeaderNames.CALL_ID, generateCallId(callIdGenerator));
        }
        builder.addHeader(HeaderNames.START_TIME, Long.toString(nowUnixNanos));
        String callbackUrl = builder.firstHeader(HeaderNames.CALLBACK_URL);
        if (callbackUrl != null) {
            builder.callbackTarget(new CallbackTarget(checkCallbackUrl(callbackUrl), callbackUrl));
        }
        return builder.build();
    }

    private static String checkFunctionName(String functionName) {
        if (functionName == null || !FUNCTION_NAME.matcher(functionName).matches()) {
            throw new AsyncRequestException(
                    "function name must match " + FUNCTION_NAME.pattern() + ", was \"" + functionName + "\"", null);
        }
        return functionName;
    }

    /** Go's server rejects a request line with a bad escape with 400 before any handler runs. */
    private static String decodePath(String rawPath) {
        try {
            return GoUrlEscaping.unescape(rawPath, GoUrlEscaping.Mode.PATH);
        } catch (IllegalArgumentException e) {
            throw new AsyncRequestException("request path is not a valid URL path: " + e.getMessage(), e);
        }
    }

    private static String generateCallId(Supplier<String> callIdGenerator) {
        String callId = callIdGenerator.get();
        if (callId == null || callId.isEmpty()) {
            throw new IllegalStateException("callIdGenerator returned an empty call id");
        }
        return callId;
    }

    private static GoUrl checkCallbackUrl(String value) {
        GoUrl url;
        try {
            url = GoUrl.parse(value);
        } catch (IllegalArgumentException e) {
            throw new AsyncRequestException(HeaderNames.CALLBACK_URL + " is not a valid URL: " + e.getMessage(), e);
        }
        if (!url.isAbsoluteHttp()) {
            throw new AsyncRequestException(
                    HeaderNames.CALLBACK_URL + " must be an absolute http or https URL with a host", null);
        }
        return url;
    }
}
