package io.sluice.connector.openfaas.wire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds a {@link QueueRequest}; not thread-safe. */
public final class QueueRequestBuilder {

    final Map<String, List<String>> headers = new LinkedHashMap<>();
    String host = "";
    byte[] body = new byte[0];
    String method = "POST";
    String path = "";
    String queryString = "";
    String function = "";
    String queueName = "";
    Map<String, String> annotations = Map.of();
    Map<String, String> labels = Map.of();
    Map<String, String> environment = Map.of();
    GoUrl callbackWire;
    CallbackTarget callback;
    boolean callbackSet;

    QueueRequestBuilder() {}

    /**
     * Appends a header value, like Go's {@code Header.Add}.
     *
     * @param name any spelling; stored canonical
     * @param value the value
     * @return this builder
     */
    public QueueRequestBuilder addHeader(String name, String value) {
        Objects.requireNonNull(value, "header value");
        headers.computeIfAbsent(HeaderNames.canonical(name), key -> new ArrayList<>())
                .add(value);
        return this;
    }

    /**
     * Replaces a header's values, like Go's {@code Header.Set}.
     *
     * @param name any spelling; stored canonical
     * @param value the only value
     * @return this builder
     */
    public QueueRequestBuilder setHeader(String name, String value) {
        headers.remove(HeaderNames.canonical(name));
        return addHeader(name, value);
    }

    /**
     * Appends every value of every header in {@code source}.
     *
     * @param source header names to values
     * @return this builder
     */
    public QueueRequestBuilder addHeaders(Map<String, ? extends Collection<String>> source) {
        source.forEach((name, values) -> values.forEach(value -> addHeader(name, value)));
        return this;
    }

    /**
     * The {@code Host} the gateway saw, e.g. {@code 127.0.0.1:8080}.
     *
     * @param host the value
     * @return this builder
     */
    public QueueRequestBuilder host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    /**
     * The body; copied.
     *
     * @param body the value
     * @return this builder
     */
    public QueueRequestBuilder body(byte[] body) {
        this.body = Objects.requireNonNull(body, "body").clone();
        return this;
    }

    /**
     * The HTTP method; {@code POST} by default, the only one the gateway queues.
     *
     * @param method the value
     * @return this builder
     */
    public QueueRequestBuilder method(String method) {
        this.method = Objects.requireNonNull(method, "method");
        return this;
    }

    /**
     * The path after the function name, e.g. {@code /employees/100}; empty by default.
     *
     * @param path the value
     * @return this builder
     */
    public QueueRequestBuilder path(String path) {
        this.path = Objects.requireNonNull(path, "path");
        return this;
    }

    /**
     * The raw query without the {@code ?}; empty by default.
     *
     * @param queryString the value
     * @return this builder
     */
    public QueueRequestBuilder queryString(String queryString) {
        this.queryString = Objects.requireNonNull(queryString, "queryString");
        return this;
    }

    /**
     * The function to invoke, {@code name} or {@code name.namespace}; required.
     *
     * @param function the value
     * @return this builder
     */
    public QueueRequestBuilder function(String function) {
        this.function = Objects.requireNonNull(function, "function");
        return this;
    }

    /**
     * The target queue; empty, the default, means the default queue.
     *
     * @param queueName the value
     * @return this builder
     */
    public QueueRequestBuilder queueName(String queueName) {
        this.queueName = Objects.requireNonNull(queueName, "queueName");
        return this;
    }

    /**
     * Function annotations to pass along; copied.
     *
     * @param annotations the value
     * @return this builder
     */
    public QueueRequestBuilder annotations(Map<String, String> annotations) {
        this.annotations = copyOf(annotations);
        return this;
    }

    /**
     * Function labels to pass along; copied.
     *
     * @param labels the value
     * @return this builder
     */
    public QueueRequestBuilder labels(Map<String, String> labels) {
        this.labels = copyOf(labels);
        return this;
    }

    /**
     * Function environment to pass along; copied.
     *
     * @param environment the value
     * @return this builder
     */
    public QueueRequestBuilder environment(Map<String, String> environment) {
        this.environment = copyOf(environment);
        return this;
    }

    /**
     * Sets the callback URL and the {@code X-Callback-Url} header to {@code url}, as a gateway
     * request always has both: the header is the only copy of any credentials that survives the
     * queue, because Go's {@code CallbackUrl} object drops them.
     *
     * @param url a URL Go's {@code url.Parse} accepts
     * @return this builder
     * @throws IllegalArgumentException when Go could not parse {@code url}
     */
    public QueueRequestBuilder callbackUrl(String url) {
        CallbackTarget target = new CallbackTarget(GoUrl.parse(url), url);
        setHeader(HeaderNames.CALLBACK_URL, url);
        return callbackTarget(target);
    }

    QueueRequestBuilder callbackWire(GoUrl wire) {
        this.callbackWire = wire;
        return this;
    }

    /**
     * @return the request
     * @throws IllegalArgumentException when the function is empty, or when only {@code
     *     X-Callback-Url} names the callback and Go could not parse it
     */
    public QueueRequest build() {
        if (function.isEmpty()) {
            throw new IllegalArgumentException("function must not be empty");
        }
        return new QueueRequest(this, callbackSet ? callback : resolveCallback());
    }

    QueueRequestBuilder callbackTarget(CallbackTarget target) {
        this.callback = target;
        this.callbackSet = true;
        return this;
    }

    /** A header's first value like Go's {@code Get}, or {@code null} when absent or empty. */
    String firstHeader(String name) {
        List<String> values = headers.get(HeaderNames.canonical(name));
        boolean absent = values == null || values.isEmpty() || values.get(0).isEmpty();
        return absent ? null : values.get(0);
    }

    private CallbackTarget resolveCallback() {
        try {
            return CallbackTarget.resolve(callbackWire, firstHeader(HeaderNames.CALLBACK_URL));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(HeaderNames.CALLBACK_URL + " is not a valid URL: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> copyOf(Map<String, String> source) {
        Map<String, String> copy = new LinkedHashMap<>();
        source.forEach(
                (key, value) -> copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
        return copy;
    }
}
