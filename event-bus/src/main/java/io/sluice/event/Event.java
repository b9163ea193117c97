package io.sluice.event;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The envelope every source produces and every processor and sink consumes: the CloudEvents 1.0
 * context attributes, the transport headers the event arrived with, and the data as raw bytes.
 *
 * <p>Events are immutable and safe to share between threads. The data is kept as bytes, never
 * re-serialised, so a signature computed by a publisher or a body forwarded to a function stays
 * byte-for-byte what was received.
 *
 * <p>The acknowledgement handle is not part of the event: a source hands an event to {@link
 * io.sluice.pipeline.SourceContext#dispatch} and gets back a future that completes once every
 * output of the event has settled, and acknowledges its own message then.
 */
public final class Event {

    /** The CloudEvents specification version Sluice emits. */
    public static final String SPEC_VERSION = "1.0";

    private final String id;
    private final String source;
    private final String type;
    private final String subject;
    private final Instant time;
    private final String dataContentType;
    private final String dataSchema;
    private final Map<String, String> extensions;
    private final Headers headers;
    private final Buffer data;

    private Event(Builder builder) {
        // A random UUID only when no id was given: SecureRandom is a cost on every event otherwise.
        this.id =
                builder.idGiven ? require(builder.id, "id") : UUID.randomUUID().toString();
        this.source = require(builder.source, "source");
        this.type = require(builder.type, "type");
        this.subject = builder.subject;
        this.time = builder.time;
        this.dataContentType = builder.dataContentType;
        this.dataSchema = builder.dataSchema;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extensions));
        this.headers = builder.headers;
        this.data = builder.data;
    }

    private static String require(String value, String attribute) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(
                    "CloudEvents attribute '" + attribute + "' is required and must not be empty");
        }
        return value;
    }

    /** Starts a builder; {@code id} defaults to a random UUID and {@code time} to now. */
    public static Builder builder() {
        return new Builder();
    }

    /** The event id; with {@link #source()} it identifies the event, so duplicates share it. */
    public String id() {
        return id;
    }

    /** The context the event happened in, a URI reference such as {@code /sources/faas-queue}. */
    public String source() {
        return source;
    }

    /** What happened, e.g. {@code com.openfaas.async.invocation}. */
    public String type() {
        return type;
    }

    /** The subject within the source (a function name, a table), or {@code null}. */
    public String subject() {
        return subject;
    }

    /** When the event happened, or {@code null} when unknown. */
    public Instant time() {
        return time;
    }

    /** The media type of {@link #data()}, or {@code null}. */
    public String dataContentType() {
        return dataContentType;
    }

    /** A URI naming the schema of the data, or {@code null}. */
    public String dataSchema() {
        return dataSchema;
    }

    /** CloudEvents extension attributes (lower-case names), e.g. {@code position}. */
    public Map<String, String> extensions() {
        return extensions;
    }

    /** Returns an extension attribute, or {@code null}. */
    public String extension(String name) {
        return extensions.get(name);
    }

    /** The transport headers the event arrived with. */
    public Headers headers() {
        return headers;
    }

    /** The data exactly as received; empty, never {@code null}. */
    public Buffer data() {
        return data;
    }

    /**
     * Parses the data as a JSON object.
     *
     * @throws io.vertx.core.json.DecodeException when the data is not a JSON object
     */
    public JsonObject dataAsJson() {
        return new JsonObject(data);
    }

    /** Returns a builder initialised with this event's attributes, headers and data. */
    public Builder toBuilder() {
        Builder builder = builder()
                .id(id)
                .source(source)
                .type(type)
                .subject(subject)
                .time(time)
                .dataContentType(dataContentType)
                .dataSchema(dataSchema)
                .headers(headers)
                .data(data);
        extensions.forEach(builder::extension);
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Event)) {
            return false;
        }
        Event that = (Event) other;
        return id.equals(that.id)
                && source.equals(that.source)
                && type.equals(that.type)
                && Objects.equals(subject, that.subject)
                && Objects.equals(time, that.time)
                && Objects.equals(dataContentType, that.dataContentType)
                && Objects.equals(dataSchema, that.dataSchema)
                && extensions.equals(that.extensions)
                && headers.equals(that.headers)
                && data.equals(that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source, type);
    }

    /** Names the event without its data, which may be large or sensitive. */
    @Override
    public String toString() {
        return "Event{id='" + id + "', source='" + source + "', type='" + type + "'}";
    }

    /** Builds an {@link Event}; not thread-safe. */
    public static final class Builder {
        private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]{1,20}");

        private String id;
        private boolean idGiven;
        private String source;
        private String type;
        private String subject;
        private Instant time = Instant.now();
        private String dataContentType;
        private String dataSchema;
        private final Map<String, String> extensions = new LinkedHashMap<>();
        private Headers headers = Headers.empty();
        private Buffer data = Buffer.buffer();

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            this.idGiven = true;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        public Builder dataContentType(String dataContentType) {
            this.dataContentType = dataContentType;
            return this;
        }

        public Builder dataSchema(String dataSchema) {
            this.dataSchema = dataSchema;
            return this;
        }

        /**
         * Sets an extension attribute; {@code null} removes it.
         *
         * @throws IllegalArgumentException when the name is not lower-case alphanumeric
         */
        public Builder extension(String name, String value) {
            if (!EXTENSION_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "CloudEvents extension names are lower-case letters and digits, got '" + name + "'");
            }
            if (value == null) {
                extensions.remove(name);
            } else {
                extensions.put(name, value);
            }
            return this;
        }

        public Builder headers(Headers headers) {
            this.headers = headers == null ? Headers.empty() : headers;
            return this;
        }

        public Builder data(Buffer data) {
            this.data = data == null ? Buffer.buffer() : data;
            return this;
        }

        public Builder data(byte[] data) {
            return data(data == null ? null : Buffer.buffer(data));
        }

        /** Sets JSON data and its content type. */
        public Builder data(JsonObject json) {
            this.dataContentType = "application/json";
            return data(json.toBuffer());
        }

        public Event build() {
            return new Event(this);
        }
    }
}
