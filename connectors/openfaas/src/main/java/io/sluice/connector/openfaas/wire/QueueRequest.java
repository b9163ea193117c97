package io.sluice.connector.openfaas.wire;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An asynchronous invocation as the OpenFaaS gateway queues it: Go's {@code types.QueueRequest}
 * from faas-provider.
 *
 * <p>Immutable and safe to share between threads. Header names are kept in Go's canonical form
 * ({@link HeaderNames#canonical}); names that canonicalise to the same key are merged, values in
 * order. String fields that were absent or {@code null} on the wire are empty strings, and absent
 * maps are empty maps, exactly as Go would leave them.
 *
 * <p>{@link #toString()} names the function, path and header names only: header values and the
 * query string may hold credentials, and the body may be large.
 */
public final class QueueRequest {

    private final Map<String, List<String>> headers;
    private final String host;
    private final byte[] body;
    private final String method;
    private final String path;
    private final String queryString;
    private final String function;
    private final String queueName;
    private final Map<String, String> annotations;
    private final Map<String, String> labels;
    private final Map<String, String> environment;
    private final CallbackTarget callback;

    QueueRequest(QueueRequestBuilder builder, CallbackTarget callback) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        builder.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.host = builder.host;
        this.body = builder.body.clone();
        this.method = builder.method;
        this.path = builder.path;
        this.queryString = builder.queryString;
        this.function = builder.function;
        this.queueName = builder.queueName;
        this.annotations = Collections.unmodifiableMap(new LinkedHashMap<>(builder.annotations));
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(builder.labels));
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(builder.environment));
        this.callback = callback;
    }

    /**
     * Decodes a message published by any OpenFaaS gateway: the pre-2023 form where every key is
     * present ({@code "Body":null}, {@code "CallbackUrl":null}, {@code "QueueName":""}) and the
     * current form where empty keys are omitted. Keys match case-insensitively, as Go's {@code
     * encoding/json} matches them; unknown keys such as {@code Labels} from newer producers are
     * ignored.
     *
     * @param json the message payload, UTF-8 JSON
     * @return the request
     * @throws QueueRequestException naming the field at fault and, for parse errors, the position
     */
    public static QueueRequest decode(byte[] json) {
        return QueueRequestDecoder.decode(Objects.requireNonNull(json, "json"));
    }

    /**
     * Encodes this request byte for byte as a current Go gateway would: keys in struct order, empty
     * fields omitted except {@code Method} and {@code Function}, map keys sorted, {@code <>&}
     * escaped as unicode escapes, {@code CallbackUrl} as Go's {@code url.URL} object.
     *
     * @return UTF-8 JSON
     */
    public byte[] encode() {
        return QueueRequestEncoder.encode(this);
    }

    /**
     * @return a builder for requests Sluice publishes itself
     */
    public static QueueRequestBuilder builder() {
        return new QueueRequestBuilder();
    }

    /**
     * @return every header, canonical names in arrival order, each with its values in order
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header, like Go's {@code Header.Get}.
     *
     * @param name any spelling of the header name
     * @return the first value, or empty when the header is absent or has no values
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(HeaderNames.canonical(name));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * @return the non-empty {@code X-Call-Id}, if any
     */
    public Optional<String> callId() {
        return header(HeaderNames.CALL_ID).filter(id -> !id.isEmpty());
    }

    /**
     * @return the {@code Host} the gateway saw, e.g. {@code 127.0.0.1:8080}; empty when unknown
     */
    public String host() {
        return host;
    }

    /**
     * @return a copy of the body; empty when there was none
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * @return the body length in bytes, without copying it
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * @return the method the client used; always {@code POST} from a gateway
     */
    public String method() {
        return method;
    }

    /**
     * @return the path after {@code /async-function/<name>}, e.g. {@code /employees/100}; empty
     *     when none
     */
    public String path() {
        return path;
    }

    /**
     * @return the raw query without the {@code ?}, e.g. {@code a=1&b=2}; empty when none
     */
    public String queryString() {
        return queryString;
    }

    /**
     * @return the function to invoke, never empty; may be {@code name.namespace}
     */
    public String function() {
        return function;
    }

    /**
     * @return the target queue; empty means the default queue
     */
    public String queueName() {
        return queueName;
    }

    /**
     * @return the function annotations passed along, e.g. {@code com.openfaas.retry.attempts}
     */
    public Map<String, String> annotations() {
        return annotations;
    }

    /**
     * @return the function labels passed along by faas-provider 0.25.10+ producers
     */
    public Map<String, String> labels() {
        return labels;
    }

    /**
     * @return the function environment passed along by faas-provider 0.25.10+ producers
     */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * Where to post the function's response.
     *
     * <p>The {@code CallbackUrl} object decides whether there is a callback and where, as it does
     * for the queue-worker. When the first {@code X-Callback-Url} header value names the same URL,
     * that original string is returned instead, because it still holds any userinfo credentials
     * that Go dropped when it encoded the object. When the object is absent or {@code null}, the
     * header is used on its own.
     *
     * <p>The URL is rebuilt like Go's {@code URL.String()}: {@code scheme://host}, the escaped path
     * ({@code RawPath} when it is a valid encoding of {@code Path}), {@code ?RawQuery} and {@code
     * #fragment}. Decoding does not insist on http(s): the gateway accepted whatever Go parsed, so
     * a relative URL here fails at callback time, as it does for the queue-worker.
     *
     * @return the callback URL, or empty when the request has none
     */
    public Optional<String> callbackUrl() {
        return callback == null ? Optional.empty() : Optional.of(callback.target());
    }

    GoUrl callbackWire() {
        return callback == null ? null : callback.wire();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof QueueRequest that)) {
            return false;
        }
        return headers.equals(that.headers)
                && host.equals(that.host)
                && Arrays.equals(body, that.body)
                && method.equals(that.method)
                && path.equals(that.path)
                && queryString.equals(that.queryString)
                && function.equals(that.function)
                && queueName.equals(that.queueName)
                && annotations.equals(that.annotations)
                && labels.equals(that.labels)
                && environment.equals(that.environment)
                && callbackUrl().equals(that.callbackUrl());
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(headers, host, method, path, queryString, function, queueName);
        result = 31 * result + Objects.hash(annotations, labels, environment, callbackUrl());
        return 31 * result + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "QueueRequest{function=" + function
                + ", method=" + method
                + ", path=" + path
                + ", queueName=" + queueName
                + ", headers=" + headers.keySet()
                + ", bodyBytes=" + body.length
                + ", callback=" + (callback != null)
                + '}';
    }
}
