package io.sluice.connector.supabase;

/**
 * The names an operator sees from a {@code supabase-realtime} source: its {@code type} and its
 * metric families, each labelled with {@code source} (the source's name).
 */
public final class SupabaseRealtime {

    /** The source's {@code type}. */
    public static final String TYPE = "supabase-realtime";

    /**
     * Counter: periods in which changes may have been missed. One per loss of a live channel
     * (disconnect, heartbeat timeout, channel error), one per join that saw a change before
     * "Subscribed to PostgreSQL", and one per run of changes dropped because the routes were full.
     */
    public static final String GAPS = "sluice_realtime_gaps_total";

    /** Gauge: seconds since the channel stopped being live; 0 while it is live or never was. */
    public static final String GAP_SECONDS = "sluice_realtime_gap_seconds";

    /** Counter: changes dropped because the routes were full and the buffer too ({@code max-buffer}). */
    public static final String DROPPED = "sluice_realtime_dropped_total";

    /** Gauge: changes waiting for room in the routes. */
    public static final String BUFFERED = "sluice_realtime_buffered";

    /**
     * Counter, also labelled {@code outcome}: changes received and how they settled ({@code
     * delivered}, {@code dead_lettered}, {@code unrouted}, or {@code unsettled} when neither a sink
     * nor the dead-letter store took them; Realtime cannot redeliver those).
     */
    public static final String CHANGES = "sluice_realtime_changes_total";

    /**
     * Counter, also labelled {@code kind}: why a channel ended ({@code dropped}, {@code
     * heartbeat_timeout}, {@code join_timeout}, {@code join_refused}, {@code binding_mismatch},
     * {@code channel_error}, {@code channel_closed}, {@code channel_crashed}, {@code
     * handshake_failed}), plus {@code subscription_error} for a {@code postgres_changes} system error,
     * which leaves the channel open while the server retries.
     */
    public static final String ERRORS = "sluice_realtime_errors_total";

    /** Counter: {@code phx_join}s sent. */
    public static final String JOINS = "sluice_realtime_joins_total";

    private SupabaseRealtime() {}
}
