package io.sluice.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An immutable, case-insensitive, multi-valued header map carried by an {@link Event}.
 *
 * <p>Transport headers (HTTP, NATS, Kafka) travel with the event so that sinks can forward them
 * unchanged: OpenFaaS functions, for instance, expect every header of the original async request.
 * Names keep the spelling of their first occurrence; lookups ignore case.
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> values;

    private Headers(TreeMap<String, List<String>> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Returns the empty header map. */
    public static Headers empty() {
        return EMPTY;
    }

    /** Copies a map of header names to values; {@code null} gives the empty map. */
    public static Headers of(Map<String, ? extends List<String>> source) {
        if (source == null || source.isEmpty()) {
            return EMPTY;
        }
        Builder builder = builder();
        source.forEach((name, list) -> list.forEach(value -> builder.add(name, value)));
        return builder.build();
    }

    /** Starts an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the first value of the header, or {@code null} when it is absent. */
    public String first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** Returns every value of the header, in arrival order; empty when absent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Tells whether the header is present. */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** Visits every name with its values. */
    public void forEach(BiConsumer<String, List<String>> action) {
        values.forEach(action);
    }

    /** Returns the headers as an unmodifiable, case-insensitive map. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    /** Tells whether there is no header. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Returns a builder holding a copy of these headers. */
    public Builder toBuilder() {
        Builder builder = builder();
        values.forEach((name, list) -> list.forEach(value -> builder.add(name, value)));
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Headers && values.equals(((Headers) other).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.keySet().toString();
    }

    /**
     * Builds a {@link Headers}; not thread-safe. {@link #build()} hands its map to the headers it
     * returns instead of copying it (one map per event on every source's hot path); a builder used
     * again after that copies first.
     */
    public static final class Builder {
        private TreeMap<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private boolean built;

        private Builder() {}

        /** Appends a value to the header. */
        public Builder add(String name, String value) {
            writable().computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            return this;
        }

        /** Replaces every value of the header with this one. */
        public Builder set(String name, String value) {
            List<String> list = new ArrayList<>(1);
            list.add(value);
            TreeMap<String, List<String>> map = writable();
            map.remove(name);
            map.put(name, list);
            return this;
        }

        /** Removes the header. */
        public Builder remove(String name) {
            writable().remove(name);
            return this;
        }

        /** Returns the immutable headers. */
        public Headers build() {
            if (values.isEmpty()) {
                return EMPTY;
            }
            if (!built) {
                values.replaceAll((name, list) -> List.copyOf(list));
                built = true;
            }
            return new Headers(values);
        }

        private TreeMap<String, List<String>> writable() {
            if (built) {
                TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                values.forEach((name, list) -> copy.put(name, new ArrayList<>(list)));
                values = copy;
                built = false;
            }
            return values;
        }
    }
}
